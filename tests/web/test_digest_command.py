"""exporter digest against a real HTTP server: sections per feed, repeats, cache, state, lock."""

from __future__ import annotations

import email
import email.policy
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import webserver
from webpages import STORIES, atom, json_feed, opml, page, rss
from webserver import WebServer

from exporter.cli import main
from exporter.web.state import run_lock

web = webserver.web

NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOW = time.gmtime()
RFC822 = time.strftime("%a, %d %b %Y %H:%M:%S GMT", NOW)
ISO = time.strftime("%Y-%m-%dT%H:%M:%SZ", NOW)
OLD = "Mon, 01 Jan 2001 00:00:00 GMT"


@pytest.fixture
def digest(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           tmp_path: Path) -> Callable[..., tuple[int, dict, str]]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    def run(*args: str) -> tuple[int, dict, str]:
        capsys.readouterr()
        status = main(["digest", *args, "--cache", str(tmp_path / "cache"),
                       "--out", str(tmp_path / "out"), "--json"])
        out, err = capsys.readouterr()
        return status, json.loads(out) if out.strip() else {}, err
    return run


def serve_feeds(web: WebServer) -> list[str]:
    for language in STORIES:
        web.add(f"/{language}", page(language), etag=f'"{language}-1"')
    web.add("/rss", rss("Harbour News", [
        {"title": "Ferry", "link": web.url("/en"), "date": RFC822},
        {"title": "Rad", "link": web.url("/de"), "date": RFC822},
        {"title": "Ancient", "link": web.url("/ancient"), "date": OLD}]),
        content_type="application/rss+xml", etag='"rss-1"')
    web.add("/atom", atom("Europe Desk", [
        {"title": "Médiathèque", "link": web.url("/fr"), "updated": ISO},
        {"title": "Ferry again", "link": web.url("/en?utm_source=feed"), "updated": ISO},
        {"title": "Λεωφορείο", "link": web.url("/gone"), "updated": ISO,
         "content": "".join(f"<p>{p}</p>" for p in STORIES["el"][1])}]),
        content_type="application/atom+xml", last_modified="Tue, 01 Jan 2030 00:00:00 GMT")
    web.add("/json", json_feed("Moscow Wire", [
        {"id": "ru-1", "url": web.url("/ru"), "title": "Park", "date_published": ISO}]),
        content_type="application/feed+json", etag='"json-1"')
    web.add("/subs.opml", opml([("Europe", web.url("/atom")), ("Moscow", web.url("/json"))]),
            content_type="text/x-opml", etag='"opml-1"')
    return [web.url("/rss"), web.url("/subs.opml")]


def read_book(path: Path) -> tuple[ET.Element, ET.Element, dict[str, str]]:
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        nav = ET.fromstring(book.read(next(n for n in names if n.endswith("nav.xhtml"))))
        ncx = ET.fromstring(book.read(next(n for n in names if n.endswith(".ncx"))))
        chapters = {n.rsplit("/", 1)[-1]: book.read(n).decode() for n in names
                    if "article-" in n}
    return nav, ncx, chapters


def test_one_epub_with_a_section_per_feed(web: WebServer, digest, tmp_path: Path) -> None:
    status, report, _ = digest(*serve_feeds(web))
    assert status == 0, report
    nav, ncx, chapters = read_book(Path(report["written"][0]))
    toc = nav.find(f".//{XHTML}nav[@id='toc']/{XHTML}ol")
    sections = [(li.find(f"{XHTML}a").text,
                 [a.text for a in li.findall(f"{XHTML}ol/{XHTML}li/{XHTML}a")])
                for li in toc.findall(f"{XHTML}li")]
    assert sections == [
        ("Harbour News", [STORIES["en"][0], STORIES["de"][0]]),
        ("Europe Desk", [STORIES["fr"][0], "Λεωφορείο"]),
        ("Moscow Wire", [STORIES["ru"][0]]),
    ]
    points = ncx.findall(f"{NCX}navMap/{NCX}navPoint")
    assert [p.find(f"{NCX}navLabel/{NCX}text").text for p in points] == [
        "Harbour News", "Europe Desk", "Moscow Wire"]
    assert [len(p.findall(f"{NCX}navPoint")) for p in points] == [2, 2, 1]
    assert not any(p.findall(f"{NCX}navPoint/{NCX}navPoint") for p in points)  # two levels
    # The repeat (same URL but a tracking parameter) is dropped and said so; the old item is out.
    assert any("dropped" in n and "utm_source" in n and "same source URL" in n
               for n in report["notices"])
    assert not web.hits("/ancient")
    # The page that is gone falls back to the feed's own text.
    assert report["from_feed"] == 1
    assert STORIES["el"][1][2] in chapters["article-4.xhtml" if "article-4.xhtml" in chapters
                                           else "article-04.xhtml"]
    assert "Die Stadt hat am Samstag drei Kilometer" in chapters["article-02.xhtml"]


