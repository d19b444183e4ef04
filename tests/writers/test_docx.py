"""The DOCX briefing, read back with python-docx and checked by LibreOffice.

Every briefing the tests inspect is built once, in the session fixture ``briefings``,
so that one LibreOffice run converts them all.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from conftest import require_tool, shared_path
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.config import Options
from exporter.extract import key_figures
from exporter.model import Article, Document, Heading, ListItem, Paragraph, Quote, Sentence, Summary
from exporter.presentation import shown_quotes
from exporter.readers.build import RawBlock, build_document
from exporter.resources import packaged_templates
from exporter.textclean import clean_inline, clean_text
from exporter.writers.docx import DocxWriter
from exporter.writers.registry import get_writer

ROOT = Path(__file__).resolve().parents[2]
ORGANISATION = "Tidewater Analysis Unit"
SOURCE_URL = "https://www.harbourton-courier.example/news/2024/ferry-pier?id=7&ref=rss"

# An article of our own: headings, quotations, figures, lists, a block quote.
ENGLISH_BLOCKS = [
    RawBlock("paragraph", "HARBOURTON — The town council voted 7 to 2 on Thursday to close the "
             "old ferry pier, a decision critics called a \"betrayal\". Repairs would have cost "
             "£18.5 million."),
    RawBlock("paragraph", "\"We cannot keep patching a structure that was built for rowing "
             "boats,\" said Mira Okafor, the council's chair. She said 1,200 passengers use the "
             "ferry each day."),
    RawBlock("heading", "What happens next", 1),
    RawBlock("paragraph", "A floating pontoon will replace the pier by June 2025. The harbour "
             "authority said the work would take a 40-week programme of dredging."),
    RawBlock("item", "Close the pier to vehicles in March.", ordered=True),
    RawBlock("item", "Open the pontoon in June.", ordered=True),
    RawBlock("paragraph", "Residents listed their worries:"),
    RawBlock("item", "Longer queues at the quay."),
    RawBlock("item", "Higher fares for commuters."),
    RawBlock("heading", "Reaction", 2),
    RawBlock("quote", "A town that forgets its harbour forgets itself."),
    RawBlock("paragraph", "Tom Hale, a ferryman, said: \u201cI have taken this ferry every "
             "morning for thirty years. Nobody asked us.\u201d"),
    RawBlock("item", "Survey the seabed.", ordered=True),
    RawBlock("item", "Publish the costs.", ordered=True),
]


def english_document(**changes: object) -> Document:
    meta: dict[str, object] = {
        "title": "Harbourton votes to close its old ferry pier",
        "standfirst": "A pontoon will replace the 1890s structure next summer",
        "authors": ("Lena Sørensen", "Tom Bright"),
        "place": "Harbourton",
        "published": date(2024, 3, 7),
        "source_url": SOURCE_URL,
        "language": "en",
    }
    meta.update(changes)
    return build_document(ENGLISH_BLOCKS, **meta)  # type: ignore[arg-type]


def summarised(document: Document, positions: list[tuple[int, int]]) -> Article:
    """An article whose summary is the sentences at ``positions``."""
    sentences = tuple(document.sentence_at(*p) for p in positions)
    return Article(document, Summary(sentences, "test"))


def english_article(**changes: object) -> Article:
    return summarised(english_document(**changes), [(0, 0), (1, 1), (3, 0)])


ARABIC = [
    "أعلن مجلس المدينة يوم الخميس إغلاق رصيف العبارات القديم. وقال رئيس المجلس إن الإصلاحات "
    "ستكلف الكثير.",
    "سيتم بناء رصيف عائم جديد بحلول الصيف المقبل.",
]
HEBREW = ["מועצת העיר הצביעה ביום חמישי על סגירת המזח הישן. תושבים רבים מחו על ההחלטה."]


def rtl_article(paragraphs: list[str], language: str, title: str) -> Article:
    raw = [RawBlock("paragraph", p) for p in paragraphs]
    raw.append(RawBlock("paragraph", "The English summary of the council's report follows."))
    document = build_document(raw, title=title, language=language)
    return summarised(document, [(0, 0)])


def german_article() -> Article:
    raw = [
        RawBlock("paragraph", "Der Stadtrat hat am Donnerstag mit 7 zu 2 Stimmen die "
                 "Schließung des alten Fähranlegers beschlossen. Die Reparatur hätte "
                 "4,5 Millionen Euro gekostet."),
        RawBlock("paragraph", "„Wir können ein Bauwerk nicht ewig flicken, das für Ruderboote "
                 "gebaut wurde“, sagte Bürgermeisterin Anna Weber am Abend."),
        RawBlock("heading", "Wie es weitergeht", 1),
        RawBlock("paragraph", "Ein schwimmender Ponton soll bis Juni 2025 fertig sein. "
                 "Kritiker sprachen von einem „Verrat“ an der Stadtgeschichte."),
    ]
    document = build_document(raw, title="Stadtrat schließt den alten Fähranleger",
                              language="de", published=date(2024, 3, 7))
    return summarised(document, [(0, 0), (3, 0)])


def hostile_article() -> Article:
    """Text the writer must clean itself: the Document is built directly, not by a reader."""
    texts = [
        "Nul\x00byte and form\x0cfeed and a lone \ud800surrogate survive.",
        "Markup stays text: <b>bold</b> &amp; AT&T <w:p/> ]]> end.",
    ]
    sentences = [Sentence(t, i, 0) for i, t in enumerate(texts)]
    blocks = (Paragraph((sentences[0],)), Quote((sentences[1],)), Heading("Head\x07ing <i>"),
              ListItem((Sentence("Item \x1b one", 3, 0),)))
    document = Document(title="Hostile \x00<title> & co", blocks=blocks,
                        authors=("Eve\x0b <script>",), language="en")
    return Article(document, Summary((sentences[0], sentences[1]), "test"))


def custom_template(directory: Path) -> Path:
    """A house template: another font, wider margins, its own header text."""
    document = docx.Document(str(packaged_templates() / "briefing.docx"))
    normal = document.styles["Normal"]
    normal.font.name = "Courier New"
    normal.font.size = Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), "Courier New")
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(4)
    section.header.paragraphs[0].text = "CONFIDENTIAL — {organisation}"
    document.add_paragraph("Sample body text that the briefing must not keep.")
    path = directory / "house.docx"
    document.save(str(path))
    return path


def sparse_template(directory: Path) -> Path:
    """A template as Word saves it: only the styles it used, no custom ones, no header."""
    document = docx.Document()
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in ("Normal", "DefaultParagraphFont", "TableNormal",
                                              "NoList"):
            styles.remove(style)
    path = directory / "sparse.docx"
    document.save(str(path))
    return path


def unnumbered_template(directory: Path) -> Path:
    """A sparse template without a numbering part at all."""
    document = docx.Document(str(sparse_template(directory)))
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/numbering"):
            document.part.rels.pop(rel_id)
    path = directory / "unnumbered.docx"
    document.save(str(path))
    return path


@dataclass(frozen=True)
class Briefing:
    article: Article
    options: Options
    path: Path
    data: bytes

    def open(self) -> DocxDocument:
        return docx.Document(io.BytesIO(self.data))


def render(article: Article, options: Options) -> bytes:
    """The briefing, from the writer a batch uses: it holds the template it last prepared."""
    out = io.BytesIO()
    get_writer("docx").write([article], out, options)
    return out.getvalue()


@pytest.fixture(scope="session")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Briefing]:
    """Every briefing the tests read, written once into one folder."""
    folder = tmp_path_factory.mktemp("briefings")
    templates = tmp_path_factory.mktemp("templates")
    options = Options(organisation=ORGANISATION)
    cases: dict[str, tuple[Article, Options]] = {
        "english": (english_article(), options),
        "arabic": (rtl_article(ARABIC, "ar", "إغلاق رصيف العبارات"), options),
        "hebrew": (rtl_article(HEBREW, "he", "סגירת המזח"), options),
        "hostile": (hostile_article(), Options(organisation="R&D <Unit>\x00 &amp;")),
        "house": (english_article(), replace(options, docx_template=custom_template(templates))),
        "sparse": (english_article(), replace(options, docx_template=sparse_template(templates))),
        "german": (german_article(), options),
        "unnumbered": (english_article(),
                       replace(options, docx_template=unnumbered_template(templates))),
        "logo": (english_article(), Options(organisation="Acme",
                                            docx_template=logo_template(templates))),
        "bare": (Article(build_document([RawBlock("paragraph", "Short note without numbers.")],
                                        title="A bare note"), Summary((), "test")), options),
    }
    made: dict[str, Briefing] = {}
    for name, (article, case_options) in cases.items():
        data = render(article, case_options)
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        made[name] = Briefing(article, case_options, path, data)
    return made


@pytest.fixture(scope="session")
def scraped(briefings: dict[str, Briefing]) -> Briefing:
    """The briefing of the real scraped article (skips without ../shared)."""
    from exporter import read_article
    from exporter.summarise import summarise  # exporter.summarise is shadowed by the package

    document = read_article(shared_path("articles", "nagorno-karabakh-scraped.txt"))
    article = Article(document, summarise(document, sentences=4))
    options = Options(organisation=ORGANISATION)
    data = render(article, options)
    path = next(iter(briefings.values())).path.with_name("scraped.docx")
    path.write_bytes(data)
    briefing = Briefing(article, options, path, data)
    briefings["scraped"] = briefing
    return briefing


# -- reading helpers -------------------------------------------------------------------------


def headings(document: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs
            if p.style.name.startswith("Heading")]


def section(document: DocxDocument, heading: str) -> list[DocxParagraph]:
    """The paragraphs under a Heading 1, up to the next Heading 1."""
    out: list[DocxParagraph] = []
    inside = False
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            inside = paragraph.text == heading
            continue
        if inside:
            out.append(paragraph)
    return out


def bookmarked_text(paragraph: DocxParagraph, name: str) -> str | None:
    """The text between bookmark ``name``'s start and end in ``paragraph``, or None."""
    inside, found, pieces = False, False, []
    starts = {}
    for element in paragraph._p.iter():
        if element.tag == qn("w:bookmarkStart") and element.get(qn("w:name")) == name:
            inside = found = True
            starts[element.get(qn("w:id"))] = name
        elif element.tag == qn("w:bookmarkEnd") and element.get(qn("w:id")) in starts:
            inside = False
        elif inside and element.tag == qn("w:t"):
            pieces.append(element.text or "")
    return "".join(pieces) if found else None


