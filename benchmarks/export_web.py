"""Every page of ``../shared/eval/web`` through ``exporter export``, all three formats.

Each page's HTML is written to a temporary folder and exported with the CLI's own
entry point, in this process (a process per page would spend most of its time
starting Python). A page passes when the command exits 0 with a DOCX, a PDF and an
EPUB, or exits 2 with one line on stderr (the documented refusal, e.g. a script the
PDF fonts lack, with the other formats written); anything else, and any traceback,
is listed.

    .venv/bin/python benchmarks/export_web.py [--limit N] [--shard K/M] [--ids a,b]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WEB = ROOT.parent / "shared" / "eval" / "web"
FORMATS = ("docx", "pdf", "epub")


def export_page(html: bytes, name: str, work: Path) -> tuple[str, str]:
    """``(verdict, detail)`` of exporting one page: ``ok``, ``refused`` or ``FAILED``."""
    from exporter.cli import main

    folder = work / name
    out = folder / "out"
    out.mkdir(parents=True)
    page = folder / f"{name}.html"
    page.write_bytes(html)
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["export", str(page), "--format", ",".join(FORMATS), "--out", str(out),
                         "--jobs", "1"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # noqa: BLE001 - a traceback is exactly what this looks for
        return "FAILED", traceback.format_exc()
    lines = [line for line in stderr.getvalue().splitlines() if line.strip()]
    written = sorted(path.suffix[1:] for path in out.iterdir())
    if "Traceback" in stderr.getvalue():
        return "FAILED", stderr.getvalue()
    if code == 0 and written == sorted(FORMATS):
        return "ok", ""
    if code == 2 and len(lines) == 1:
        # The documented refusal: one line, exit 2; the other formats are still written.
        return "refused", f"wrote {written}: {lines[0]}"
    return "FAILED", f"exit {code}, wrote {written}, stderr: {lines[:5]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--shard", default="1/1", help="K/M: every M-th page from the K-th")
    parser.add_argument("--ids", help="comma-separated page ids")
    args = parser.parse_args(argv)
    if not (WEB / "gold.json").is_file():
        print(f"export-web: {WEB} is absent (../shared beside the project)", file=sys.stderr)
        return 2
    gold = json.loads((WEB / "gold.json").read_text(encoding="utf-8"))
    if args.ids:
        wanted = set(args.ids.split(","))
        gold = [case for case in gold if case["id"] in wanted]
    gold = gold[: args.limit] if args.limit else gold
    k, m = (int(part) for part in args.shard.split("/"))
    gold = gold[k - 1 :: m]
    counts = {"ok": 0, "refused": 0, "FAILED": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        for case in gold:
            html = gzip.decompress((WEB / case["page"]).read_bytes())
            verdict, detail = export_page(html, case["id"], Path(work))
            counts[verdict] += 1
            if verdict != "ok":
                print(f"{case['id']}: {verdict}: {detail.strip()}", flush=True)
    seconds = time.perf_counter() - started
    print(f"{len(gold)} pages: {counts['ok']} exported, {counts['refused']} refused, "
          f"{counts['FAILED']} failed ({seconds:.0f} s)")
    return 1 if counts["FAILED"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
