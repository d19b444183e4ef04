"""LexRank and TextRank as exporter methods: sumy's rankings, computed with sparse matrices.

On an article these rank exactly as sumy's own summarizers do given the same
tokens (``tests/summarise/test_fast.py`` checks it); above
:data:`~exporter.summarise.graph.EXACT_LIMIT` sentences they switch to the
banded graph described in :mod:`exporter.summarise.graph`. Stemming is
Snowball via ``snowballstemmer``, not NLTK's copy of the same algorithm, so
this path never imports NLTK.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Sentence
from .graph import lexrank_scores, order, textrank_scores, window_for
from .terms import Stemmer, term_matrix


def lexrank(
    document: Document, candidates: Sequence[Sentence], *, stem: Stemmer | None = None
) -> list[int]:
    """Candidates ranked by LexRank centrality (Erkan & Radev 2004), best first."""
    terms = term_matrix([s.text for s in candidates], document.language, stem=stem)
    window = window_for(len(candidates))
    return order(lexrank_scores(terms.counts, window=window))


def textrank(
    document: Document, candidates: Sequence[Sentence], *, stem: Stemmer | None = None
) -> list[int]:
    """Candidates ranked by TextRank centrality (Mihalcea & Tarau 2004), best first."""
    terms = term_matrix([s.text for s in candidates], document.language, stem=stem)
    window = window_for(len(candidates))
    return order(textrank_scores(terms.counts, terms.lengths, window=window))