def link_anchors(paragraph: DocxParagraph) -> list[str]:
    return [h.get(qn("w:anchor")) for h in paragraph._p.iter(qn("w:hyperlink"))
            if h.get(qn("w:anchor"))]


def body_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in document.paragraphs)


# -- layout ----------------------------------------------------------------------------------


def test_writer_is_registered_and_described() -> None:
    writer = get_writer("docx")
    assert isinstance(writer, DocxWriter)
    assert (writer.name, writer.extension, writer.combines) == ("docx", ".docx", False)
    assert writer.media_type == ("application/vnd.openxmlformats-officedocument."
                                 "wordprocessingml.document")
    with pytest.raises(ValueError, match="exactly one article"):
        DocxWriter().write([english_article(), english_article()], io.BytesIO(), Options())


def test_sections_in_order_with_title_and_meta(briefings: dict[str, Briefing]) -> None:
    document = briefings["english"].open()
    paragraphs = document.paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == (
        "Title", "Harbourton votes to close its old ferry pier")
    assert paragraphs[1].style.name == "Subtitle"
    meta = paragraphs[2].text
    assert meta == ("harbourton-courier.example · By Lena Sørensen and Tom Bright · "
                    "7 March 2024 · Harbourton · 1 min read")
    assert headings(document) == [
        ("Heading 1", "Key points"), ("Heading 1", "Key quotes"), ("Heading 1", "Key figures"),
        ("Heading 1", "Full text"), ("Heading 2", "What happens next"), ("Heading 3", "Reaction"),
    ]
    # Built-in style ids, so Word's navigation pane and outline see the headings.
    ids = {p.style.name: p.style.style_id for p in paragraphs}
    assert ids["Heading 1"] == "Heading1" and ids["Title"] == "Title"
    assert {"Title", "Heading 1", "List Bullet", "List Number", "Quote"} <= set(ids)


