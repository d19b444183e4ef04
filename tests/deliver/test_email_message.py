"""The message itself: headers, bodies from templates, escaping, attachments, the size rule."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path

import mailhelp
import pytest

from exporter.config import Options
from exporter.deliver import add_briefings, build_message, compose_message
from exporter.deliver.attachments import MEDIA_TYPES, Attachment, parse_formats
from exporter.deliver.email import assemble, fit_budget, message_size
from exporter.errors import OutputError, UsageError
from exporter.model import Article
from exporter.writers.registry import get_writer

formats = mailhelp.formats


def _roundtrip(message: EmailMessage) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(message.as_bytes())
    assert isinstance(parsed, EmailMessage)
    return parsed


def _bodies(message: EmailMessage) -> tuple[str, str]:
    plain, page = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and page is not None
    # Parsed from CRLF bytes, email keeps the CRs in the content.
    return plain.get_content().replace("\r\n", "\n"), page.get_content().replace("\r\n", "\n")


class _Collector(HTMLParser):
    """The tags and the text of an HTML body, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile() -> Article:
    article = mailhelp.english()
    document = dataclasses.replace(
        article.document,
        title='Mayor <script>alert("x")</script> & co\r\nBcc: spy@evil.example',
        authors=("<b>Eve</b>",),
    )
    sentences = article.summary.sentences
    first = dataclasses.replace(sentences[0], text='Costs rose <img src="http://evil.example/p.gif"> & fell.')
    return Article(document, dataclasses.replace(article.summary, sentences=(first, *sentences[1:])))


def test_structure_and_headers() -> None:
    message = _roundtrip(build_message([mailhelp.english()], to=["Ana Ruiz <ana@example.org>"],
                                       cc=["ed@example.org"], sender="news@example.org",
                                       attach=()))
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Subject"] == "Council approves new bridge"
    assert str(message["To"]) == "Ana Ruiz <ana@example.org>"
    assert message["Cc"].addresses[0].addr_spec == "ed@example.org"
    text, page = _bodies(message)
    assert text.splitlines()[:2] == ["Council approves new bridge",
                                     "example.org · By Ana Ruiz and Tom Lee · 14 March 2026 · "
                                     "Riverton · 1 min read"]
    bullets = [line.removeprefix("  • ") for line in text.splitlines() if line.startswith("  • ")]
    assert bullets == mailhelp.english().summary.texts
    collector = _Collector()
    collector.feed(page)
    assert collector.tags.count("li") == 3
    assert "The vote was 7 to 2." in "".join(collector.text)


def test_article_text_never_becomes_markup_and_titles_fold() -> None:
    message = _roundtrip(build_message([_hostile()], to=["ana@example.org"],
                                       sender="news@example.org", attach=()))
    # The title's line break did not start a header: it is folded into the subject.
    assert message["Bcc"] is None
    assert message["Subject"] == 'Mayor <script>alert("x")</script> & co Bcc: spy@evil.example'
    text, page = _bodies(message)
    collector = _Collector()
    collector.feed(page)
    assert "script" not in collector.tags and "img" not in collector.tags
    assert "b" not in collector.tags
    seen = "".join(collector.text)
    assert '<script>alert("x")</script>' in seen  # shown as text, literally
    assert '<img src="http://evil.example/p.gif">' in seen
    assert "&lt;script&gt;" in page
    assert 'Costs rose <img src="http://evil.example/p.gif"> & fell.' in text


def test_subject_and_addresses_are_checked() -> None:
    article = mailhelp.english()
    with pytest.raises(UsageError, match="subject contains a line break"):
        build_message([article], to=["a@example.org"], sender="n@example.org",
                      subject="Hi\u2028Bcc: x@example.org", attach=())
    with pytest.raises(UsageError, match="domain"):
        build_message([article], to=[Address("Ana", "ana", "exa mple.org")],
                      sender="n@example.org", attach=())
    with pytest.raises(UsageError, match="no recipient"):
        build_message([article], to=[], sender="n@example.org", attach=())
    message = build_message([article], to=["a@example.org"], sender="n@example.org",
                            subject="Weekly\x00 briefing", attach=())
    assert message["Subject"] == "Weekly briefing"  # NUL would be sent raw: stripped


