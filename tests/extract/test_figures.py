"""Key figures: the numbers that matter, with context, and nothing that is not a figure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.extract import KeyFigure, figures, key_figures
from exporter.model import Document
from exporter.readers.build import RawBlock, build_document


def _document(paragraphs: list[str], language: str = "en") -> Document:
    return build_document([RawBlock("paragraph", p) for p in paragraphs], title="Test",
                          language=language)


def _figures(document: Document, limit: int = 20) -> list[str]:
    return [f.figure for f in key_figures(document, limit)]


def test_scraped_article_figures() -> None:
    text = Path(shared_path("articles", "nagorno-karabakh-scraped.txt")).read_text("utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    document = _document(paragraphs[2:])
    figures = key_figures(document, limit=6)
    names = [f.figure for f in figures]
    assert names[:1] == ["25 people"]  # the death toll, and first in document order
    for expected in ("1,960 peacekeepers", "44 days"):
        assert expected in names
    # Issue 14: years and decades give way to figures that count something, and the
    # '44-day war' reads as a duration with the war in its context.
    assert not {"2020", "1990s", "1980s"} & set(names)
    war = next(f for f in figures if f.figure == "44 days")
    assert "44-day war" in war.context
    toll = figures[0]
    assert "25 people" in toll.context and "statement" in toll.context
    assert toll.context.startswith("…") and toll.context.endswith("…")
    assert "25 people" in document.sentence_at(*toll.sentence.position).text
    # Each figure once, even though "2020" occurs four times.
    assert len(names) == len(set(names))


ENGLISH = [
    "The storm killed 14 people and left 3,200 households without power on Sunday, "
    "officials said.",
    "Repairs will cost £18.5 million, and the insurer expects claims of up to $2bn. "
    "Prices rose 4.5% in the region.",
    "The council voted 7 to 2 on March 3, 2024 to fund a 12-week clean-up.",
    "See section 4 of the report, which has 2 annexes and was written in 1998.",
]


def test_english_kinds_and_context() -> None:
    figures = key_figures(_document(ENGLISH), limit=20)
    names = [f.figure for f in figures]
    for expected in ("14 people", "3,200 households", "£18.5 million", "$2bn", "4.5%",
                     "7 to 2", "March 3, 2024", "12 weeks"):
        assert expected in names, names
    assert "1998" not in names  # a year, where better figures exist
    assert "4" not in names and "section 4" not in names
    money = next(f for f in figures if f.figure == "£18.5 million")
    assert money == KeyFigure("£18.5 million", "Repairs will cost £18.5 million, and the insurer "
                              "expects claims of …", money.sentence)


def test_limit_keeps_the_weightiest_in_document_order() -> None:
    names = _figures(_document(ENGLISH), limit=3)
    # Casualty counts and money outrank dates and years.
    assert names == ["14 people", "3,200 households", "£18.5 million"]


def test_german_and_french_figures() -> None:
    german = ["Bei dem Unwetter wurden 14 Menschen getötet. Der Schaden beträgt 4,5 Millionen "
              "Euro, teilte die Stadt am 5. März 2024 mit. Die Preise stiegen um 3,2 Prozent."]
    names = _figures(_document(german, "de"))
    for expected in ("14 Menschen", "4,5 Millionen Euro", "5. März 2024", "3,2 Prozent"):
        assert expected in names, names
    french = ["La tempête a fait 14 morts et coûtera 18,5 millions d'euros, selon la mairie."]
    names = _figures(_document(french, "fr"))
    assert "14 morts" in names and "18,5 millions d'euros" in names


def test_no_figures_in_plain_prose() -> None:
    document = _document(["The minister resigned on a grey morning.", "Nobody was surprised."])
    assert key_figures(document) == []
    assert key_figures(_document(ENGLISH), limit=0) == []


def test_keywords_prefer_repeated_names_and_skip_calendar_words() -> None:
    from exporter.extract import keywords

    document = _document([
        "On Monday the Harbourton council met. Mayor Ana Ruiz opened the meeting on Monday.",
        "The ferry pier in Harbourton is old. Ana Ruiz said the ferry pier would close.",
        "The ferry company and the council disagree about the pier.",
    ])
    words = keywords(document, limit=4)
    assert words[:2] == ["Harbourton", "Ana Ruiz"]
    assert "Monday" not in words and "ferry" in words and "pier" in words
    assert keywords(document, limit=0) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=4))
def test_extractors_never_fail_on_arbitrary_text(paragraphs: list[str]) -> None:
    from exporter.extract import key_quotes, keywords

    document = _document(paragraphs)
    for figure in key_figures(document):
        # A measure is shown as its quantity ('44-day' -> '44 days'): its number is in the text.
        number = re.match(r"\S*?\d[\d.,]*", figure.figure)
        assert figure.figure in figure.sentence.text or (
            number is not None and number.group(0) in figure.sentence.text)
    for quote in key_quotes(document):
        assert quote.text and quote.sentence in list(document.sentences())
    assert len(keywords(document)) <= 6


@pytest.mark.parametrize("symbol", figures._SYMBOLS)
def test_every_currency_symbol_is_found_late_in_a_sentence(symbol: str) -> None:
    # Each kind is looked for from a few characters before the first digit: the longest
    # symbol, and a space, must still be in reach.
    sentence = f"After a long and difficult winter the harbour board spent {symbol} 25 million."
    assert f"{symbol} 25 million" in _figures(_document([sentence]))


@pytest.mark.parametrize("month", figures._MONTHS)
def test_every_month_is_found_late_in_a_sentence(month: str) -> None:
    sentence = f"After a long and difficult winter the harbour reopened on {month} 2024."
    assert f"{month} 2024" in _figures(_document([sentence]))


_FIGURE_WORDS = st.sampled_from(
    [*figures._SYMBOLS, *figures._MONTHS, "million", "bn", "per cent", "%", "people", "killed",
     "to", "-", "–", "day", "year", "old", "the", "Euro", "dollars", ",", ".", ":", "/", " ",
     "1990s", "2020", "5", "12", "1,960", "4.5", "3,2", "300", "7", "0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIGURE_WORDS, min_size=1, max_size=30), st.sampled_from(["", " ", "  "]))
def test_searching_from_the_first_digit_finds_what_a_whole_scan_finds(
    words: list[str], glue: str
) -> None:
    sentence = glue.join(words)
    digit = re.search(r"\d", sentence)
    if digit is None:
        return
    for language in ("en", "de"):
        assert (list(figures._matches(sentence, language, digit.start()))
                == list(figures._matches(sentence, language, 0)))