def test_key_points_link_to_bookmarks_on_their_sentences(briefings: dict[str, Briefing]) -> None:
    briefing = briefings["english"]
    document = briefing.open()
    points = section(document, "Key points")
    expected = briefing.article.summary.sentences
    assert [p.text for p in points] == [s.text for s in expected]
    assert all(p.style.name == "List Bullet" for p in points)
    full_text = section(document, "Full text")
    for paragraph, sentence in zip(points, expected, strict=True):
        [anchor] = link_anchors(paragraph)
        assert anchor == "s" + sentence.anchor[1:].replace("-", "_")
        assert anchor[0].isalpha() and len(anchor) <= 40
        holders = [p for p in full_text if bookmarked_text(p, anchor) is not None]
        assert len(holders) == 1, anchor
        assert bookmarked_text(holders[0], anchor) == sentence.text
        assert sentence.text in holders[0].text
    # Bookmark ids are unique in the whole document.
    ids = [b.get(qn("w:id")) for b in document.element.body.iter(qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids))


def test_key_quotes_with_speakers(briefings: dict[str, Briefing]) -> None:
    document = briefings["english"].open()
    quotes = [(p.style.name, p.text) for p in section(document, "Key quotes")]
    assert quotes == [
        ("Quote", "“We cannot keep patching a structure that was built for rowing boats”"),
        ("Quote Speaker", "— Mira Okafor"),
        ("Quote", "“A town that forgets its harbour forgets itself.”"),
        ("Quote", "“I have taken this ferry every morning for thirty years. Nobody asked us.”"),
        ("Quote Speaker", "— Tom Hale"),
    ]
    assert "betrayal" not in " ".join(text for _, text in quotes)
    for paragraph in section(document, "Key quotes"):
        if paragraph.style.name == "Quote":
            [anchor] = link_anchors(paragraph)
            assert any(bookmarked_text(p, anchor) for p in section(document, "Full text"))


