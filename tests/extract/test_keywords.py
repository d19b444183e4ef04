"""Keywords: names first, then frequent words; long runs of capitals are not names."""

from __future__ import annotations

import time

from exporter.extract import keywords
from exporter.extract.keywords import MAX_NAME_WORDS
from exporter.model import Document
from exporter.readers.build import RawBlock, build_document


def _document(paragraphs: list[str], language: str = "en") -> Document:
    return build_document([RawBlock("paragraph", p) for p in paragraphs], title="Test",
                          language=language)


SHOUT = "HARBOUR TOWN SUMMER FESTIVAL BOATS LIGHTS PARADE TICKETS SALE TONIGHT"


def test_a_shouted_line_is_not_a_name() -> None:
    document = _document([
        f"{SHOUT}. The mayor, Ana Ruiz, opened the festival at the ferry pier.",
        f"{SHOUT}. Ana Ruiz said the ferry pier would stay open late for the festival.",
    ])
    words = keywords(document, limit=6)
    assert words[0] == "Ana Ruiz"
    assert all(len(word.split()) <= MAX_NAME_WORDS for word in words)
    assert "festival" in words  # its words still count as words


def test_names_in_german_and_french() -> None:
    german = _document([
        "Bürgermeisterin Anna Weber eröffnete am Montag die neue Fähre in Hafenstadt.",
        "Die Fähre fährt ab Juni. Anna Weber sagte, Hafenstadt brauche die Fähre dringend.",
    ], "de")
    # German capitalises its nouns: a noun used often ranks with the names.
    assert keywords(german, limit=3) == ["Fähre", "Anna Weber", "Hafenstadt"]
    french = _document([
        "La maire Claire Dubois a inauguré lundi le nouveau ponton de Port-Joli.",
        "Selon Claire Dubois, le ponton de Port-Joli accueillera trois bateaux.",
    ], "fr")
    assert keywords(french, limit=2) == ["Claire Dubois", "Port-Joli"]


def test_a_title_case_book_of_capitals_is_read_in_linear_time() -> None:
    # 20,000 capitalised words in one run: counting every tail of it took seconds.
    document = _document(["Ana Ruiz met Tom Hale. Ana Ruiz and Tom Hale agreed.",
                          " ".join(["Harbour Ferry Pier Council"] * 5000)])
    started = time.process_time()
    words = keywords(document, limit=4)
    assert time.process_time() - started < 1.0
    assert words[:2] == ["Ana Ruiz", "Tom Hale"]
