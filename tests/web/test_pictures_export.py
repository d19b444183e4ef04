"""--images end to end: a page's pictures reach the EPUB and DOCX, and nothing is fetched without it."""

from __future__ import annotations

import io
import json
import logging
import random
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest
import webserver
from epubcheck_util import check_epubs
from PIL import Image
from webserver import WebServer

from exporter.cli import main

web = webserver.web

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour wall repaired ahead of winter storms</title>
<meta property="og:image" content="/media/wall-1600.jpg">
<meta property="og:image:alt" content="Workers on the repaired harbour wall">
</head><body><article><h1>Harbour wall repaired ahead of winter storms</h1>
<figure><img src="/media/wall-1600.jpg" alt="Workers on the wall">
<figcaption>The new wall, two metres higher than the old one.</figcaption></figure>
<p>Engineers finished the repairs to the harbour wall on Friday, three weeks ahead of the storm season.</p>
<p>The work cost 2.4 million pounds and raised the wall by two metres along its whole length.</p>
<figure><img src="/media/map.png" alt="Map of the harbour"></figure>
<p>Fishermen said the higher wall would let them keep their boats in the inner basin all winter.</p>
<p>The council will inspect the wall again after the first big storm, a spokesperson said.</p>
<figure><img src="/media/missing.jpg" alt="Gone"></figure>
</article></body></html>"""


def _photo() -> bytes:
    noise = random.Random(7).randbytes(1200 * 800 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (1200, 800), noise).save(out, "JPEG", quality=95)
    return out.getvalue()


def _map() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    image.paste((20, 90, 160, 255), (50, 50, 350, 250))
    image.save(out, "PNG")
    return out.getvalue()


def _serve(web: WebServer) -> str:
    web.add("/media/wall-1600.jpg", _photo(), "image/jpeg")
    web.add("/media/map.png", _map(), "image/png")
    return web.add("/news/wall", PAGE)


def _export(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    status = main(["export", *args, "--format", "docx,epub", "--out", str(tmp_path / "out"),
                   "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return {"report": json.loads(out), "err": err}


def test_without_images_nothing_but_the_page_is_fetched(web: WebServer, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = _serve(web)
    _export(tmp_path, capsys, url)
    assert [s.path for s in web.seen] == ["/news/wall"]
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.epub"))) as book:
        assert not [n for n in book.namelist() if "images/" in n]
    briefing = next((tmp_path / "out").glob("*.docx"))
    with zipfile.ZipFile(briefing) as package:
        assert not [n for n in package.namelist() if n.startswith("word/media/briefing")]


def test_images_reach_the_epub_and_the_docx_within_the_budget(
        web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    url = _serve(web)
    with caplog.at_level(logging.WARNING):
        _export(tmp_path, capsys, url, "--images", "--image-budget", "60k")
    notes = [r.getMessage() for r in caplog.records if "picture" in r.getMessage()]
    assert len(notes) == 1 and "missing.jpg left out: HTTP 404" in notes[0]
    fetched = sorted(s.path for s in web.seen)
    assert fetched == ["/media/map.png", "/media/missing.jpg", "/media/wall-1600.jpg",
                       "/news/wall"]  # the lead and its figure twin are fetched once

    book_path = next((tmp_path / "out").glob("*.epub"))
    with zipfile.ZipFile(book_path) as book:
        images = sorted(n for n in book.namelist() if "/images/" in n or n.startswith("images/"))
        assert len(images) == 2
        assert all(book.getinfo(n).file_size <= 60_000 for n in images)
        chapter = next(n for n in book.namelist() if "article-" in n and n.endswith(".xhtml"))
        page = ET.fromstring(book.read(chapter))
        opf = book.read(next(n for n in book.namelist() if n.endswith(".opf"))).decode()
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    figures = page.findall(".//x:figure", ns)
    assert [f.get("class") for f in figures] == ["lead-image", "picture"]
    lead_img = figures[0].find("x:img", ns)
    assert lead_img is not None and lead_img.get("alt") == "Workers on the repaired harbour wall"
    assert figures[0].findtext("x:figcaption", namespaces=ns) == (
        "The new wall, two metres higher than the old one.")
    assert figures[1].find("x:img", ns).get("alt") == "Map of the harbour"  # type: ignore[union-attr]
    assert 'media-type="image/jpeg"' in opf and 'media-type="image/png"' in opf
    # The lead image sits in the header, before the summary.
    header = page.find(".//x:header", ns)
    assert header is not None and header.find("x:figure", ns) is not None
    result_check = check_epubs([book_path])[book_path]
    assert result_check.clean, result_check.messages

    briefing = next((tmp_path / "out").glob("*.docx"))
    document = docx.Document(str(briefing))
    shapes = document.inline_shapes
    assert len(shapes) == 2
    descriptions = [s._inline.docPr.get("descr") for s in shapes]
    assert descriptions == ["Workers on the repaired harbour wall", "Map of the harbour"]
    texts = [p.text for p in document.paragraphs]
    assert "The new wall, two metres higher than the old one." in texts
    widths = [s.width for s in shapes]
    section = document.sections[0]
    room = section.page_width - section.left_margin - section.right_margin
    assert all(0 < w <= room for w in widths)
    with zipfile.ZipFile(briefing) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/briefing")]
        types = package.read("[Content_Types].xml").decode()
    assert len(media) == 2 and 'Extension="jpeg"' in types and 'Extension="png"' in types


def test_the_image_budget_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "x.txt", "--image-budget", "12q"])
    assert stop.value.code == 2
    assert "not a size" in capsys.readouterr().err


def test_a_digest_with_images_carries_each_feed_item_s_pictures(
        web: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from webpages import rss

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    url = _serve(web)
    web.add("/feed", rss("Harbour News", [{"title": "Wall", "link": url,
                                           "date": "Mon, 01 Jan 2035 00:00:00 GMT"}]),
            content_type="application/rss+xml")
    status = main(["digest", web.url("/feed"), "--cache", str(tmp_path / "cache"),
                   "--out", str(tmp_path / "out"), "--json", "--since", "100000d",
                   "--images"])
    capsys.readouterr()
    assert status == 0
    book_path = next((tmp_path / "out").glob("*.epub"))
    with zipfile.ZipFile(book_path) as book:
        images = [n for n in book.namelist() if "images/" in n]
    assert len(images) == 2
    assert web.hits("/media/map.png") and web.hits("/media/wall-1600.jpg")