def test_key_figures_with_context(briefings: dict[str, Briefing]) -> None:
    briefing = briefings["english"]
    paragraphs = section(briefing.open(), "Key figures")
    expected = key_figures(briefing.article.document)
    assert [p.text for p in paragraphs] == [f"{f.figure}: {f.context}" for f in expected]
    figures = [f.figure for f in expected]
    for figure in ("£18.5 million", "1,200 passengers", "7 to 2", "40 weeks"):
        assert figure in figures
    bold = [r.text for p in paragraphs for r in p._p.iter(qn("w:r"))
            if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    assert [t for t in bold] == figures


def test_full_text_blocks_and_styles(briefings: dict[str, Briefing]) -> None:
    briefing = briefings["english"]
    body = [(p.style.name, p.text) for p in section(briefing.open(), "Full text")]
    blocks = briefing.article.document.blocks
    expected = []
    for block in blocks:
        if isinstance(block, Heading):
            expected.append((f"Heading {block.level + 1}", block.text))
        elif isinstance(block, Quote):
            expected.append(("Quote", block.text))
        elif isinstance(block, ListItem):
            expected.append(("List Number" if block.ordered else "List Bullet", block.text))
        else:
            expected.append(("Normal", block.text))
    # section() stops at Heading 1 only, so the article's Heading 2/3 are inside.
    assert body == expected


def test_each_numbered_list_starts_again_at_one(briefings: dict[str, Briefing]) -> None:
    document = briefings["english"].open()
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    numbering = document.part.numbering_part.element
    for num_id in (ids[0], ids[2]):
        num = numbering.num_having_numId(num_id)
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


def test_header_band_and_footer_fields_and_source_link(briefings: dict[str, Briefing]) -> None:
    document = briefings["english"].open()
    section_ = document.sections[0]
    header = [p.text for p in section_.header.paragraphs]
    assert header == [ORGANISATION]
    band = section_.header.paragraphs[0]._p.pPr.find(qn("w:shd"))
    assert band is not None and band.get(qn("w:fill")) not in (None, "auto", "FFFFFF")
    footer = section_.footer
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text == "Page 1 of 1"  # cached values; Word updates them
    links = list(footer._element.iter(qn("w:hyperlink")))
    assert len(links) == 1
    relationship = footer.part.rels[links[0].get(qn("r:id"))]
    assert relationship.is_external and relationship.target_ref == SOURCE_URL
    assert footer.paragraphs[1].text == SOURCE_URL
    # The meta line links to the source too.
    meta_link = document.paragraphs[2]._p.find(qn("w:hyperlink"))
    assert document.part.rels[meta_link.get(qn("r:id"))].target_ref == SOURCE_URL


def test_core_properties(briefings: dict[str, Briefing]) -> None:
    briefing = briefings["english"]
    properties = briefing.open().core_properties
    assert properties.title == "Harbourton votes to close its old ferry pier"
    assert properties.author == "Lena Sørensen; Tom Bright"
    assert properties.subject == briefing.article.summary.sentences[0].text
    keywords = properties.keywords.split(", ")
    assert 2 <= len(keywords) <= 6 and {"ferry", "pier"} <= set(keywords)
    assert properties.language == "en"
    assert properties.created == properties.modified == datetime(2024, 3, 7, tzinfo=UTC)
    assert "python-docx" not in (properties.comments or "")
    assert properties.comments == f"Briefing by {ORGANISATION}"
    with zipfile.ZipFile(io.BytesIO(briefing.data)) as archive:
        app = archive.read("docProps/app.xml").decode()
    assert "<Application>exporter</Application>" in app and "Microsoft" not in app
    assert f"<Company>{ORGANISATION}</Company>" in app
    assert f"<Words>{briefing.article.document.word_count}</Words>" in app


def test_dates_from_source_date_epoch_or_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    article = english_article(published=None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    properties = docx.Document(io.BytesIO(render(article, Options()))).core_properties
    assert properties.created == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    properties = docx.Document(io.BytesIO(render(article, Options()))).core_properties
    assert properties.created == datetime(2000, 1, 1, tzinfo=UTC)


def test_long_subject_is_cut_to_255_characters() -> None:
    long_sentence = "The council " + "debated the pier at length and " * 20 + "then voted."
    document = build_document([RawBlock("paragraph", long_sentence)], title="Long")
    article = summarised(document, [(0, 0)])
    subject = docx.Document(io.BytesIO(render(article, Options()))).core_properties.subject
    assert len(subject) <= 255 and subject.startswith("The council debated")


def test_two_runs_are_byte_identical(briefings: dict[str, Briefing]) -> None:
    again = render(english_article(), briefings["english"].options)
    assert again == briefings["english"].data
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.testzip() is None


def test_template_override_changes_font_margins_and_header(
    briefings: dict[str, Briefing],
) -> None:
    default, house = briefings["english"].open(), briefings["house"].open()
    assert house.styles["Normal"].font.name == "Courier New"
    assert default.styles["Normal"].font.name != "Courier New"
    assert abs(house.sections[0].left_margin - Cm(4)) < Cm(0.01)
    assert abs(default.sections[0].left_margin - Cm(4)) > Cm(1)
    assert [p.text for p in house.sections[0].header.paragraphs] == [
        f"CONFIDENTIAL — {ORGANISATION}"]
    # Same content either way: the template's own body is dropped.
    assert body_text(house) == body_text(default)
    assert "Sample body text" not in body_text(house)


def _png() -> bytes:
    """A 4x2 navy PNG, written by hand so the test needs no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x38\x64" * 4 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def logo_template(directory: Path) -> Path:
    """The packaged template with a logo in front of the organisation's name."""
    template = docx.Document(str(packaged_templates() / "briefing.docx"))
    logo = directory / "logo.png"
    logo.write_bytes(_png())
    header = template.sections[0].header.paragraphs[0]
    header.runs[0]._r.addprevious(header.add_run()._r)  # the logo run goes first
    header.runs[0].add_picture(str(logo), width=Cm(1))
    path = directory / "logo.docx"
    template.save(str(path))
    return path


def test_template_logo_is_kept_beside_the_organisation(briefings: dict[str, Briefing]) -> None:
    document = briefings["logo"].open()
    paragraph = document.sections[0].header.paragraphs[0]
    assert paragraph.text == "Acme"
    runs = [c for c in paragraph._p if c.tag == qn("w:r")]
    assert len(runs) == 2
    assert next(runs[0].iter(qn("w:drawing")), None) is not None  # the logo, first
    images = [p for p in document.sections[0].header.part.related_parts.values()
              if p.content_type == "image/png"]
    assert len(images) == 1 and images[0].blob == _png()


def test_reproducible_across_processes(tmp_path: Path) -> None:
    """Same bytes from two interpreters with different hash seeds."""
    code = ("import sys, io; sys.path[:0] = ['tests', 'tests/writers']; import test_docx as t; "
            "from exporter.config import Options; "
            "sys.stdout.buffer.write(t.render(t.english_article(), Options()))")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        outputs.append(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                      check=True, env=env, cwd=ROOT).stdout)
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"PK")


