"""``exporter email --kindle``: the EPUB digest sent to a real SMTP server as Amazon wants it."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import mailhelp
import pytest
from test_email_command import GREEK, STORY, _one_line_error, _read_eml, _story

from exporter.cli import main
from exporter.writers.epub import EpubWriter

smtp_server = mailhelp.smtp_server
certificate = mailhelp.certificate
clean_env = mailhelp.clean_env
KINDLE = "reader_42@kindle.com"


def _prose(seed: int) -> str:
    """A long paragraph that does not compress to nothing: seeded random words."""
    chance = random.Random(seed)
    words = ["".join(chance.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
             for _ in range(4000)]
    return " ".join(" ".join(words[i:i + 10]).capitalize() + "." for i in range(0, 4000, 10))


def _epub_parts(message) -> list[tuple[str, str, bytes]]:
    return [(part.get_filename(), part.get_content_type(), part.get_content())
            for part in message.iter_attachments()]


def _book_title(data: bytes) -> str:
    opf = zipfile.ZipFile(io.BytesIO(data)).read("EPUB/content.opf").decode()
    return opf.split("<dc:title", 1)[1].split(">", 1)[1].split("<", 1)[0]


def test_kindle_gets_the_digest_as_one_epub(clean_env: Path, smtp_server,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    story, greek = _story(clean_env), _story(clean_env, "limani.md", GREEK)
    code = main(["email", str(story), str(greek), "--kindle", KINDLE, "--from",
                 "news@example.org", "--smtp", server.address, "--no-tls",
                 "--digest-title", "Island news"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert f"sent to 1 recipient through {server.address}" in out.out
    [received] = server.handler.received
    assert received.rcpt_tos == [KINDLE] and received.mail_from == "news@example.org"
    message = received.message
    assert message["To"].addresses[0].addr_spec == KINDLE
    assert message["Subject"] == "Ferry service to resume after storm repairs and 1 more"
    assert message.get_content_type() == "multipart/mixed"
    body = message.get_body(("plain",))
    assert body is not None and message.get_body(("html",)) is None  # a short text body only
    text = body.get_content()
    assert "a digest of 2 articles" in text and len(text) < 300
    [(name, media_type, data)] = _epub_parts(message)
    assert (name, media_type) == ("island-news.epub", "application/epub+zip")
    assert data[:4] == b"PK\x03\x04" and _book_title(data) == "Island news"
    assert zipfile.ZipFile(io.BytesIO(data)).read("mimetype") == b"application/epub+zip"


def test_kindle_address_from_the_settings_and_volumes_as_separate_messages(
        clean_env: Path, smtp_server, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    (clean_env / "exporter.toml").write_text(
        f'[email]\nkindle = "{KINDLE}"\nfrom = "news@example.org"\nhost = "127.0.0.1"\n'
        f'port = {server.port}\nsecurity = "none"\n', encoding="utf-8")
    # Three articles, not one: each has its own source URL (a repeat would be left out).
    stories = [_story(clean_env, f"story-{n}.md",
                      STORY.replace("Ferry service", f"Ferry {n}").replace(
                          "news/ferry", f"news/ferry-{n}") + "\n" + _prose(n) + "\n")
               for n in range(3)]
    whole = io.BytesIO()
    monkeypatch.setattr(EpubWriter, "max_bytes", 10**9)
    code = main(["email", *map(str, stories), "--kindle", "--eml", str(clean_env / "one.eml")])
    assert code == 0, capsys.readouterr().err
    [(_, _, data)] = _epub_parts(_read_eml(clean_env / "one.eml"))
    whole.write(data)
    monkeypatch.setattr(EpubWriter, "max_bytes", len(whole.getvalue()) * 3 // 4)
    code = main(["email", *map(str, stories), "--kindle"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "2 volumes" in out.err or "3 volumes" in out.err
    received = server.handler.received
    assert len(received) >= 2 and all(r.rcpt_tos == [KINDLE] for r in received)
    subjects = [r.message["Subject"] for r in received]
    assert subjects == [f"Ferry 0 to resume after storm repairs and 2 more ({n}/{len(received)})"
                        for n in range(1, len(received) + 1)]
    for number, item in enumerate(received, start=1):
        [(name, media_type, data)] = _epub_parts(item.message)
        assert name == f"digest-{number}.epub" and media_type == "application/epub+zip"
        assert len(data) <= len(whole.getvalue()) * 3 // 4


def test_kindle_refusals_are_one_line(clean_env: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    story = str(_story(clean_env))
    eml = str(clean_env / "k.eml")
    for args, words in (
        (["--kindle", "--eml", eml], "give the address"),
        (["--kindle", KINDLE, "--to", "a@example.org", "--eml", eml], "Kindle address only"),
        (["--kindle", KINDLE, "--attach", "pdf", "--eml", eml], "Kindle address only"),
        (["--kindle", "not an address", "--eml", eml], "not an address"),
    ):
        assert main(["email", story, "--from", "news@example.org", *args]) == 2
        assert words in _one_line_error(capsys), args
    assert not Path(eml).exists()