def test_a_rerun_fetches_nothing_new_and_says_so(web: WebServer, digest, tmp_path: Path) -> None:
    feeds = serve_feeds(web)
    assert digest(*feeds)[0] == 0
    pages_before = len(web.hits("/en"))
    status, report, _ = digest(*feeds)
    assert status == 0
    assert report["written"] == []
    assert report["notices"] == [
        "nothing new since the last run (3 feeds, 3 unchanged; 0 fetched, 4 not modified)"]
    assert len(web.hits("/en")) == pages_before  # delivered items are not fetched again
    assert web.hits("/rss")[-1].headers["if-none-match"] == '"rss-1"'
    assert web.hits("/atom")[-1].headers["if-modified-since"] == "Tue, 01 Jan 2030 00:00:00 GMT"
    # A new item appears: the next digest holds it alone.
    web.add("/rss", rss("Harbour News", [
        {"title": "Later", "link": web.url("/later"), "date": RFC822},
        {"title": "Ferry", "link": web.url("/en"), "date": RFC822}]),
        content_type="application/rss+xml", etag='"rss-2"')
    web.add("/later", page("en", title="Harbour wall repairs finish early",
                           paragraphs=["The repairs to the harbour wall finished a week early, the council said on Friday.",
                                       "The ferry returns to its usual timetable from next Monday morning.",
                                       "Engineers praised the divers who worked through two storms."]))
    status, report, _ = digest(*feeds)
    assert status == 0 and report["articles"] == 1
    nav, _, _ = read_book(Path(report["written"][0]))
    toc = nav.find(f".//{XHTML}nav[@id='toc']")
    titles = [a.text for a in toc.iter(f"{XHTML}a")]
    assert titles == ["Harbour News", "Harbour wall repairs finish early"]


def test_since_bounds_a_first_run(web: WebServer, digest) -> None:
    hour_ago = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() - 3 * 3600))
    web.add("/en", page("en"))
    web.add("/de", page("de"))
    web.add("/feed", rss("Desk", [{"title": "new", "link": web.url("/en"), "date": RFC822},
                                  {"title": "3h", "link": web.url("/de"), "date": hour_ago}]),
            content_type="application/rss+xml")
    status, report, _ = digest(web.url("/feed"), "--since", "2h")
    assert status == 0 and report["articles"] == 1
    assert not web.hits("/de")


def test_an_overlapping_run_does_not_run(web: WebServer, digest, tmp_path: Path) -> None:
    feeds = serve_feeds(web)
    with run_lock(tmp_path / "cache" / "state.json.lock"):
        status, _, err = digest(*feeds)
    assert status == 75
    assert "another digest run holds the lock" in err
    assert not web.seen and not (tmp_path / "out").exists()


def test_bad_feeds_are_one_line_errors_and_the_rest_goes_on(web: WebServer, digest) -> None:
    web.add("/en", page("en"))
    web.add("/ok", rss("Desk", [{"title": "a", "link": web.url("/en"), "date": RFC822}]),
            content_type="application/rss+xml")
    web.add("/html", page("fr"))
    status, report, _ = digest(web.url("/ok"), web.url("/html"), web.url("/missing"),
                               "file:///etc/passwd")
    assert status == 2
    assert len(report["written"]) == 1
    assert f"{web.url('/missing')}: HTTP 404 Not Found" in report["failed"]
    assert any(f.startswith(web.url("/html") + ": not an RSS, Atom or JSON feed")
               for f in report["failed"])
    assert any("only http and https" in f for f in report["failed"])


def test_email_carries_the_digest(web: WebServer, digest, tmp_path: Path) -> None:
    eml = tmp_path / "digest.eml"
    status, report, _ = digest(*serve_feeds(web), "--email", "reader@example.org",
                               "--from", "news@example.org", "--eml", str(eml))
    assert status == 0, _
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/epub+zip"
    assert attachment.get_content() == Path(report["written"][0]).read_bytes()
    assert message["To"] == "reader@example.org"