def test_public_api_renders_the_same_briefing() -> None:
    import exporter

    article = english_article()
    assert exporter.render(article, "docx", Options()) == render(article, Options())


def test_template_from_template_dir(tmp_path: Path) -> None:
    path = custom_template(tmp_path)
    path.rename(tmp_path / "briefing.docx")
    data = render(english_article(), Options(template_dir=tmp_path))
    assert docx.Document(io.BytesIO(data)).styles["Normal"].font.name == "Courier New"


def test_sparse_template_gets_the_missing_styles(briefings: dict[str, Briefing]) -> None:
    document = briefings["sparse"].open()
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "List Bullet", "Quote", "Briefing Meta"} <= used
    assert [p.text for p in document.sections[0].header.paragraphs if p.text] == [ORGANISATION]
    footer = document.sections[0].footer
    assert [t.text.strip() for t in footer._element.iter(qn("w:instrText"))] == [
        "PAGE", "NUMPAGES"]
    assert body_text(document) == body_text(briefings["english"].open())


def test_copied_list_styles_bring_their_numbering(briefings: dict[str, Briefing]) -> None:
    document = briefings["sparse"].open()
    numbering = document.part.numbering_part.element
    for name, kind in (("List Bullet", "bullet"), ("List Number", "decimal")):
        num_id = document.styles[name].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
        abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                        if a.get(qn("w:abstractNumId")) == str(abstract_id))
        formats = [f.get(qn("w:val")) for f in abstract.iter(qn("w:numFmt"))]
        assert formats[0] == kind, name


def test_template_without_numbering_still_writes_lists(
    briefings: dict[str, Briefing], caplog: pytest.LogCaptureFixture
) -> None:
    document = briefings["unnumbered"].open()
    assert body_text(document) == body_text(briefings["english"].open())
    assert {"List Bullet", "List Number"} <= {p.style.name for p in document.paragraphs}
    with caplog.at_level("WARNING"):
        render(english_article(), briefings["unnumbered"].options)
    assert "without bullets or numbers" in caplog.text


def test_right_to_left_paragraphs_are_marked(briefings: dict[str, Briefing]) -> None:
    for name in ("arabic", "hebrew"):
        document = briefings[name].open()
        body = section(document, "Full text")
        rtl_paragraphs, english = body[:-1], body[-1]
        assert rtl_paragraphs and english.text.startswith("The English summary")
        for paragraph in rtl_paragraphs + [document.paragraphs[0]]:
            assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
            runs = list(paragraph._p.iter(qn("w:r")))
            assert runs and all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None
                                for r in runs)
        assert english._p.pPr is None or english._p.pPr.find(qn("w:bidi")) is None
        # The key point linking into the right-to-left text is right-to-left too.
        [point] = section(document, "Key points")
        assert point._p.pPr.find(qn("w:bidi")) is not None
        lang = document.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        assert lang.get(qn("w:val")) == {"arabic": "ar", "hebrew": "he"}[name]


def test_english_briefing_has_no_right_to_left_marks(briefings: dict[str, Briefing]) -> None:
    body = briefings["english"].open().element.body
    assert next(body.iter(qn("w:bidi")), None) is None
    assert next(body.iter(qn("w:rtl")), None) is None


def test_hostile_text_is_cleaned_and_stays_literal(briefings: dict[str, Briefing]) -> None:
    document = briefings["hostile"].open()
    text = body_text(document)
    assert "Nulbyte and form feed and a lone surrogate survive." in text
    assert "Markup stays text: <b>bold</b> &amp; AT&T <w:p/> ]]> end." in text
    assert "Heading <i>" in text and "Item one" in text
    assert document.paragraphs[0].text == "Hostile <title> & co"
    assert document.core_properties.author == "Eve <script>"
    assert [p.text for p in document.sections[0].header.paragraphs] == ["R&D <Unit> &amp;"]
    with zipfile.ZipFile(io.BytesIO(briefings["hostile"].data)) as archive:
        app = archive.read("docProps/app.xml").decode()
    assert "<Company>R&amp;D &lt;Unit&gt; &amp;amp;</Company>" in app
    assert not any(ch in text for ch in "\x00\x0c\x07\x1b\x0b\ud800")
    # '<b>' did not become bold: the only bold runs are figure labels (none here).
    assert next(document.element.body.iter(qn("w:b")), None) is None


def test_sections_without_content_are_left_out(briefings: dict[str, Briefing]) -> None:
    document = briefings["bare"].open()
    assert headings(document) == [("Heading 1", "Full text")]
    assert document.paragraphs[0].text == "A bare note"
    footer_text = [p.text for p in document.sections[0].footer.paragraphs]
    assert footer_text == ["Page 1 of 1"]  # no source: no empty link


def test_scraped_article_briefing(scraped: Briefing) -> None:
    document = scraped.open()
    assert document.paragraphs[0].text == "Azerbaijan begins a military operation in Nagorno-Karabakh"
    text = body_text(document)
    assert "scorecardresearch" not in text and "Skip to main content" not in text
    assert [p.text for p in section(document, "Key points")] == scraped.article.summary.texts
    quotes = section(document, "Key quotes")
    speakers = [p.text for p in quotes if p.style.name == "Quote Speaker"]
    expected = shown_quotes(scraped.article, 5)
    assert speakers == [f"— {q.speaker}" for q in expected if q.speaker]
    assert "— The presidential administration" in speakers
    # A quotation the summary already shows is not a key quote as well (Pashinyan's is).
    shown = [p.text for p in quotes if p.style.name != "Quote Speaker"]
    bullets = " ".join(scraped.article.summary.texts)
    assert "Pashinyan" in bullets
    assert not any(text.strip("“”\"") in bullets for text in shown)
    figures = " ".join(p.text for p in section(document, "Key figures"))
    assert "25 people" in figures and "1,960 peacekeepers" in figures
    assert "Tbilisi" in document.paragraphs[1].text.title()


