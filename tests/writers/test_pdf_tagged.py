"""The one-pager as tagged PDF (PDF/UA-1) and archival PDF (PDF/A-2b), read back with pypdf.

Each test checks one clause the writer implements, on one-pagers in several
languages and shapes: the structure tree and the page's marked content agree,
the tree reads in the page's order, the metadata says one thing in two places.
"""

from __future__ import annotations

import dataclasses
import io
import re
from functools import cache

import pytest
from PIL import ImageCms
from pypdf.generic import DictionaryObject

from exporter.config import Options
from exporter.model import Article
from exporter.pipeline import summarise_document
from exporter.readers import read_string
from exporter.writers.pdf import PdfWriter
from tests.writers.pdfua_read import (
    NS,
    all_objects,
    marked_content,
    pdf_date_as_xmp,
    read,
    structure,
    xmp,
    xmp_value,
)

# --- test articles (written for these tests) ---------------------------------------------

ENGLISH = """# Ferry crews & the <harbour> board agree a "winter" timetable

The harbour board and the ferry crews agreed on Friday a timetable for the winter months, after four weeks of talks in Port Ellery. The first boat will leave at 6.40 each morning, twenty minutes later than in summer.

"Nobody gets everything they wanted, but the islands keep their morning boat," said Ruth Amsel, who chairs the board.

## What changes

- Two evening sailings are dropped between November and February.
- Season tickets cost 4 per cent more, or 312 euros a year.
- A night boat runs on the last Saturday of each month.

The crews had asked for a fourth deckhand on the largest ferry, which carries 420 passengers. The board agreed to hire two more people by March.

> The islands depend on this crossing for school, work and hospital visits.

Islanders will be asked about the timetable again in April, before the summer schedule is set.
"""

GERMAN = """# Stadtbibliothek öffnet am Sonntag

Die Stadtbibliothek in Lindenau öffnet ab März auch sonntags von 11 bis 17 Uhr. Der Stadtrat stimmte am Dienstag mit 23 zu 8 Stimmen für den Versuch.

„Sonntags haben Familien Zeit, und die Bibliothek soll dann offen sein“, sagte die Leiterin Jana Wolff.

Der Versuch kostet im ersten Jahr rund 85.000 Euro. Studierende übernehmen einen Teil der Dienste.
"""

FINNISH = """# Kirjasto avautuu sunnuntaisin

Lindenaun kaupunginkirjasto on maaliskuusta alkaen auki myös sunnuntaisin kello 11–17. Kaupunginvaltuusto hyväksyi kokeilun tiistaina äänin 23–8.

Kokeilu maksaa ensimmäisenä vuonna noin 85 000 euroa. Opiskelijat hoitavat osan vuoroista.
"""

HEBREW = """# הספרייה העירונית תיפתח בימי ראשון

הספרייה העירונית בעיר הנמל תיפתח מחודש מרץ גם בימי ראשון, בין השעות 11 ל־17. מועצת העיר אישרה את הניסוי ביום שלישי ברוב של 23 מול 8.

הניסוי יעלה כ־85 אלף שקלים בשנה הראשונה. סטודנטים ימלאו חלק מהמשמרות.
"""


def _long(paragraphs: int) -> str:
    lines = ["# Valley councils share one snow-clearing fleet", ""]
    for number in range(paragraphs):
        if number % 4 == 3:
            lines += [f"## Part {number // 4 + 1}", ""]
        lines += [f"Council {number} said on Tuesday that its share of the fleet would cost "
                  f"{number + 3}.5 million euros over {number % 5 + 2} winters. The depot in "
                  "Orrin Ford keeps twelve ploughs and four gritters ready from November. "
                  "Drivers work in shifts of ten hours when snow is forecast.", ""]
    return "\n".join(lines)


ARTICLES = {
    "english": (ENGLISH, "en", "https://news.example.net/ferries/winter"),
    "german": (GERMAN, "de", "https://zeitung.example.de/lindenau/bibliothek"),
    "finnish": (FINNISH, "fi", None),
    "hebrew": (HEBREW, "he", "https://news.example.co.il/library"),
    "long": (_long(40), "en", "https://news.example.net/valley/snow"),
}


