"""``exporter digest --scheduler``: pages fetched and rendered on a real Dask cluster (#17 point 7).

The cluster is a ``distributed.LocalCluster`` in this process (``processes=False``);
the feeds and pages come from the real 127.0.0.1 server of :mod:`webserver`.
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import webserver
from webpages import STORIES, page, rss
from webserver import WebServer

from exporter.cli import main

web = webserver.web
NOW = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())


@pytest.fixture
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason="the test extra installs Dask")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as local:
        yield local


def test_digest_fetches_and_renders_on_the_cluster(
    web: WebServer, cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for language in ("en", "de", "fr"):
        web.add(f"/{language}", page(language))
    feed = web.add("/rss", rss("Harbour News", [
        {"title": STORIES[lang][0], "link": web.url(f"/{lang}"), "date": NOW}
        for lang in ("en", "de", "fr")]), content_type="application/rss+xml")
    address = cluster.scheduler_address
    status = main(["digest", feed, "--scheduler", address, "--format", "epub,docx",
                   "--cache", str(tmp_path / "cache"), "--out", str(tmp_path / "out"), "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    report = json.loads(out)
    written = [Path(p) for p in report["written"]]
    assert sorted(p.suffix for p in written) == [".docx"] * 3 + [".epub"]
    # The pages were fetched by the workers (each once) and read into the digest.
    assert [len(web.hits(f"/{lang}")) for lang in ("en", "de", "fr")] == [1, 1, 1]
    epub = next(p for p in written if p.suffix == ".epub")
    with zipfile.ZipFile(epub) as book:
        text = " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    for language in ("en", "de", "fr"):
        assert STORIES[language][1][0].split()[2] in text
    import docx

    titles = {docx.Document(str(p)).core_properties.title for p in written if p.suffix == ".docx"}
    assert titles == {STORIES[lang][0] for lang in ("en", "de", "fr")}
    # ... and the scheduler saw the page and render tasks.
    prefixes = set(cluster.scheduler.task_prefixes)
    assert {"remote_page", "render"} <= prefixes, prefixes  # Dask drops the leading _


def test_an_unreachable_scheduler_is_a_one_line_error(
    web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed", reason="the test extra installs Dask")
    web.add("/en", page("en"))
    feed = web.add("/rss", rss("Harbour News", [
        {"title": "Ferry", "link": web.url("/en"), "date": NOW}]),
        content_type="application/rss+xml")
    status = main(["digest", feed, "--scheduler", "tcp://127.0.0.1:9", "--cache",
                   str(tmp_path / "cache"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Dask scheduler" in lines[0] and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