def test_importing_the_writer_does_not_import_python_docx() -> None:
    code = ("import sys, exporter.writers.docx, exporter.writers.registry as r; "
            "r.get_writer('docx'); print('docx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


# -- LibreOffice: every briefing above opens and converts ------------------------------------


def _pdf_text(path: Path) -> Iterator[str]:
    from pypdf import PdfReader

    for page in PdfReader(str(path)).pages:
        yield page.extract_text() or ""


def test_libreoffice_converts_every_briefing(
    briefings: dict[str, Briefing], scraped: Briefing, tmp_path_factory: pytest.TempPathFactory
) -> None:
    soffice = require_tool("soffice", hint="apt-get install libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    files = sorted(b.path for b in briefings.values())
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name, briefing in briefings.items():
        pdf = out / (briefing.path.stem + ".pdf")
        assert pdf.is_file(), f"{name}: no PDF\n{result.stdout}\n{result.stderr}"
        text = " ".join(_pdf_text(pdf))
        title = briefing.open().paragraphs[0].text
        if name in ("arabic", "hebrew"):
            continue  # extraction of shaped right-to-left text is not reliable; PDF exists
        assert " ".join(title.split()[:3]) in " ".join(text.split()), name
        assert clean_inline(briefing.options.organisation) in text, name


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken", b""])
def test_unusable_template_is_a_clear_usage_error(tmp_path: Path, content: bytes) -> None:
    from exporter.errors import UsageError

    path = tmp_path / "house.docx"
    path.write_bytes(content)
    with pytest.raises(UsageError, match="house.docx: not a usable .docx template"):
        render(english_article(), Options(docx_template=path))
    with pytest.raises(UsageError, match="template not found"):
        render(english_article(), Options(docx_template=tmp_path / "missing.docx"))


def test_german_briefing_quotes_in_german_marks(briefings: dict[str, Briefing]) -> None:
    document = briefings["german"].open()
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Kernpunkte", "Zentrale Zitate", "Zentrale Zahlen", "Volltext"]
    meta = next(p.text for p in document.paragraphs if p.style.name == "Briefing Meta")
    assert meta.endswith("Min. Lesezeit") and "min read" not in meta
    footer = document.sections[0].footer
    assert footer.paragraphs[0].text == "Seite 1 von 1"
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    quotes = [(p.style.name, p.text) for p in section(document, "Zentrale Zitate")]
    assert quotes == [
        ("Quote", "„Wir können ein Bauwerk nicht ewig flicken, das für Ruderboote gebaut wurde“"),
        ("Quote Speaker", "— Bürgermeisterin Anna Weber"),
    ]
    figures = [p.text.split(":")[0] for p in section(document, "Zentrale Zahlen")]
    assert "4,5 Millionen Euro" in figures and "Juni 2025" in figures
    assert document.core_properties.language == "de"


@dataclass(frozen=True)
class LogoOptions(Options):
    """Options with the ``docx_logo`` field the writer reads when configuration has one."""

    docx_logo: Path | None = None


def test_logo_from_configuration_goes_before_the_organisation(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    data = render(english_article(), LogoOptions(organisation="Acme", docx_logo=logo))
    header = docx.Document(io.BytesIO(data)).sections[0].header
    paragraph = header.paragraphs[0]
    assert paragraph.text == "\u2002Acme"
    runs = [c for c in paragraph._p if c.tag == qn("w:r")]
    assert next(runs[0].iter(qn("w:drawing")), None) is not None
    assert [p.blob for p in header.part.related_parts.values()
            if p.content_type == "image/png"] == [_png()]
    bad = tmp_path / "logo.txt"
    bad.write_text("not an image")
    from exporter.errors import UsageError

    with pytest.raises(UsageError, match="logo.txt: cannot use as a logo"):
        render(english_article(), LogoOptions(docx_logo=bad))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=40), body=st.text(min_size=1, max_size=200),
       author=st.text(max_size=20))
def test_any_unicode_is_written_and_read_back(title: str, body: str, author: str) -> None:
    sentence = Sentence(body, 0, 0)
    document = Document(title=title or "Untitled", blocks=(Paragraph((sentence,)),),
                        authors=(author,), language="en")
    data = render(Article(document, Summary((sentence,), "test")), Options())
    written = docx.Document(io.BytesIO(data))
    expected = clean_text(body)
    full_text = section(written, "Full text")
    assert [p.text for p in full_text] == [expected]
    # A title that cleans to nothing is shown as every document shows it (the presentation's).
    shown = clean_inline(title or "Untitled") or "Untitled article"
    assert written.paragraphs[0].text == shown
    assert written.core_properties.title == shown


def test_deep_headings_fall_back_to_the_deepest_style_the_template_has(tmp_path: Path) -> None:
    blocks = (Heading("Level one", 1), Heading("Level five", 5),
              Paragraph((Sentence("Body text here.", 2, 0),)))
    article = Article(Document(title="Deep", blocks=blocks), Summary((), "test"))
    default = docx.Document(io.BytesIO(render(article, Options())))
    assert ("Heading 6", "Level five") in headings(default)
    sparse = docx.Document(io.BytesIO(render(article, Options(
        docx_template=sparse_template(tmp_path)))))
    assert ("Heading 4", "Level five") in headings(sparse)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "https://",
                                 "http://exa mple.org/x"])
