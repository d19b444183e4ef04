"""``exporter export``: articles to briefings (DOCX), one-pagers (PDF) and a digest (EPUB)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Options
from .common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    add_image_arguments,
    add_length_arguments,
    positive_int,
)

if TYPE_CHECKING:
    from ..pipeline import ExportReport


def add_parser(commands: Any) -> None:
    """Register ``export`` on argparse's sub-parsers."""
    export = commands.add_parser(
        "export",
        help="write briefings (DOCX), one-pagers (PDF) and a digest (EPUB)",
        description="Read articles and write each in the chosen formats; the EPUB digest "
        "gathers all of them into one book.",
    )
    export.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="article files (.txt, .html, .md, or sniffed), folders or globs; - for stdin",
    )
    export.add_argument(
        "--format", "-f", metavar="LIST", help="comma-separated formats (default docx,pdf,epub)"
    )
    export.add_argument(
        "--out", "-o", type=Path, metavar="DIR", help="output folder (default ./out)"
    )
    add_length_arguments(export)
    layout = export.add_argument_group("layout")
    layout.add_argument(
        "--organisation",
        "--organization",
        metavar="NAME",
        help="organisation name for headers and mastheads",
    )
    layout.add_argument("--page-size", metavar="SIZE", help="PDF page size: A4 or Letter")
    layout.add_argument(
        "--template",
        type=Path,
        metavar="DOCX",
        help="reference .docx whose styles the briefing takes",
    )
    layout.add_argument("--css", type=Path, metavar="FILE", help="stylesheet for the EPUB digest")
    layout.add_argument(
        "--template-dir",
        type=Path,
        metavar="DIR",
        help="folder of templates that override the packaged ones",
    )
    layout.add_argument(
        "--logo", type=Path, metavar="IMAGE",
        help="image before the organisation's name in the briefing's header band",
    )
    layout.add_argument(
        "--logo-text", metavar="TEXT",
        help="the logo's text alternative for screen readers (default: its file name's words)",
    )
    layout.add_argument("--digest-title", metavar="TEXT", help="title of the EPUB digest")
    layout.add_argument(
        "--order", choices=("given", "date"),
        help="order of the digest's articles: as given, or by date, oldest first "
        "(default: given, or from the configuration)",
    )
    layout.add_argument(
        "--preview", action="store_true", help="also write a PNG preview of each PDF one-pager"
    )
    add_image_arguments(layout)
    export.add_argument(
        "--json",
        action="store_true",
        help="print a JSON report (written files, failures) instead of lines",
    )
    batch = export.add_argument_group("batch")
    batch.add_argument("--jobs", "-j", type=positive_int, metavar="N",
                       help="worker processes (default: the number of cores)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786 (exporter[dask])")

    export.set_defaults(handler=run)


def run(args: argparse.Namespace, options: Options) -> int:
    """Carry out ``exporter export``; returns the exit status."""
    from ..files import remove_temporaries
    from ..interrupt import Interrupted, check, end_children, finished, signals_interrupt
    from ..pipeline import ExportReport, close_executor, export, make_executor
    from ..summarise import resolve_method

    resolve_method(options.method)
    formats = args.format.split(",") if args.format else list(options.formats)
    bar = None if args.json else _ProgressBar()
    executor = None
    report: ExportReport | None = None
    # SIGINT and SIGTERM stop the workers, keep every file written whole and no other.
    with signals_interrupt():
        try:
            # A process pool starts its workers only when a batch of several articles needs them.
            executor = make_executor(args.jobs, args.scheduler)
            try:
                report = export(args.articles, options, formats=formats, executor=executor,
                                progress=bar)
            finally:
                if bar is not None:
                    bar.close()
            if executor is not None:
                close_executor(executor)
            check()
            finished()
        except Interrupted as stop:
            if executor is not None:
                close_executor(executor, now=True)
            end_children()
            remove_temporaries()
            done = stop.report if stop.report is not None else report
            _print_export(done or ExportReport(), args.json, stop.name)
            print(f"exporter: interrupted by {stop.name}: {_so_far(done, options.out_dir)}; "
                  "nothing partial left", file=sys.stderr)
            return stop.status
        assert report is not None
        _print_export(report, args.json)
    if not report.failures:
        return EXIT_OK
    return EXIT_INTERNAL if any(f.internal for f in report.failures) else EXIT_USAGE


def _so_far(report: ExportReport | None, out_dir: Path) -> str:
    """``12 of 300 articles done, 23 files written in out (the last: out/x.pdf)``."""
    if report is None:
        return "0 files written"
    text = f"{report.articles} of {report.total} articles done, {len(report.written)} files written"
    if report.written:
        text += f" in {out_dir} (the last: {report.written[-1]})"
    return text


def _print_export(report: ExportReport, as_json: bool, interrupted: str | None = None) -> None:
    """The export's report: JSON on standard output, or written paths there and the rest on
    standard error."""
    if as_json:
        print(json.dumps({
            "written": [str(p) for p in report.written],
            "failed": [{"source": f.source, "reason": f.reason} for f in report.failures],
            "notices": report.notices,
            "articles": report.articles,
            "elapsed": round(report.elapsed, 3),
            "interrupted": interrupted,
        }, ensure_ascii=False))
        return
    for notice in report.notices:
        print(f"exporter: {notice}", file=sys.stderr)
    for path in report.written:
        print(path)
    for failure in report.failures:
        reason = failure.reason
        if not reason.startswith(failure.source):
            reason = f"{failure.source}: {reason}"
        print(f"exporter: {reason}", file=sys.stderr)
    if report.articles > 1 and interrupted is None:  # a batch ends with its tally
        failed = len({f.source for f in report.failures})
        print(f"exporter: {report.articles} articles, {len(report.written)} files written, "
              f"{failed} failed, {report.elapsed:.1f} s", file=sys.stderr)


class _ProgressBar:
    """A tqdm bar on standard error, shown only on a terminal and for a batch."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._decided = False

    def __call__(self, done: int, total: int) -> None:
        if not self._decided:
            self._decided = True
            if total > 1 and sys.stderr.isatty():
                from tqdm import tqdm

                self._bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
