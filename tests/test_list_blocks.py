"""Lists in the model: readers say where a list opens and what it counts from; every writer
reads the same ListBlock (items, bullets or numbers, start) instead of regrouping items."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from exporter import ListBlock, ListItem, read_string
from exporter.model import Article, Document, Paragraph, Sentence, Summary, group_lists
from exporter.pipeline import render


def _item(text: str, index: int, ordered: bool = False, start: int | None = None) -> ListItem:
    return ListItem((Sentence(text, index, 0),), ordered, start)


def test_runs_of_items_become_lists_cut_where_the_kind_changes_or_a_list_opens() -> None:
    blocks = [
        Paragraph((Sentence("Before the lists.", 0, 0),)),
        _item("one", 1, True), _item("two", 2, True),
        _item("dot", 3), _item("dash", 4),
        _item("again", 5, True, start=7), _item("more", 6, True),
        _item("fresh", 7, True, start=1),
    ]
    lists = group_lists(blocks)
    assert [(b.ordered, b.start, b.first, len(b.items)) for b in lists] == [
        (True, 1, 1, 2), (False, 1, 3, 2), (True, 7, 5, 2), (True, 1, 7, 1)]
    assert [lists[2].number(i) for i in lists[2].indices] == [7, 8]
    assert lists[1].number(3) is None


def test_document_body_shows_each_list_once_at_its_first_item() -> None:
    document = read_string("# Tasks\n\nWe agreed on three steps.\n\n3. Measure the quay.\n"
                           "4. Order the timber.\n\n- Ask the harbour master.\n", format="markdown")
    body = list(document.body())
    kinds = [type(block).__name__ for _, block in body]
    assert kinds == ["Paragraph", "ListBlock", "ListBlock"]
    numbered = body[1][1]
    assert isinstance(numbered, ListBlock)
    assert numbered.ordered and numbered.start == 3
    assert [item.text for item in numbered.items] == ["Measure the quay.", "Order the timber."]
    assert document.list_at(numbered.first + 1) is numbered
    assert document.list_at(0) is None
    assert len(document.lists) == 2


def test_a_nested_markdown_list_goes_on_inside_its_parent() -> None:
    document = read_string("Zahlen und Termine.\n\n- Zahlen\n  - 1,1 Millionen Euro\n- Termine\n"
                           "  1. April\n  2. Herbst\n", format="markdown", language="de")
    lists = document.lists
    assert [(b.ordered, [i.text for i in b.items]) for b in lists] == [
        (False, ["Zahlen", "1,1 Millionen Euro", "Termine"]), (True, ["April", "Herbst"])]


def test_text_lists_keep_their_first_number_across_a_blank_line() -> None:
    document = read_string("Le conseil a fixé un calendrier précis pour les travaux du port.\n\n"
                           "5. Fermer la jetée.\n\n6. Ouvrir le ponton.\n\n"
                           "Les habitants attendent la suite.\n", format="text", language="fr")
    (numbered,) = document.lists
    assert numbered.start == 5
    assert [numbered.number(i) for i in numbered.indices] == [5, 6]


def _article() -> Article:
    document = read_string("---\ntitle: Pier works\nlanguage: en\n---\n\n"
                           "The council set out the works in order.\n\n"
                           "3. Close the pier to vehicles.\n4. Open the pontoon.\n\n"
                           "Residents raised two worries.\n\n- Noise at night.\n- Parking.\n",
                           format="markdown")
    first = next(iter(document.sentences()))
    return Article(document, Summary((first,), "test"))


def test_docx_numbers_a_list_from_its_own_start() -> None:
    data = render([_article()], "docx")
    briefing = docx.Document(io.BytesIO(data))
    numbered = [p for p in briefing.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Close the pier to vehicles.", "Open the pontoon."]
    num_id = numbered[0]._p.pPr.numPr.numId.val
    num = briefing.part.numbering_part.element.num_having_numId(num_id)
    start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert start.get(qn("w:val")) == "3"


def test_epub_and_pdf_number_a_list_from_its_own_start() -> None:
    article = _article()
    with zipfile.ZipFile(io.BytesIO(render([article], "epub"))) as book:
        pages = [book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml")]
    chapter = next(page for page in pages if "Close the pier" in page)
    assert re.search(r'<ol start="3">\s*<li>', chapter)
    assert "<ul>" in chapter
    text = PdfReader(io.BytesIO(render([article], "pdf"))).pages[0].extract_text()
    assert re.search(r"3\.\s*Close the pier", text) and re.search(r"4\.\s*Open the pontoon", text)


def test_a_document_built_by_hand_groups_its_items_as_before() -> None:
    blocks = (_item("a", 0, True), _item("b", 1, True), _item("c", 2))
    document = Document("Hand-made", blocks)
    assert [(b.ordered, b.start, len(b.items)) for b in document.lists] == [
        (True, 1, 2), (False, 1, 1)]
