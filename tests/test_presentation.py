"""One presentation for every document: the same meta line, the same text direction, and no
borrowed branding (exporter's name) on a user's documents."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
from conftest import make_article, make_document
from docx import Document as open_docx
from pypdf import PdfReader

from exporter.config import Options
from exporter.deliver.bodies import render_bodies
from exporter.direction import first_strong, is_rtl, text_direction
from exporter.model import Article
from exporter.presentation import band_name, meta_line, source_link
from exporter.writers.pdf.bidi import base_direction
from exporter.writers.registry import get_writer

META = "example.org · By Ana Ruiz and Tom Lee · 7 March 2024 · Harbourton · 1 min read"


def _article(**meta: object) -> Article:
    fields: dict[str, object] = dict(
        authors=("Ana Ruiz", "Tom Lee"), published=datetime.date(2024, 3, 7),
        place="Harbourton", source_url="https://www.example.org/news/bridge")
    fields.update(meta)
    return make_article(make_document(**fields), count=2)  # type: ignore[arg-type]


def _write(name: str, article: Article, options: Options | None = None) -> bytes:
    out = io.BytesIO()
    get_writer(name).write([article], out, options or Options())
    return out.getvalue()


def _docx_meta(data: bytes) -> str:
    briefing = open_docx(io.BytesIO(data))
    [meta] = [p for p in briefing.paragraphs if p.style.name == "Briefing Meta"]
    return meta.text


def _epub_meta(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        page = next(book.read(n).decode() for n in book.namelist() if n.endswith("article-1.xhtml")
                    or n.endswith("article-01.xhtml"))
    [line] = re.findall(r'<p class="meta">(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", line)


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_the_meta_line_is_the_same_in_every_document() -> None:
    article = _article()
    assert meta_line(article.document).text() == META
    assert _docx_meta(_write("docx", article)) == META
    assert _epub_meta(_write("epub", article)) == META
    assert META in _pdf_text(_write("pdf", article))
    bodies = render_bodies([article], options=Options(), attachments=(), notices=())
    assert META in bodies.text.splitlines()
    assert META in bodies.html


def test_the_meta_line_speaks_the_article_s_language() -> None:
    article = _article(language="de", title="Stadtrat beschließt Brücke")
    expected = "example.org · Von Ana Ruiz und Tom Lee · 7. März 2024 · Harbourton · " \
               "1 Min. Lesezeit"
    assert _docx_meta(_write("docx", article)) == expected
    assert _epub_meta(_write("epub", article)) == expected


def test_a_source_that_is_not_a_web_address_is_neither_linked_nor_named() -> None:
    for url in ("javascript:alert(1)", "file:///etc/passwd", "https://", "mailto:a@b.org"):
        assert source_link(url) is None
        assert meta_line(_article(source_url=url).document).text().startswith("By Ana Ruiz")
    link = source_link("https://www.exämple.org/a b?q=ü")
    assert link is not None and link.site == "exämple.org"
    assert link.href == "https://www.xn--exmple-cua.org/a%20b?q=%C3%BC"


@pytest.mark.parametrize(("text", "expected"), [
    ("iPhone מועצת העיר אישרה את התקציב", "ltr"),  # the first strong letter is Latin
    ("מועצת העיר אישרה את iPhone", "rtl"),
    ("«123» — 2024", None),
    ("\u2067iPhone\u2069 مجلس المدينة", "rtl"),  # an isolate's content does not count
    ("", None),
])
def test_one_rule_for_the_direction_of_a_text(text: str, expected: str | None) -> None:
    assert first_strong(text) == expected
    assert base_direction(text) == ("R" if expected == "rtl" else "L")
    assert is_rtl(text) == (expected == "rtl")
    assert text_direction(text, "he") == (expected or "rtl")


def test_docx_pdf_and_epub_agree_on_a_mixed_paragraph() -> None:
    document = make_document("iPhone מועצת העיר",
                             ("iPhone מועצת העיר אישרה את התקציב. ההצבעה הייתה שבעה מול שניים.",),
                             language="he")
    article = make_article(document, count=1)
    briefing = open_docx(io.BytesIO(_write("docx", article)))
    bidi = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi"
    found = [p for p in briefing.paragraphs if p.text.startswith("iPhone מועצת העיר אישרה")]
    assert len(found) == 2  # a summary bullet and the full text
    for paragraph in found:
        assert paragraph._p.pPr is None or paragraph._p.pPr.find(bidi) is None
    with zipfile.ZipFile(io.BytesIO(_write("epub", article))) as book:
        page = next(book.read(n).decode() for n in book.namelist() if "article-" in n
                    and n.endswith(".xhtml"))
    assert 'dir="ltr"' in page and 'dir="rtl"' not in page


def test_no_organisation_means_no_exporter_on_the_documents() -> None:
    article = _article()
    briefing = _write("docx", article)
    with zipfile.ZipFile(io.BytesIO(briefing)) as package:
        for name in package.namelist():
            assert b"Exporter" not in package.read(name), name
    opened = open_docx(io.BytesIO(briefing))
    assert opened.core_properties.author == "Ana Ruiz; Tom Lee"
    header = " ".join(p.text for p in opened.sections[0].header.paragraphs)
    assert "example.org" in header

    pdf = _write("pdf", article)
    reader = PdfReader(io.BytesIO(pdf))
    assert "Exporter" not in _pdf_text(pdf)
    assert reader.metadata.author == "Ana Ruiz, Tom Lee"
    assert reader.metadata.creator.startswith("exporter ")
    assert _pdf_text(pdf).startswith("example.org")  # the band names the source's site

    book = _write("epub", article)
    with zipfile.ZipFile(io.BytesIO(book)) as package:
        for name in package.namelist():
            data = package.read(name)
            assert b"Exporter" not in data, name
            assert b"dc:publisher" not in data, name


def test_without_a_source_the_band_is_empty_and_nothing_points_to_it() -> None:
    paragraphs = [f"Paragraph {n} tells how the harbour board spent its week of meetings, "
                  f"one debate after another, on the budget for dredging." for n in range(400)]
    article = make_article(make_document("A long week at the harbour", paragraphs), count=3)
    assert band_name("", article.document.source_url) == ""
    pdf = _write("pdf", article)
    text = _pdf_text(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "continues at the source" not in text
    assert text.startswith("A long week at the harbour")
    assert PdfReader(io.BytesIO(pdf)).metadata.author in (None, "")
    with_source = _write("pdf", _article_like(article, "https://example.org/harbour"))
    assert "continues at the source" in _pdf_text(with_source)


def _article_like(article: Article, url: str) -> Article:
    import dataclasses

    return Article(dataclasses.replace(article.document, source_url=url), article.summary)


def test_an_organisation_is_named_where_it_belongs() -> None:
    article = _article()
    options = Options(organisation="Harbour Press Office")
    opened = open_docx(io.BytesIO(_write("docx", article, options)))
    assert "Harbour Press Office" in " ".join(p.text for p in opened.sections[0].header.paragraphs)
    assert _pdf_text(_write("pdf", article, options)).startswith("Harbour Press Office")
    with zipfile.ZipFile(io.BytesIO(_write("epub", article, options))) as package:
        opf = next(package.read(n) for n in package.namelist() if n.endswith(".opf"))
    assert b"<dc:publisher>Harbour Press Office</dc:publisher>" in opf


# --- no repeats within a document --------------------------------------------------------

QUOTED = ("The harbour board approved the dredging budget on Tuesday.",
          '"We cannot let the channel silt up again," said Mara Lind, the board\'s chair.',
          "Work on the outer channel begins in April and lasts six weeks.",
          '"The ferries will run as usual," said Piet Hoek, the ferry operator.',
          "The budget was approved by seven votes to two.")


def _quoted_article(standfirst: str | None = None) -> Article:
    document = make_document("Harbour board approves dredging", QUOTED, standfirst=standfirst,
                             source_url="https://example.org/dredging")
    sentences = list(document.sentences())
    from exporter.model import Summary

    return Article(document, Summary((sentences[0], sentences[1]), "lead"))


def test_a_summary_bullet_is_not_also_a_key_quote() -> None:
    article = _quoted_article()
    briefing = open_docx(io.BytesIO(_write("docx", article)))
    texts = [p.text for p in briefing.paragraphs]
    start = texts.index("Key quotes")
    quotes = " ".join(texts[start:start + 4])
    assert "The ferries will run as usual" in quotes
    assert "cannot let the channel silt up" not in quotes
    pdf = _pdf_text(_write("pdf", article))
    assert pdf.count("cannot let the channel silt up") == 1  # the bullet only


def test_the_one_pager_s_text_starts_after_what_the_summary_said() -> None:
    article = _quoted_article()
    pdf = _pdf_text(_write("pdf", article))
    assert pdf.count("approved the dredging budget on Tuesday") == 1
    after = pdf.split("FROM THE ARTICLE", 1)[1]
    assert after.lstrip().startswith("Work on the outer channel")


@pytest.mark.parametrize("standfirst", [QUOTED[0], "  the HARBOUR board approved the dredging "
                                        "budget  "])
def test_a_standfirst_that_repeats_the_lead_is_shown_once(standfirst: str) -> None:
    article = _quoted_article(standfirst)
    briefing = open_docx(io.BytesIO(_write("docx", article)))
    assert not [p for p in briefing.paragraphs if p.style.name == "Subtitle"]
    with zipfile.ZipFile(io.BytesIO(_write("epub", article))) as book:
        pages = " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert 'class="standfirst"' not in pages
    kept = _quoted_article("Seven votes to two for a channel that keeps silting up")
    assert [p.text for p in open_docx(io.BytesIO(_write("docx", kept))).paragraphs
            if p.style.name == "Subtitle"] == [
        "Seven votes to two for a channel that keeps silting up"]


def test_nothing_is_cut_inside_a_word() -> None:
    from exporter.presentation import shorten

    text = "The patient was diagnosed with a rare condition after months of tests"
    for limit in range(5, len(text)):
        cut = shorten(text, limit)
        assert len(cut) <= limit and cut.endswith("…")
        assert text.startswith(cut[:-1]) and text[len(cut) - 1] in " " or cut == "…", cut
    assert shorten("北京市政府今天宣布新的交通计划", 6) == "北京市政府…"
    long_standfirst = " ".join(["The patient was diagnosed after months of tests."] * 20)
    article = _quoted_article(long_standfirst)
    pdf = _pdf_text(_write("pdf", article))
    assert "diagno…" not in pdf and "…" in pdf
    shown = pdf.split("…", 1)[0].split()[-1]
    assert shown in long_standfirst.split()
