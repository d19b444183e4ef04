"""The DOCX briefing's accessibility, read from its XML as Word's accessibility checker reads it.

What the checker asks that the XML shows: every picture has a description
(``wp:docPr/@descr``), headings are heading styles (with outline levels), tables (if
any) repeat a header row, no text sits in floating text boxes outside the reading
order, the document has a title and a language; and the language is right for
the article's script (``w:lang`` ``w:val``, ``w:eastAsia``, ``w:bidi``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_docx import ORGANISATION, _png, english_article, logo_template, render, summarised

from exporter.config import Options
from exporter.readers.build import RawBlock, build_document
from exporter.writers.docx.logo import logo_text

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}


def article_in(language: str, paragraphs: list[str], title: str, heading: str):
    raw = [RawBlock("paragraph", paragraphs[0]), RawBlock("heading", heading, 1),
           *(RawBlock("paragraph", p) for p in paragraphs[1:])]
    return summarised(build_document(raw, title=title, language=language), [(0, 0)])


CHINESE = article_in("zh", ["市议会周一批准了一座新桥。投票结果是七比二。",
                            "工程将于五月开工，耗资四百五十万元。"], "市议会批准新桥", "费用")
JAPANESE = article_in("ja", ["市議会は月曜日、新しい橋を承認した。", "工事は五月に始まる。"],
                      "市議会が新しい橋を承認", "費用")
ARABIC = article_in("ar", ["أعلن مجلس المدينة يوم الخميس إغلاق رصيف العبارات القديم.",
                           "سيتم بناء رصيف عائم جديد بحلول الصيف المقبل."],
                    "إغلاق رصيف العبارات", "ما التالي")


def parts(data: bytes) -> dict[str, etree._Element]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")}


def default_language(data: bytes) -> dict[str, str | None]:
    language = parts(data)["word/styles.xml"].find(
        "w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert language is not None
    return {key: language.get(qn(f"w:{key}")) for key in ("val", "eastAsia", "bidi")}


def word_checks(data: bytes, title: str) -> None:
    """The rules of Word's accessibility checker that the XML can answer."""
    xml = parts(data)
    for name, root in xml.items():
        for picture in root.iterfind(".//wp:docPr", NS):
            assert (picture.get("descr") or "").strip(), (name, etree.tostring(picture))
        assert root.find(".//w:txbxContent", NS) is None, name  # nothing outside reading order
        assert root.find(".//wp:anchor", NS) is None, name
        for table in root.iterfind(".//w:tbl", NS):
            first = table.find("w:tr", NS)
            assert first is not None and first.find("w:trPr/w:tblHeader", NS) is not None, name
        for link in root.iterfind(".//w:hyperlink", NS):
            assert "".join(link.itertext()).strip(), name  # a link says where it goes
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == title
    assert document.core_properties.language
    assert default_language(data)["val"] == document.core_properties.language
    styles = document.styles
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading"):
            level = int(name.split()[1])
            outline = styles[name].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            assert outline is not None and int(outline.get(qn("w:val"))) == level - 1, name
        # No paragraph poses as a heading by bold direct formatting alone.
        runs = paragraph.runs
        if runs and all(run.bold for run in runs) and not name.startswith(("Heading", "Title")):
            pytest.fail(f"a bold paragraph that is not a heading style: {paragraph.text!r}")


@pytest.mark.parametrize("article", [english_article(), CHINESE, JAPANESE, ARABIC],
                         ids=["en", "zh", "ja", "ar"])
def test_briefings_pass_words_accessibility_rules(article, tmp_path: Path) -> None:
    logo = tmp_path / "tidewater-analysis.png"
    logo.write_bytes(_png())
    data = render(article, Options(organisation=ORGANISATION, docx_logo=logo))
    word_checks(data, article.document.title)


@pytest.mark.parametrize(("article", "expected"), [
    (english_article(), {"val": "en", "eastAsia": None, "bidi": "ar-SA"}),
    (CHINESE, {"val": "zh", "eastAsia": "zh", "bidi": "ar-SA"}),
    (JAPANESE, {"val": "ja", "eastAsia": "ja", "bidi": "ar-SA"}),
    (ARABIC, {"val": "ar", "eastAsia": None, "bidi": "ar"}),
], ids=["en", "zh", "ja", "ar"])
def test_language_attributes_follow_the_article(article, expected) -> None:
    """Chinese text is no longer tagged en-US: the template's fixed w:eastAsia goes."""
    data = render(article, Options())
    assert default_language(data) == expected
    assert "en-US" not in default_language(data).values()