def test_attachment_types_names_and_bytes(formats: list[str]) -> None:
    articles = [mailhelp.english(), mailhelp.russian()]
    composed = compose_message(articles, to=["a@example.org"], sender="n@example.org",
                               attach=formats)
    message = _roundtrip(composed.message)
    assert message.get_content_type() == "multipart/mixed"
    parts = list(message.iter_attachments())
    assert len(parts) == len(composed.attachments)
    for part, sent in zip(parts, composed.attachments, strict=True):
        suffix = Path(sent.filename).suffix
        assert part.get_content_type() == MEDIA_TYPES[suffix]
        assert MEDIA_TYPES[suffix] == get_writer(suffix[1:]).media_type
        assert part.get_filename() == sent.filename
        assert part.get_content() == sent.data
    names = [p.get_filename() for p in parts]
    if "pdf" in formats:
        assert "council-approves-new-bridge.pdf" in names
        assert "городской-совет-одобрил-строительство-моста.pdf" in names
    if "epub" in formats:
        assert names.count("digest.epub") == 1  # the digest gathers both articles


def test_unknown_format_is_refused_before_rendering() -> None:
    with pytest.raises(UsageError, match="unknown format 'odt'"):
        build_message([mailhelp.english()], to=["a@example.org"], sender="n@example.org",
                      attach=("pdf", "odt"))
    assert parse_formats("none") == ()
    assert parse_formats(" PDF, docx,pdf ") == ("pdf", "docx")
    with pytest.raises(UsageError):
        parse_formats("none,pdf")


def test_user_templates_override_the_packaged_ones(tmp_path: Path) -> None:
    (tmp_path / "email.txt").write_text(
        "my template\n[% message %]\nFROM THE ${organisation} DESK\n${articles}\n"
        "[% article %]\n== ${title} ==\n${bullets}\n[% bullet %]\n-> ${text}\n",
        encoding="utf-8")
    options = Options(organisation="Harbour Times", template_dir=tmp_path)
    message = build_message([mailhelp.german()], to=["a@example.org"], sender="n@example.org",
                            attach=(), options=options)
    text, page = _bodies(_roundtrip(message))
    assert text.startswith("FROM THE Harbour Times DESK\n== Stadtrat beschließt neue Brücke")
    assert "-> Der Stadtrat hat am Montag" in text
    assert "Harbour Times" in page  # the HTML template is still the packaged one

    (tmp_path / "email.txt").write_text("[% message %]\n${nonsense}\n[% article %]\n"
                                        "[% bullet %]\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"unknown placeholder \$\{nonsense\}"):
        build_message([mailhelp.german()], to=["a@example.org"], sender="n@example.org",
                      attach=(), options=options)
    (tmp_path / "email.txt").write_text("[% message %]\n${articles}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no section article, bullet"):
        build_message([mailhelp.german()], to=["a@example.org"], sender="n@example.org",
                      attach=(), options=options)


# The size rule, on attachments whose sizes the test controls: text zips small, noise does not.
def _files() -> list[Attachment]:
    noise = os.urandom
    return [
        Attachment("notes.pdf", b"compressible line of text\n" * 4000, MEDIA_TYPES[".pdf"]),
        Attachment("big.docx", noise(60_000), MEDIA_TYPES[".docx"]),
        Attachment("small.epub", noise(20_000), MEDIA_TYPES[".epub"]),
    ]


def _builder(articles: list[Article]):
    to = (Address(addr_spec="a@example.org"),)
    sender = Address(addr_spec="n@example.org")

    def build(files, notes):
        return assemble(articles, to=to, cc=(), sender=sender, subject="Budget",
                        attachments=files, notices=notes, options=Options())
    return build


def _zip_names(attachment: Attachment) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(attachment.data)) as archive:
        return archive.namelist()


def test_budget_untouched_when_it_fits() -> None:
    build = _builder([mailhelp.english()])
    composed = fit_budget(build, _files(), 1_000_000, zip_stem="bundle")
    assert composed.notes == ()
    assert [a.filename for a in composed.attachments] == ["notes.pdf", "big.docx", "small.epub"]


def test_budget_zips_first() -> None:
    build = _builder([mailhelp.english()])
    files = _files()
    whole = message_size(build(files, ()))
    # base64 makes 184 KB of files about 250 KB; zipped, the text shrinks to almost nothing.
    assert whole > 1.33 * sum(f.size for f in files)
    composed = fit_budget(build, files, 150_000, zip_stem="bundle")
    [zipped] = composed.attachments
    assert zipped.filename == "bundle.zip"
    assert _zip_names(zipped) == ["notes.pdf", "big.docx", "small.epub"]
    assert message_size(composed.message) <= 150_000
    [note] = composed.notes
    assert "over the 150 KB limit" in note and "zipped into bundle.zip" in note
    text, _ = _bodies(_roundtrip(composed.message))
    assert "zipped into bundle.zip" in text
    received = _roundtrip(composed.message)
    [part] = received.iter_attachments()
    with zipfile.ZipFile(io.BytesIO(part.get_content())) as archive:
        assert archive.read("big.docx") == files[1].data  # nothing altered by the zip


