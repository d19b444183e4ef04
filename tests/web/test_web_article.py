"""A URL is an article: export, summarise, email and read_article fetch it under the rules."""

from __future__ import annotations

import email
import email.policy
import json
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import webserver
from webpages import STORIES, page
from webserver import WebServer, dribble, endless

import exporter
from exporter.cli import main
from exporter.version import __version__
from exporter.web.fetch import Fetcher, FetchError, FetchSettings

web = webserver.web


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> Callable[..., Result]:
    """The command line, in this process, in a scratch working directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        status = main(list(args))
        out, err = capsys.readouterr()
        return Result(status, out, err)
    return invoke


def test_read_article_follows_redirects_and_keeps_the_final_url(web: WebServer) -> None:
    web.add("/story/rad", page("de"))
    web.add("/short", status=301, headers={"Location": "/middle"})
    web.add("/middle", status=307, headers={"Location": web.url("/story/rad")})
    document = exporter.read_article(web.url("/short"))
    assert document.title == STORIES["de"][0]
    assert document.language == "de"
    assert document.source_url == web.url("/story/rad")
    assert "drei Kilometer neue Radwege" in document.text
    assert "Contact us" not in document.text  # the page's furniture is not the article
    assert {s.headers["user-agent"] for s in web.seen} == {f"exporter/{__version__}"}


@pytest.mark.parametrize(("language", "charset"), [("fr", "iso-8859-1"), ("ru", "windows-1251"),
                                                   ("el", "iso-8859-7")])
def test_the_response_charset_is_honoured(web: WebServer, language: str, charset: str) -> None:
    text = page(language).replace('<meta charset="utf-8">', "")
    url = web.add("/p", text.encode(charset), content_type=f"text/html; charset={charset}")
    document = exporter.read_article(url)
    assert document.title == STORIES[language][0]
    assert STORIES[language][1][0] in document.text


def test_latin1_label_means_windows_1252_as_on_the_web(web: WebServer) -> None:
    words = ["The council\u2019s plan \u2013 approved on Monday \u2013 adds forty new homes."] * 2
    body = page("en", paragraphs=words + list(STORIES["en"][1])).replace('<meta charset="utf-8">', "")
    url = web.add("/q", body.encode("cp1252"), content_type="text/html; charset=ISO-8859-1")
    assert "council\u2019s plan \u2013 approved" in exporter.read_article(url).text


def test_plain_text_and_markdown_by_content_type(web: WebServer) -> None:
    title, story = STORIES["en"]
    md = web.add("/notes", f"# {title}\n\n" + "\n\n".join(story),
                 content_type="text/markdown; charset=utf-8")
    txt = web.add("/plain.txt", "\n\n".join(story), content_type="text/plain")
    assert exporter.read_article(md).title == title
    assert story[2] in exporter.read_article(txt).text


@pytest.mark.parametrize("path", ["/loop1", "/toofar0"])
def test_redirect_loops_and_long_chains_stop_after_five(web: WebServer, path: str) -> None:
    web.add("/loop1", status=302, headers={"Location": "/loop2"})
    web.add("/loop2", status=302, headers={"Location": "/loop1"})
    for n in range(6):
        web.add(f"/toofar{n}", status=302, headers={"Location": f"/toofar{n + 1}"})
    web.add("/toofar6", page("en"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        exporter.read_article(web.url(path))
    assert len(web.seen) == 6


def test_five_redirects_are_followed(web: WebServer) -> None:
    for n in range(5):
        web.add(f"/hop{n}", status=302, headers={"Location": f"/hop{n + 1}"})
    web.add("/hop5", page("fr"))
    assert exporter.read_article(web.url("/hop0")).source_url == web.url("/hop5")


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x/"])
def test_a_redirect_to_another_scheme_is_refused(web: WebServer, location: str) -> None:
    url = web.add("/evil", status=302, headers={"Location": location})
    scheme = location.split(":")[0]
    with pytest.raises(FetchError, match=f"redirected to a {scheme}: URL, which is never followed"):
        exporter.read_article(url)


@pytest.mark.parametrize("media", ["image/png", "application/pdf", "application/json",
                                   "video/mp4"])
def test_wrong_content_types_are_refused(web: WebServer, media: str) -> None:
    url = web.add("/thing", page("en"), content_type=media)
    with pytest.raises(exporter.InputError, match=f"the server sent {media}, not a web page"):
        exporter.read_article(url)


def test_octet_stream_is_sniffed_and_binary_refused(web: WebServer) -> None:
    good = web.add("/noname", page("en"), content_type="application/octet-stream")
    bad = web.add("/img", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
                  content_type="application/octet-stream")
    assert exporter.read_article(good).title == STORIES["en"][0]
    with pytest.raises(exporter.InputError, match="a PNG image"):
        exporter.read_article(bad)


def test_a_2_gb_stream_is_cut_at_the_cap(web: WebServer) -> None:
    url = web.add("/huge", endless(2 * 10**9))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"over the 1\.0 MB input limit \(cut there"):
        exporter.read_article(url, max_bytes=1_000_000)
    assert time.monotonic() - started < 5


def test_a_declared_2_gb_body_is_refused_before_reading(web: WebServer) -> None:
    url = web.add("/declared", endless(2 * 10**9),
                  headers={"Content-Length": str(2 * 10**9)})
    with pytest.raises(FetchError, match=r"is 2\.0 GB, over the 1\.0 MB input limit"):
        exporter.read_article(url, max_bytes=1_000_000)


def test_a_dribbling_server_meets_the_whole_response_deadline(web: WebServer) -> None:
    url = web.add("/slow", dribble([b"<p>a</p>"] * 40, 0.1))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 1 s"):
        exporter.read_article(url, timeout=1.0)
    assert time.monotonic() - started < 3


def test_a_slow_first_byte_times_out(web: WebServer) -> None:
    url = web.add("/late", page("en"), delay=2.0)
    with pytest.raises(FetchError, match="timed out"):
        exporter.read_article(url, timeout=0.5)


def test_429_and_503_are_retried_after_retry_after(web: WebServer) -> None:
    url = web.add("/busy", page("en"), busy=2, retry_after="1")
    web.add("/down", page("de"), busy=1, busy_status=503, retry_after="0")
    started = time.monotonic()
    assert exporter.read_article(url).title == STORIES["en"][0]
    assert len(web.hits("/busy")) == 3
    gap = web.hits("/busy")[1].at - web.hits("/busy")[0].at
    assert 0.9 < gap < 3, "Retry-After: 1 is waited for"
    assert exporter.read_article(web.url("/down")).language == "de"
    assert time.monotonic() - started < 6


def test_a_long_retry_after_is_not_waited_for(web: WebServer) -> None:
    url = web.add("/later", page("en"), busy=5, retry_after="86400")
    with pytest.raises(FetchError, match="asked to retry after 86400 s"):
        exporter.read_article(url)


def test_conditional_get_gets_304(web: WebServer) -> None:
    url = web.add("/etag", page("en"), etag='"v1"', last_modified="Tue, 01 Jan 2030 00:00:00 GMT")
    with Fetcher(FetchSettings(timeout=5)) as fetcher:
        first = fetcher.fetch(url)
        again = fetcher.fetch(url, _validators(first))
    assert first.status == 200 and first.etag == '"v1"'
    assert again.not_modified and again.body == b""
    assert web.hits("/etag")[1].headers["if-none-match"] == '"v1"'


def _validators(response: object) -> object:
    from exporter.web.fetch import Validators

    return Validators(getattr(response, "etag", None), getattr(response, "last_modified", None))


def test_at_most_two_requests_per_host_at_once(web: WebServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    for n in range(8):
        web.add(f"/w{n}", page("en"), delay=0.3)
    with Fetcher(FetchSettings(connections=8)) as fetcher, ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: fetcher.fetch(web.url(f"/w{n}")), range(8)))
    assert web.peak == 2


def test_export_of_a_url_batch_goes_on_past_bad_urls(web: WebServer, tmp_path: Path, run: Callable[..., Result]) -> None:
    good = web.add("/ferry", page("en"))
    gone = web.url("/gone")
    result = run("export", gone, good, "not a url://x", "file:///etc/passwd", "--format", "epub",
                 "--out", str(tmp_path / "out"), "--json")
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    reasons = {f["source"]: f["reason"] for f in report["failed"]}
    assert reasons[gone] == f"{gone}: HTTP 404 Not Found"
    assert "only http and https" in reasons["file:///etc/passwd"]
    assert "Traceback" not in result.stderr
    (epub,) = (tmp_path / "out").glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        chapter = next(n for n in book.namelist() if n.endswith("article-01.xhtml"))
        text = book.read(chapter).decode()
    assert "The island ferry will leave forty minutes earlier" in text
    assert good in text  # the final URL is the chapter's source link


def test_summarise_a_url_and_name_bad_ones_in_one_line(web: WebServer, tmp_path: Path, run: Callable[..., Result]) -> None:
    good = web.add("/ru", page("ru"))
    web.add("/forbidden", "no", status=403, content_type="text/plain")
    result = run("summarise", good, web.url("/forbidden"), "http://[::1", "--json", "-n", "2")
    assert result.returncode == 2
    line = json.loads(result.stdout.splitlines()[0])
    assert line["language"] == "ru" and len(line["sentences"]) == 2
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"exporter: {web.url('/forbidden')}: HTTP 403 Forbidden"
    assert errors[1].startswith("exporter: http://[::1: not a valid URL")
    assert errors[2:] == ["exporter: 3 articles, 2 failed"]  # summarise's batch line, as export's


def test_email_of_a_url(web: WebServer, tmp_path: Path, run: Callable[..., Result]) -> None:
    url = web.add("/el", page("el"))
    eml = tmp_path / "m.eml"
    result = run("email", url, "--to", "desk@example.org", "--from", "me@example.org",
                 "--attach", "pdf", "--eml", str(eml))
    assert result.returncode == 0, result.stderr
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert STORIES["el"][0] in str(message["Subject"])
    assert url in message.get_body(("plain",)).get_content()


def test_a_refused_connection_is_a_one_line_error(tmp_path: Path, run: Callable[..., Result]) -> None:
    result = run("summarise", "http://127.0.0.1:9/nothing")
    assert result.returncode == 2
    assert result.stderr.startswith("exporter: http://127.0.0.1:9/nothing: cannot fetch: ")
    assert len(result.stderr.strip().splitlines()) == 1