def test_the_books_own_words_are_marked_english_in_a_language_without_them() -> None:
    body = parts(render(CHINESE, Options()))["word/document.xml"].find("w:body", NS)
    headings = {"".join(p.itertext()): p for p in body.iterfind("w:p", NS)
                if p.find("w:pPr/w:pStyle", NS).get(qn("w:val")).startswith("Heading")}
    for label in ("Key points", "Full text"):
        languages = {run.find("w:rPr/w:lang", NS).get(qn("w:val"))
                     for run in headings[label].iterfind("w:r", NS)}
        assert languages == {"en"}, label
    assert headings["费用"].find(".//w:lang", NS) is None  # the article's own words: zh
    german = parts(render(english_article(), Options()))["word/document.xml"]
    assert german.find(".//w:p/w:r/w:rPr/w:lang", NS) is None  # English words in English


def test_logo_alt_text_comes_from_its_file_name_or_the_configuration(tmp_path: Path) -> None:
    logo = tmp_path / "harbour_press-2024.png"
    logo.write_bytes(_png())

    def descriptions(options: Options) -> list[str]:
        header = parts(render(english_article(), options))["word/header1.xml"]
        return [e.get("descr") for e in header.iterfind(".//wp:docPr", NS)] + [
            e.get("descr") for e in header.iterfind(".//pic:cNvPr", NS)]

    assert descriptions(Options(organisation="Acme", docx_logo=logo)) == [
        "Harbour press 2024 logo"] * 2
    assert descriptions(Options(organisation="Acme", docx_logo=logo,
                                docx_logo_text="Harbour Press, a lighthouse")) == [
        "Harbour Press, a lighthouse"] * 2


@pytest.mark.parametrize(("name", "configured", "text"), [
    ("acme.png", None, "Acme logo"), ("ACME_Logo.png", None, "ACME Logo"),
    ("2024.png", None, "Logo"), ("___.png", None, "Logo"), ("x.png", "  Our mark \x07", "Our mark"),
])
def test_logo_text(name: str, configured: str | None, text: str) -> None:
    # The configured words are cleaned once, by Options; the writer reads them as they are.
    assert logo_text(Path(name), Options(docx_logo_text=configured).docx_logo_text) == text


def test_a_templates_own_picture_gets_a_description(tmp_path: Path) -> None:
    template = logo_template(tmp_path)
    source = zipfile.ZipFile(template)
    assert not any(re.search(rb'descr="[^"]', source.read(n)) for n in source.namelist()
                   if n.startswith("word/header"))  # python-docx leaves it undescribed
    data = render(english_article(), Options(organisation="Acme", docx_template=template))
    word_checks(data, english_article().document.title)
    header = next(root for name, root in parts(data).items() if name.startswith("word/header")
                  and root.find(".//wp:docPr", NS) is not None)
    assert [e.get("descr") for e in header.iterfind(".//wp:docPr", NS)] == ["Logo"]


def test_key_quotes_and_figures_are_in_reading_order() -> None:
    """Summary, quotes and figures are body paragraphs under their headings, in order:
    a screen reader meets them where a sighted reader does."""
    body = parts(render(english_article(), Options()))["word/document.xml"].find("w:body", NS)
    order = [(p.find("w:pPr/w:pStyle", NS).get(qn("w:val")), "".join(p.itertext()))
             for p in body if p.tag == qn("w:p")]
    assert body.find("w:tbl", NS) is None
    headings = [text for style, text in order if style == "Heading1"]
    assert headings == ["Key points", "Key quotes", "Key figures", "Full text"]
    sections: dict[str, list[str]] = {}
    current = ""
    for style, text in order:
        if style == "Heading1":
            current = text
        elif current:
            sections.setdefault(current, []).append(style)
    assert set(sections["Key quotes"]) == {"Quote", "QuoteSpeaker"}
    assert set(sections["Key figures"]) == {"ListBullet"}
