"""The command line: argument parsing and exit codes only; the work is the API's.

Exit status: 0 on success; 2 for bad usage, unreadable input or an output that
cannot be written, with a one-line message naming the file and the reason; 75
when ``exporter email`` could not deliver and kept the message in the outbox;
130 and 143 when ``export`` was stopped by SIGINT or SIGTERM (what it wrote is
listed, and no partial file is left); 1 for anything else (a bug), still in
one line. Set EXPORTER_DEBUG=1 for a
traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__
from .config import Options, load_options, normalise_page_size
from .errors import ExporterError, UsageError

if TYPE_CHECKING:
    from .model import Article
    from .pipeline import ExportReport

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line and exit 2 like every other usage error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text!r}")
    return value


def add_length_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the summary-length and method flags shared by every command that summarises."""
    group = parser.add_argument_group("summary")
    group.add_argument(
        "--sentences",
        "-n",
        type=_positive_int,
        metavar="N",
        help="summary length in sentences (default 5, or from the configuration)",
    )
    group.add_argument(
        "--ratio",
        type=_ratio,
        metavar="R",
        help="summary length as a fraction of the article's sentences",
    )
    group.add_argument(
        "--words", type=_positive_int, metavar="W", help="summary length as a word budget"
    )
    group.add_argument(
        "--method", "-m", metavar="NAME", help="summarisation method (see `exporter methods`)"
    )
    group.add_argument(
        "--language",
        metavar="CODE",
        help="the articles' language (ISO 639-1, e.g. de) instead of detecting it",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``exporter`` argument parser with all its commands."""
    parser = _Parser(prog="exporter", description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"exporter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

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
    export.add_argument(
        "--json",
        action="store_true",
        help="print a JSON report (written files, failures) instead of lines",
    )
    batch = export.add_argument_group("batch")
    batch.add_argument("--jobs", "-j", type=_positive_int, metavar="N",
                       help="worker processes (default: the number of cores)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786 (exporter[dask])")

    summarise = commands.add_parser(
        "summarise",
        aliases=["summarize"],
        help="print the extractive summary of articles",
        description="Print each article's summary sentences, in document order.",
    )
    summarise.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help="article files; - for standard input"
    )
    add_length_arguments(summarise)
    summarise.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per article per line: source, title, sentences",
    )

    commands.add_parser(
        "methods",
        help="list the summarisation methods",
        description="List the names --method accepts.",
    )
    commands.add_parser(
        "formats",
        help="list the installed output formats",
        description="List the names --format accepts, built-in and plug-in.",
    )
    doctor = commands.add_parser(
        "doctor", help="report what this installation can do",
        description="Report, offline, which scripts the fonts cover (and, given an article, "
        "whether they cover it), Java and EPUBCheck, LibreOffice, SMTP and library versions.",
    )
    doctor.add_argument("article", nargs="?", type=Path, metavar="ARTICLE",
                        help="also check that the fonts cover this article")
    _add_optional_commands(commands)
    return parser


def _add_optional_commands(commands: Any) -> None:
    from .web.digest import add_digest_parser

    add_digest_parser(commands)
    try:
        from .deliver.cli import add_email_parser
    except ImportError:
        return
    add_email_parser(commands)


def _options(args: argparse.Namespace) -> Options:
    options = load_options()
    page_size = getattr(args, "page_size", None)
    return options.replace(
        out_dir=getattr(args, "out", None),
        sentences=getattr(args, "sentences", None),
        ratio=getattr(args, "ratio", None),
        words=getattr(args, "words", None),
        method=getattr(args, "method", None),
        language=getattr(args, "language", None),
        organisation=getattr(args, "organisation", None),
        pdf_page_size=normalise_page_size(page_size) if page_size else None,
        docx_template=getattr(args, "template", None),
        docx_logo=getattr(args, "logo", None),
        docx_logo_text=getattr(args, "logo_text", None),
        epub_css=getattr(args, "css", None),
        template_dir=getattr(args, "template_dir", None),
        digest_title=getattr(args, "digest_title", None),
        order=getattr(args, "order", None),
    )


def _run_export(args: argparse.Namespace, options: Options) -> int:
    from .files import remove_temporaries
    from .interrupt import Interrupted, check, end_children, signals_interrupt
    from .pipeline import ExportReport, close_executor, export, make_executor
    from .summarise import resolve_method

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
                report = export(args.articles, options, formats=formats, preview=args.preview,
                                order=options.order, executor=executor, progress=bar)
            finally:
                if bar is not None:
                    bar.close()
            if executor is not None:
                close_executor(executor)
            check()
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


def _run_summarise(args: argparse.Namespace, options: Options) -> int:
    """Print each article's summary; a bad article is reported at the end and the rest go on.

    As with ``export``: exit 2 if an article could not be read, 1 if one met a bug.
    """
    from .pipeline import read_article
    from .summarise import resolve_method

    resolve_method(options.method)
    failures: list[str] = []
    internal = False
    for source in args.articles:
        try:
            article = read_article(source, options)
        except ExporterError as error:
            failures.append(str(error))
            continue
        except Exception as error:  # a bug: report it with the others, and go on
            if os.environ.get("EXPORTER_DEBUG"):
                raise
            failures.append(f"{source}: internal error: {error!r}")
            internal = True
            continue
        _print_summary(args, source, article)
    for failure in failures:
        print(f"exporter: {failure}", file=sys.stderr)
    if len(args.articles) > 1 and failures:
        print(f"exporter: {len(args.articles)} articles, {len(failures)} failed", file=sys.stderr)
    if not failures:
        return EXIT_OK
    return EXIT_INTERNAL if internal else EXIT_USAGE


def _print_summary(args: argparse.Namespace, source: str, article: Article) -> None:
    document = article.document
    sentences = article.summary.texts
    if args.json:
        print(
            json.dumps(
                {
                    "source": source,
                    "title": document.title,
                    "language": document.language,
                    "method": article.summary.method,
                    "sentences": sentences,
                    "positions": [list(s.position) for s in article.summary.sentences],
                },
                ensure_ascii=False,
            )
        )
    else:
        if len(args.articles) > 1:
            print(f"== {document.title} ({source})")
        for sentence in sentences:
            print(f"- {sentence}")


def _run_methods() -> int:
    from .summarise import method_help

    rows = method_help()
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        print(f"{name:<{width}}  {description}")
    return EXIT_OK


def _run_formats() -> int:
    from .writers import available_formats, get_writer

    for name in available_formats():
        try:
            writer = get_writer(name)
        except ExporterError as error:
            print(f"{name}\tunavailable: {error}")
            continue
        print(f"{name}\t{writer.extension}\t{writer.media_type}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="exporter: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        options = _options(args)
        if args.command == "export":
            return _run_export(args, options)
        if args.command in ("summarise", "summarize"):
            return _run_summarise(args, options)
        if args.command == "methods":
            return _run_methods()
        if args.command == "formats":
            return _run_formats()
        if args.command == "doctor":
            from .doctor import report

            print("\n".join(report(args.article)))
            return EXIT_OK
        handler = getattr(args, "handler", None)
        if handler is not None:
            return int(handler(args, options))
        raise UsageError(f"unknown command {args.command!r}")
    except ExporterError as error:
        print(f"exporter: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exporter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: one line, no traceback, unless debugging
        if os.environ.get("EXPORTER_DEBUG"):
            raise
        print(
            f"exporter: internal error: {error!r} (set EXPORTER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
