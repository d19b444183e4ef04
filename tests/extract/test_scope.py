"""How much the extractors read, and the rankings any number of findings is taken from."""

from __future__ import annotations

import time

from conftest import make_document

from exporter.extract import (
    key_figures,
    key_quotes,
    keywords,
    rank_figures,
    rank_quotes,
    ranked_keywords,
    scope,
)
from exporter.model import Document, Paragraph, Sentence

PARAGRAPHS = (
    "The council said 25 people were evacuated after the flood on Monday.",
    '"We will rebuild the harbour wall before winter," said Mayor Ana Ruiz.',
    "Repairs will cost £4.5 million, and 1,200 homes lost power.",
    '"Nobody expected the river to rise so fast," Ruiz said on Tuesday evening.',
    "Ana Ruiz said the council would publish its report in March.",
)


def test_any_limit_is_the_best_of_one_ranking_in_document_order() -> None:
    document = make_document(paragraphs=PARAGRAPHS)
    quotes, figures, words = rank_quotes(document), rank_figures(document), \
        ranked_keywords(document)
    assert len(quotes.best) >= 2 and len(figures.best) >= 3
    for limit in (1, 2, 3, 8, 20):
        assert quotes.top(limit) == key_quotes(document, limit)
        assert figures.top(limit) == key_figures(document, limit)
        assert list(words[:limit]) == keywords(document, limit)
        for found in (quotes.top(limit), figures.top(limit)):
            positions = [item.sentence.position for item in found]
            assert positions == sorted(positions)  # shown in document order
    assert quotes.top(0) == [] and figures.top(-1) == []
    assert keywords(document, 2)[0] == "Ana Ruiz"


def test_nothing_is_kept_between_calls() -> None:
    assert not hasattr(scope, "remembered") and not hasattr(scope, "_kept")
    document = make_document(paragraphs=PARAGRAPHS)
    first = key_quotes(document)
    first.clear()
    assert key_quotes(document)


def _long_document(paragraphs: int) -> Document:
    text = ('"We counted 40 boats in the harbour today," said Harbour Master Lena Ito. '
            "The 12 ferries carried 3,000 passengers.")
    blocks = tuple(
        Paragraph(tuple(Sentence(s + ".", number, i) for i, s in
                        enumerate(text.rstrip(".").split(". "))))
        for number in range(paragraphs)
    )
    return Document(title="A long log", blocks=blocks)


def test_only_the_opening_is_read() -> None:
    document = _long_document(30_000)  # about 3.3 million characters
    opening = scope.opening(document)
    assert 0 < len(opening.blocks) < len(document.blocks)
    assert sum(len(b.text) + 1 for b in opening.blocks[:-1]) <= scope.EXTRACT_CHARS
    assert scope.opening(document, None) is document
    started = time.perf_counter()
    quotes = key_quotes(document)
    figures = key_figures(document)
    words = keywords(document)
    assert time.perf_counter() - started < 3
    assert quotes and quotes[0].speaker == "Harbour Master Lena Ito"
    assert all(q.sentence.paragraph < len(opening.blocks) for q in quotes)
    assert {f.figure for f in figures} >= {"40 boats", "12 ferries"}
    assert "Lena Ito" in words