def _article(name: str) -> Article:
    text, language, url = ARTICLES[name]
    document = read_string(text, format="markdown", language=language)
    if url:
        document = dataclasses.replace(document, source_url=url)
    return summarise_document(document, Options())


def render(article: Article) -> bytes:
    out = io.BytesIO()
    PdfWriter().write([article], out, Options())
    return out.getvalue()


@cache
def _pdf(name: str) -> bytes:
    return render(_article(name))


NAMES = list(ARTICLES)


def _words(text: str) -> list[str]:
    return text.split()


# --- the strongest checker that installs from PyPI ------------------------------------

@pytest.mark.parametrize("profile", ["ua1", "2b"])
@pytest.mark.parametrize("name", NAMES)
def test_a_pdf_ua_and_pdf_a_validator_finds_nothing(name: str, profile: str) -> None:
    # page-validation: a Rust implementation of veraPDF's PDF/UA-1 and PDF/A rules that
    # passes veraPDF's test corpus; it runs offline, without Java.
    page = pytest.importorskip("page", reason="page-validation is not installed")
    report = page.validate_pdf_bytes(_pdf(name), profile=profile)
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.is_compliant and not failures, "\n".join(failures)
    assert report.rules.total > 100  # the profile's rules did run


def test_the_validator_fails_an_untagged_pdf() -> None:
    page = pytest.importorskip("page", reason="page-validation is not installed")
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.drawString(72, 720, "An untagged line of text.")
    canvas.save()
    for profile in ("ua1", "2b"):
        assert not page.validate_pdf_bytes(out.getvalue(), profile=profile).is_compliant


# --- the structure tree and the page's marked content ---------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_mcid_on_the_page_is_owned_once_by_the_tree_and_the_parent_tree(name: str) -> None:
    reader = read(_pdf(name))
    tree = structure(reader)
    page = reader.pages[0]
    marked = marked_content(reader)
    in_tree = tree.mcids()
    assert sorted(in_tree) == sorted(set(in_tree)), "an MCID is referenced twice"
    assert sorted(in_tree) == sorted(marked.order), "the tree and the page differ"
    assert marked.order == sorted(marked.order) and len(marked.order) == len(set(marked.order))
    # The ParentTree maps the page's MCIDs back to their owning elements.
    assert page["/StructParents"] == 0
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = root["/ParentTree"]["/Nums"]
    entries = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    owners = entries[0].get_object()
    owner_of = {mcid: node.ref.idnum for node in tree.walk() for mcid in node.kids
                if isinstance(mcid, int)}
    assert len(owners) == len(in_tree)
    for mcid, owner in enumerate(owners):
        assert owner.idnum == owner_of[mcid], f"ParentTree disagrees for MCID {mcid}"
    assert int(root["/ParentTreeNextKey"]) == max(entries) + 1
    # Every element has its parent as /P and its page as /Pg.
    for node in tree.walk()[1:]:
        element = node.ref.get_object()
        assert element["/Type"] == "/StructElem"
        assert element.raw_get("/P").idnum == (node.parent.ref.idnum if node.parent.parent
                                               else root.indirect_reference.idnum)
        assert element.raw_get("/Pg").idnum == page.indirect_reference.idnum


@pytest.mark.parametrize("name", NAMES)
def test_all_text_is_tagged_and_all_decoration_is_an_artifact(name: str) -> None:
    marked = marked_content(read(_pdf(name)))
    assert marked.untagged_text == []
    assert marked.unmarked_painting == []
    assert marked.artifacts >= 2  # the masthead band and the rule under the header at least


@pytest.mark.parametrize("name", NAMES)
def test_the_tree_reads_in_the_order_of_the_page(name: str) -> None:
    reader = read(_pdf(name))
    marked = marked_content(reader)
    tree_text = " ".join(marked.text.get(mcid, "") for mcid in structure(reader).mcids())
    page_text = reader.pages[0].extract_text()
    assert _words(tree_text) == _words(page_text)
    assert len(_words(page_text)) > 30


