"""The scraped-text reader: furniture, bylines, headline, dateline."""

from __future__ import annotations

from conftest import shared_path

from exporter.readers import read_path, read_string
from exporter.readers.text import read_text

SCRAPED = """Home | World | Politics | Sport

Ferry operator and unions agree to end week-long strike

By Mara Quint and Joel Afolabi, Harbour Wire
Updated 4:15 PM GMT, March 5, 2025

PORTLOCH, Westmarch (AP) — Ferry crews will return to work on Thursday after the operator and two unions agreed a pay rise of 6 per cent. The strike had stranded hundreds of travellers.

Share

Advertisement

“We did not want to let the islands down,” said Ines Varga, the crews' union secretary.

What the deal includes

The agreement also guarantees rest days for crews on the longest routes. It runs until 2027.
"""


def test_scraped_text_drops_furniture_and_keeps_the_story() -> None:
    document = read_text(SCRAPED)
    assert document.title == "Ferry operator and unions agree to end week-long strike"
    # A wire service in the byline is not an author (issue 14).
    assert document.authors == ("Mara Quint", "Joel Afolabi")
    assert document.place == "Portloch, Westmarch"
    assert document.published is not None and document.published.isoformat() == "2025-03-05"
    text = document.text
    for furniture in ("Home |", "Share", "Advertisement", "By Mara", "Updated", "PORTLOCH"):
        assert furniture not in text
    assert text.startswith("Ferry crews will return to work on Thursday")
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Heading", "Paragraph"]
    assert document.blocks[2].text == "What the deal includes"


def test_sentences_have_stable_positions() -> None:
    document = read_text(SCRAPED)
    first = document.blocks[0]
    assert [s.position for s in first.sentences] == [(0, 0), (0, 1)]
    assert document.sentence_at(3, 1).text == "It runs until 2027."
    assert [s.text for s in document.sentences()][-1] == "It runs until 2027."


def test_a_file_without_a_headline_keeps_its_first_paragraph_as_body() -> None:
    body = (
        "The museum reopened on Saturday after a two-year renovation. Visitors queued "
        "for an hour. The new wing doubles the space for the textile collection."
    )
    document = read_string(body, format="text", fallback_title="Museum notes")
    assert document.title == "Museum notes"
    assert document.blocks[0].text == body
    two_paragraphs = read_text(body + "\n\nIt will open daily except Mondays.")
    assert two_paragraphs.title == "Untitled article"
    assert two_paragraphs.blocks[0].text == body


def test_the_real_scraped_article() -> None:
    document = read_path(shared_path("articles", "nagorno-karabakh-scraped.txt"))
    assert document.title == "Azerbaijan begins a military operation in Nagorno-Karabakh"
    assert document.place == "Tbilisi, Georgia"
    assert document.language == "en"
    assert "scorecardresearch" not in document.text
    assert "Skip to main content" not in document.text
    assert document.blocks[0].text.startswith("Azerbaijan said Tuesday")
    assert document.word_count > 900
    assert document.reading_time == 5


def test_the_real_scraped_article_on_one_line_gets_no_title_from_its_body(tmp_path) -> None:
    text = shared_path("articles", "nagorno-karabakh-scraped.txt").read_text("utf-8")
    flat = tmp_path / "flat-article.txt"
    flat.write_text(" ".join(text.split()), "utf-8")
    document = read_path(flat)
    assert document.title == "Flat article"
    assert "scorecardresearch" not in document.text
    assert len(document.blocks) == 1 and len(document.blocks[0].sentences) > 20


def test_abbreviations_decimals_initials_and_quotes_do_not_break_sentences() -> None:
    document = read_text(
        "Budget talks\n\nMr. Ruiz met U.S. officials on Jan. 5 in Washington. "
        "Growth was 2.5 per cent, said J. K. Lam. “We are pleased,” he added. Talks resume today."
    )
    assert [s.text for s in document.sentences()] == [
        "Mr. Ruiz met U.S. officials on Jan. 5 in Washington.",
        "Growth was 2.5 per cent, said J. K. Lam.",
        "“We are pleased,” he added.",
        "Talks resume today.",
    ]
