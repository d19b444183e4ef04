"""200 feed items from a local server: the first digest run and the cached rerun.

Run: ``python benchmarks/bench_feeds.py`` (``make bench`` runs it). Prints the
wall time of each run, the requests the server saw and what the rerun fetched.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "web")]

from webpages import STORIES, page, rss  # noqa: E402
from webserver import WebServer  # noqa: E402

from exporter.cli import main  # noqa: E402

FEEDS, PER_FEED = 10, 20


def serve(web: WebServer) -> list[str]:
    now = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
    languages = list(STORIES)
    feeds = []
    for f in range(FEEDS):
        items = []
        for i in range(PER_FEED):
            language = languages[(f + i) % len(languages)]
            title, story = STORIES[language]
            paragraphs = [f"{p} ({f}-{i}, item {i} of feed {f})" for p in story] + [
                f"Item {i} of feed {f} ends with its own sentence number {f * 100 + i}."]
            web.add(f"/p/{f}/{i}", page(language, title=f"{title} {f}-{i}",
                                        paragraphs=paragraphs), etag=f'"{f}-{i}"')
            items.append({"title": title, "link": web.url(f"/p/{f}/{i}"), "date": now})
        feeds.append(web.add(f"/feed/{f}", rss(f"Feed {f}", items),
                             content_type="application/rss+xml", etag=f'"feed-{f}"'))
    return feeds


def run(feeds: list[str], cache: Path, out: Path, *extra: str) -> tuple[float, dict]:
    buffer = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(buffer):
        main(["digest", *feeds, "--cache", str(cache), "--out", str(out), "--max", "50",
              "--json", *extra])
    return time.perf_counter() - started, json.loads(buffer.getvalue())


def main_bench() -> None:
    web = WebServer()
    try:
        feeds = serve(web)
        with tempfile.TemporaryDirectory() as scratch:
            cache, out = Path(scratch) / "cache", Path(scratch) / "out"
            first, report = run(feeds, cache, out)
            seen = len(web.seen)
            print(f"first run: {FEEDS * PER_FEED} items from {FEEDS} feeds, "
                  f"{report['articles']} articles, {seen} requests, {first:.2f} s")
            again, report = run(feeds, cache, out)
            print(f"cached rerun (state kept): {len(web.seen) - seen} requests, "
                  f"{report['fetched']} fetched, {report['not_modified']} not modified, "
                  f"{again:.2f} s")
            seen = len(web.seen)
            cold, report = run(feeds, cache, Path(scratch) / "out2", "--state",
                               str(Path(scratch) / "fresh.json"))
            print(f"rerun without state (every page conditional): {len(web.seen) - seen} "
                  f"requests, {report['fetched']} fetched, {report['not_modified']} not "
                  f"modified, {cold:.2f} s")
    finally:
        web.close()


if __name__ == "__main__":
    main_bench()