@pytest.mark.parametrize("name", NAMES)
def test_roles_nest_as_pdf_ua_wants(name: str) -> None:
    tree = structure(read(_pdf(name)))
    assert [kid.role for kid in tree.kids if hasattr(kid, "role")] == ["Document"]
    nodes = tree.walk()[1:]
    roles = [node.role for node in nodes]
    assert roles.count("H1") == 1
    headings = [int(role[1]) for role in roles if re.fullmatch(r"H[1-6]", role)]
    assert headings[0] == 1
    for before, after in zip(headings, headings[1:], strict=False):
        assert after <= before + 1, f"heading level skipped: H{before} then H{after}"
    for node in nodes:
        kids = [kid.role for kid in node.kids if hasattr(kid, "role")]
        if node.role == "L":
            assert kids and set(kids) == {"LI"}
        if node.role == "LI":
            assert kids and set(kids) <= {"Lbl", "LBody"}
        if node.role in ("Lbl", "LBody", "LI"):
            assert node.parent is not None and node.parent.role in ("L", "LI")
        if node.role != "Document":
            assert node.mcids(), f"an empty {node.role}"


def test_the_page_s_sections_have_their_roles() -> None:
    reader = read(_pdf("english"))
    tree = structure(reader)
    text = marked_content(reader).text

    def said(node: object) -> str:
        return " ".join(" ".join(text.get(m, "") for m in node.mcids()).split())  # type: ignore[attr-defined]

    nodes = tree.walk()
    h1 = [said(n) for n in nodes if n.role == "H1"]
    assert h1 == ['Ferry crews & the <harbour> board agree a "winter" timetable']
    h2 = [said(n) for n in nodes if n.role == "H2"]
    assert h2[0] == "SUMMARY" and "KEY QUOTES" in h2 and "KEY FIGURES" in h2
    assert [said(n) for n in nodes if n.role == "H3"] == ["What changes"]
    quotes = [said(n) for n in nodes if n.role == "BlockQuote"]
    # The key quote (in its quotation marks) and the article's own block quote.
    assert len(quotes) == 2 and all("islands depend on this crossing" in q for q in quotes)
    lists = [n for n in nodes if n.role == "L"]
    assert len(lists) >= 3  # summary, key figures, the article's list
    items = [said(li) for li in lists[-1].kids]
    assert items[0].startswith("•") and "Two evening sailings" in items[0]
    labels = [said(n) for n in nodes if n.role == "Lbl"]
    assert "•" in labels and any(re.search(r"\d", label) for label in labels)


def test_a_paragraph_split_across_columns_is_one_element() -> None:
    reader = read(_pdf("long"))
    nodes = structure(reader).walk()
    assert any(node.role == "P" and len(node.mcids()) == 2 for node in nodes)


# --- the link ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["english", "german", "hebrew", "long"])
def test_the_source_link_is_a_link_element_with_contents(name: str) -> None:
    reader = read(_pdf(name))
    page = reader.pages[0]
    annotations = [a.get_object() for a in page["/Annots"]]
    assert page["/Tabs"] == "/S"
    links = [node for node in structure(reader).walk() if node.role == "Link"]
    assert len(links) == len(annotations) == 1
    annotation = annotations[0]
    url = ARTICLES[name][2]
    assert annotation["/A"]["/URI"] == url
    assert url in annotation["/Contents"]
    assert int(annotation["/F"]) & 4  # printed
    objrs = [kid for kid in links[0].kids if isinstance(kid, DictionaryObject)]
    assert [o.raw_get("/Obj").idnum for o in objrs] == [page["/Annots"][0].idnum]
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    entries = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    assert entries[int(annotation["/StructParent"])].idnum == links[0].ref.idnum
    assert links[0].mcids()


def test_a_page_without_a_link_has_no_annotation() -> None:
    page = read(_pdf("finnish")).pages[0]
    assert "/Annots" not in page or not page["/Annots"]


# --- languages -------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_the_document_language_is_the_article_s(name: str) -> None:
    reader = read(_pdf(name))
    assert reader.trailer["/Root"]["/Lang"] == ARTICLES[name][1]
    assert xmp_value(xmp(reader), "dc:language") == ARTICLES[name][1]


def test_english_labels_on_a_finnish_page_say_they_are_english() -> None:
    reader = read(_pdf("finnish"))
    text = marked_content(reader).text
    h2 = [n for n in structure(reader).walk() if n.role == "H2"]
    assert h2 and all(n.lang == "en" for n in h2)
    assert "SUMMARY" in [" ".join(text[m] for m in n.mcids()).strip() for n in h2]
    # The article's own text carries no /Lang of its own: it is the document's.
    assert all(n.lang is None for n in structure(reader).walk() if n.role in ("H1", "P"))