def test_budget_then_leaves_out_largest_first() -> None:
    build = _builder([mailhelp.english()])
    composed = fit_budget(build, _files(), 60_000, zip_stem="bundle")
    [zipped] = composed.attachments
    assert _zip_names(zipped) == ["notes.pdf", "small.epub"]
    assert message_size(composed.message) <= 60_000
    assert "left out, largest (once zipped) first: big.docx (60 KB)" in composed.notes[-1]
    text, page = _bodies(_roundtrip(composed.message))
    assert "big.docx" in text and "big.docx" in page

    composed = fit_budget(build, _files(), 22_000, zip_stem="bundle")
    [zipped] = composed.attachments
    assert _zip_names(zipped) == ["notes.pdf"]  # 104 KB of text costs less than the 20 KB file
    assert "big.docx (60 KB), small.epub (20 KB)" in composed.notes[-1]

    noise = [Attachment(f"{n}.pdf", os.urandom(5_000 * n), MEDIA_TYPES[".pdf"]) for n in (1, 2)]
    bare = message_size(build([], ()))
    composed = fit_budget(build, noise, bare + 2_500, zip_stem="bundle")
    assert composed.attachments == ()
    assert "2.pdf (10 KB), 1.pdf (5 KB)" in composed.notes[-1]


def test_budget_too_small_for_the_text() -> None:
    with pytest.raises(OutputError, match="even without attachments"):
        fit_budget(_builder([mailhelp.english()]), _files(), 3_000, zip_stem="bundle")
    with pytest.raises(OutputError, match="no attachment to zip"):
        fit_budget(_builder([mailhelp.english()]), [], 1_000, zip_stem="bundle")


def test_budget_with_real_documents(formats: list[str]) -> None:
    articles = [mailhelp.english()]
    whole = compose_message(articles, to=["a@example.org"], sender="n@example.org",
                            attach=formats)
    limit = message_size(whole.message) - 2_000  # well past the jitter of dates and boundaries
    composed = compose_message(articles, to=["a@example.org"], sender="n@example.org",
                               attach=formats, max_size=limit)
    assert message_size(composed.message) <= limit
    assert composed.notes and "zipped" in composed.notes[0]
    assert len(composed.attachments) <= 1


def test_a_program_attaches_briefings_to_its_own_mail(formats: list[str]) -> None:
    message = EmailMessage()
    message["From"] = "bot@example.org"
    message["To"] = "desk@example.org"
    message["Subject"] = "Your reading for today"
    message.set_content("Good morning. Today's briefings are attached.\n")
    attached = add_briefings(message, [mailhelp.german()], attach=formats)
    received = _roundtrip(message)
    parts = list(received.iter_attachments())
    assert [p.get_filename() for p in parts] == [a.filename for a in attached]
    assert [p.get_content() for p in parts] == [a.data for a in attached]
    assert "Good morning." in received.get_body(("plain",)).get_content()


def test_a_single_address_string_is_one_recipient() -> None:
    message = build_message([mailhelp.english()], to="ana@example.org", sender="n@example.org",
                            attach=())
    assert message["To"].addresses[0].addr_spec == "ana@example.org"


def test_the_bodies_speak_each_articles_language() -> None:
    german = mailhelp.german()
    document = dataclasses.replace(german.document, authors=("Jana Groß", "Olaf Berg"),
                                   source_url="https://example.de/bruecke")
    german = Article(document, german.summary)
    message = _roundtrip(build_message([german, mailhelp.english()], to=["ana@example.org"],
                                       sender="news@example.org", attach=(),
                                       options=Options(organisation="Hafenamt")))
    text, page = _bodies(message)
    lines = text.splitlines()
    assert "example.de · Von Jana Groß und Olaf Berg · 1 Min. Lesezeit" in lines
    assert "Zusammenfassung" in lines and "Quelle: https://example.de/bruecke" in lines
    # The English article keeps its own words; the closing line is the message's (German).
    assert "Summary" in lines and "Source: https://example.org/news/bridge" in lines
    assert lines[-1] == "Gesendet von Hafenamt mit exporter."

    assert ">Zusammenfassung</h2>" in page and ">Summary</h2>" in page


def test_without_an_organisation_the_message_names_the_source_and_no_sender() -> None:
    message = _roundtrip(build_message([mailhelp.english()], to=["ana@example.org"],
                                       sender="news@example.org", attach=()))
    text, page = _bodies(message)
    assert "Exporter" not in text and "Exporter" not in page
    assert "Sent by" not in text
    assert "<title>example.org</title>" in page