def test_unsafe_source_urls_are_never_linked(url: str) -> None:
    document = replace(english_document(), source_url=url)
    data = render(summarised(document, [(0, 0)]), Options())
    written = docx.Document(io.BytesIO(data))
    parts = [written.part, written.sections[0].footer.part, written.sections[0].header.part]
    external = [rel for part in parts for rel in part.rels.values() if rel.is_external]
    assert external == []
    assert "javascript" not in body_text(written)


# -- large inputs and speed ------------------------------------------------------------------


def _large_document(paragraphs: int) -> Document:
    """``paragraphs`` blocks of three sentences: prose, a few Hebrew ones, quotes, list items."""
    blocks: list[Heading | Paragraph | Quote | ListItem] = []
    for number in range(paragraphs):
        if number % 1000 == 0:
            blocks.append(Heading(f"Part {number // 1000 + 1}"))
        position = len(blocks)
        if number % 997 == 5:
            texts = ["הוועדה אישרה את התוכנית.", "העבודות יתחילו באביב.", "העלות: 4 מיליון."]
        else:
            texts = [f"Paragraph {number} opens with a claim.",
                     f"The harbour board counted {number + 3} ferries.",
                     "Nobody objected\x0c at the meeting."]
        sentences = tuple(Sentence(text, position, i) for i, text in enumerate(texts))
        if number % 50 == 7:
            blocks.append(Quote(sentences))
        elif number % 50 == 9:
            blocks.append(ListItem(sentences, ordered=True))
        else:
            blocks.append(Paragraph(sentences))
    return Document(title="A very long report", blocks=tuple(blocks), language="en")


def test_a_large_document_is_written_quickly_and_read_back_whole() -> None:
    import time

    paragraphs = 20_000
    document = _large_document(paragraphs)
    late = document.blocks[-2].sentences[1]  # type: ignore[union-attr]
    summary = Summary((document.sentence_at(1, 0), late), "lead")
    started = time.perf_counter()
    data = render(Article(document, summary), Options(organisation=ORGANISATION))
    elapsed = time.perf_counter() - started
    assert elapsed < 8, f"20,000 paragraphs took {elapsed:.1f} s"

    briefing = docx.Document(io.BytesIO(data))
    full_text = section(briefing, "Full text")
    prose = [p for p in full_text if not p.style.name.startswith("Heading")]
    assert len(prose) == paragraphs
    assert [p.text for p in full_text if p.style.name == "Heading 2"][-1] == "Part 20"
    expected = clean_text(" ".join(s.text for s in document.blocks[-1].sentences))  # type: ignore[union-attr]
    assert prose[-1].text == expected
    assert prose[-1].text.endswith("Nobody objected at the meeting.")  # the form feed is gone
    assert {p.style.name for p in prose} == {"Normal", "Quote", "List Number"}
    # The late key point links to a bookmark round its sentence, near the end.
    holders = [p for p in prose[-3:] if bookmarked_text(p, late.anchor.replace("-", "_"))]
    assert [bookmarked_text(p, late.anchor.replace("-", "_")) for p in holders] == [late.text]
    # Hebrew paragraphs are right to left; the body ends with the section properties.
    hebrew = [p for p in prose if "הוועדה" in p.text]
    assert len(hebrew) == len([n for n in range(paragraphs) if n % 997 == 5])
    assert all(p._p.pPr.find(qn("w:bidi")) is not None for p in hebrew)
    assert briefing.element.body[-1].tag == qn("w:sectPr")


def test_right_to_left_fast_path_covers_every_right_to_left_character() -> None:
    import unicodedata

    from exporter.direction import MAYBE_RTL

    missed = [hex(code) for code in range(0x110000)
              if unicodedata.bidirectional(chr(code)) in ("R", "AL")
              and not MAYBE_RTL.match(chr(code))]
    assert missed == []


def test_each_briefing_gets_its_own_language_from_one_prepared_template() -> None:
    options = Options(organisation=ORGANISATION)
    hebrew = rtl_article(["הוועדה אישרה את התוכנית החדשה."], "he", "תוכנית")
    results = {}
    for article in (english_article(), hebrew, english_article()):
        briefing = docx.Document(io.BytesIO(render(article, options)))
        defaults = briefing.styles.element.find(qn("w:docDefaults"))
        language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        results.setdefault(article.document.language, []).append(
            (language.get(qn("w:val")), language.get(qn("w:bidi"))))
    assert results["he"] == [("he", "he")]
    assert results["en"][0] == results["en"][1]
    assert results["en"][0][0] == "en"


# -- what is prepared once and shared between briefings --------------------------------------


def _footer_source(data: bytes) -> tuple[str, list[str]]:
    """The footer's last paragraph text and the external targets its links point to."""
    footer = docx.Document(io.BytesIO(data)).sections[0].footer
    targets = [footer.part.rels[link.get(qn("r:id"))].target_ref
               for link in footer._element.iter(qn("w:hyperlink"))]
    return footer.paragraphs[-1].text, targets