def test_translated_labels_carry_no_language_of_their_own() -> None:
    reader = read(_pdf("german"))
    h2 = [n for n in structure(reader).walk() if n.role == "H2"]
    assert h2 and all(n.lang is None for n in h2)


# --- document-level PDF/UA and PDF/A parts -------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_catalog_marks_the_file_tagged_and_shows_its_title(name: str) -> None:
    reader = read(_pdf(name))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata is not None and reader.metadata.title
    assert len(reader.pages) == 1


@pytest.mark.parametrize("name", NAMES)
def test_xmp_says_what_the_info_dictionary_says(name: str) -> None:
    reader = read(_pdf(name))
    info = reader.metadata
    assert info is not None
    description = xmp(reader)
    assert xmp_value(description, "dc:title") == info["/Title"]
    assert xmp_value(description, "dc:creator") == info["/Author"]
    assert xmp_value(description, "dc:description") == info["/Subject"]
    assert xmp_value(description, "pdf:Keywords") == info["/Keywords"]
    assert xmp_value(description, "pdf:Producer") == info["/Producer"]
    assert xmp_value(description, "xmp:CreatorTool") == info["/Creator"]
    assert xmp_value(description, "xmp:CreateDate") == pdf_date_as_xmp(info["/CreationDate"])
    assert xmp_value(description, "xmp:ModifyDate") == pdf_date_as_xmp(info["/ModDate"])
    assert xmp_value(description, "pdfaid:part") == "2"
    assert xmp_value(description, "pdfaid:conformance") == "B"
    assert xmp_value(description, "pdfuaid:part") == "1"
    # pdfuaid is not a schema PDF/A-2 predefines: the packet declares it.
    namespaces = [e.text for e in description.iter(
        "{http://www.aiim.org/pdfa/ns/schema#}namespaceURI")]
    assert NS["pdfuaid"] in namespaces


def test_dates_follow_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    reader = read(render(_article("german")))
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"].startswith("D:20231114221320")
    assert xmp_value(xmp(reader), "xmp:CreateDate") == "2023-11-14T22:13:20+00:00"


@pytest.mark.parametrize("name", ["english", "hebrew"])
def test_the_output_intent_is_an_srgb_icc_profile(name: str) -> None:
    reader = read(_pdf(name))
    intents = reader.trailer["/Root"]["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert "sRGB" in intent["/OutputConditionIdentifier"]
    stream = intent["/DestOutputProfile"].get_object()
    assert stream["/N"] == 3
    data = stream.get_data()
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB "
    profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    assert "sRGB" in ImageCms.getProfileDescription(profile)


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded_and_no_standard_font_is_referenced(name: str) -> None:
    reader = read(_pdf(name))
    fonts = [thing for thing in all_objects(reader)
             if isinstance(thing, DictionaryObject) and thing.get("/Type") == "/Font"]
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        descriptor = font["/FontDescriptor"]
        assert "/FontFile2" in descriptor, font["/BaseFont"]
        assert "/ToUnicode" in font, font["/BaseFont"]
        assert re.fullmatch(r"/[A-Z]{6}\+.+", font["/BaseFont"])  # a subset, by its tag
    assert b"Helvetica" not in _pdf(name)


def test_the_same_article_gives_the_same_bytes_and_another_another_id() -> None:
    first = render(_article("english"))
    assert render(_article("english")) == first
    reader = read(first)
    ids = reader.trailer["/ID"]
    assert len(ids) == 2 and ids[0].original_bytes == ids[1].original_bytes
    assert len(ids[0].original_bytes) == 16
    other = read(_pdf("long")).trailer["/ID"]
    assert other[0].original_bytes != ids[0].original_bytes


def test_untrusted_text_stays_text_in_the_metadata() -> None:
    reader = read(_pdf("english"))
    # The title's & < > " are escaped in the XMP, and read back as they were.
    assert xmp_value(xmp(reader), "dc:title") == (
        'Ferry crews & the <harbour> board agree a "winter" timetable')