def test_each_briefing_has_its_own_source_in_the_footer() -> None:
    """Filled footers are kept per source: one article's source never reaches another's."""
    options = Options(organisation=ORGANISATION)
    first, second = "https://example.org/one?a=1&b=2", "https://example.net/two"
    seen = []
    for url in (first, second, None, first, None, second):
        data = render(summarised(english_document(source_url=url), [(0, 0)]), options)
        seen.append(_footer_source(data))
        meta_links = [r.target_ref for r in docx.Document(io.BytesIO(data)).part.rels.values()
                      if r.is_external]
        assert meta_links == ([url] if url else [])
    assert seen == [(first, [first]), (second, [second]), ("Page 1 of 1", []),
                    (first, [first]), ("Page 1 of 1", []), (second, [second])]


def test_each_organisation_gets_its_own_header() -> None:
    for name in ("Harbour Desk", "Αρχείο Λιμένα", "Harbour Desk"):
        data = render(english_article(), Options(organisation=name))
        header = docx.Document(io.BytesIO(data)).sections[0].header
        assert [p.text for p in header.paragraphs] == [name]


def test_first_page_header_placeholders_are_filled(tmp_path: Path) -> None:
    template = docx.Document(str(packaged_templates() / "briefing.docx"))
    section = template.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "{organisation} ·\tfirst page"
    section.first_page_footer.paragraphs[0].text = "Source: {source}"
    path = tmp_path / "first.docx"
    template.save(str(path))
    options = Options(organisation="Acme", docx_template=path)
    for url in (SOURCE_URL, None):
        data = render(english_article(source_url=url), options)
        written = docx.Document(io.BytesIO(data)).sections[0]
        first_page = written.first_page_header.paragraphs
        assert [p.text for p in first_page] == ["Acme ·\tfirst page"]
        assert len(list(first_page[0]._p.iter(qn("w:tab")))) == 1
        assert [p.text for p in written.header.paragraphs] == ["Acme"]
        footer = written.first_page_footer
        assert [p.text for p in footer.paragraphs] == [f"Source: {url or ''}"]
        targets = [r.target_ref for r in footer.part.rels.values() if r.is_external]
        assert targets == ([SOURCE_URL] if url else [])


def test_a_changed_logo_file_is_read_again(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    options = LogoOptions(organisation="Acme", docx_logo=logo)

    def images() -> list[bytes]:
        header = docx.Document(io.BytesIO(render(english_article(), options))).sections[0].header
        return [p.blob for p in header.part.related_parts.values()
                if p.content_type == "image/png"]

    assert images() == [_png()]
    logo.write_bytes(_png() + b"\x00")  # the same picture, but another file (a byte longer)
    assert images() == [_png() + b"\x00"]


def test_model_anchors_make_the_same_bookmark_names_by_the_short_path() -> None:
    from exporter.writers.docx.ooxml import bookmark_name

    assert bookmark_name("s3-1") == "s3_1"
    assert bookmark_name("s123456-78") == "s123456_78"
    assert bookmark_name("3-1") == "b3_1"  # not the model's shape: the general path
    assert bookmark_name("s3-1é") == "s3_1_"
    long = "s" + "1" * 30 + "-" + "2" * 30
    assert bookmark_name(long) == long.replace("-", "_")[:40]


@pytest.mark.parametrize("size", [0, 1, 249, 250, 251, 700, 2000, 4000, 16_122, 16_123,
                                  32_505, 32_506, 32_507, 70_000])
def test_a_part_compresses_to_the_same_bytes_with_a_window_that_fits_it(size: int) -> None:
    import random
    import zlib

    from exporter.writers.docx.package import compress

    xml = (ROOT / "exporter" / "samples" / "harbour-solar.md").read_bytes()
    rng = random.Random(size)
    for data in ((xml * (size // len(xml) + 1))[:size], rng.randbytes(size),
                 bytes(rng.choice(b"<w:p> </w:t>abc") for _ in range(size))):
        engine = zlib.compressobj(6, zlib.DEFLATED, -15)
        member = compress(data)
        assert member.compressed == engine.compress(data) + engine.flush()
        assert zlib.decompress(member.compressed, -15) == data


def test_briefings_written_in_threads_match_those_written_one_by_one() -> None:
    """Frames and filled headers are shared between threads: no briefing sees another's."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(summarised(english_document(source_url=url, title=f"Pier report {n}"), [(0, 0)]),
             Options(organisation=organisation))
            for n, (url, organisation) in enumerate(
                [(f"https://example.org/{n % 5}", f"Desk {n % 3}") for n in range(24)]
                + [(None, "Desk 0")] * 4)]
    alone = [render(article, options) for article, options in jobs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda job: render(*job), jobs))
    assert together == alone
    assert len(set(alone)) == len(jobs)  # each has its own title


def test_a_templates_own_page_wording_is_kept_in_any_language(tmp_path: Path) -> None:
    template = docx.Document(str(packaged_templates() / "briefing.docx"))
    template.sections[0].footer.paragraphs[0].text = "S. {page}/{pages}"
    path = tmp_path / "own-words.docx"
    template.save(str(path))
    for article in (german_article(), english_article()):
        footer = docx.Document(io.BytesIO(render(article, Options(docx_template=path)))
                               ).sections[0].footer
        assert footer.paragraphs[0].text == "S. 1/1"
