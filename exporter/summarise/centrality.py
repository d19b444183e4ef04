"""The default method: degree centrality on the TextRank graph, page furniture set aside.

Published ideas, each at its published setting, none fitted to an evaluation set:

1. **Furniture removal.** Bylines, timestamps, picture credits and prompts
   (:mod:`exporter.summarise.furniture`) are ranked after every real
   sentence: they are not the story, and their repetition would make them look
   central.
2. **The TextRank sentence graph.** Sentences are nodes; the edge between two
   sentences weighs the content words they share divided by the sum of the
   logs of their lengths (Mihalcea & Tarau 2004, "TextRank: bringing order
   into texts", sec. 4.1), with stop words removed and Snowball stems. Tokens
   that begin with a digit are not content words here: the word pattern cuts
   amounts into fragments ("$1.13bn" -> "1", "13bn"), and a shared "2" is
   coincidence, not shared meaning.
3. **Degree centrality** (Erkan & Radev 2004, JAIR 22, "LexRank", sec. 3.1):
   a sentence's salience is the sum of its edge weights, with continuous
   weights and no threshold, the variant with no hyperparameter. Unlike
   PageRank it does not split a sentence's votes among its neighbours, so a
   sentence that shares much with many others, a fact-dense sentence, keeps its
   weight. On the BBC set this beats TextRank's PageRank, LexRank, sumy's
   Reduction (which is this degree with digits counted) and Lead-k; see
   ``benchmarks/eval.py``.
4. **Redundancy control.** :func:`~exporter.summarise.select.select` never
   keeps two near-duplicates. The ``mmr`` method adds maximal marginal
   relevance (Carbonell & Goldstein 1998, SIGIR) on top, with λ = 0.7, the
   customary setting that weights relevance over novelty; it makes short
   summaries more varied but costs a little on long ones, so it is offered,
   not the default.

Position-aware centrality (PACSUM, Zheng & Lapata 2019) was tried on the same
graph with its reference code's default weighting (only edges to later
sentences count: λ1 = 0, λ2 = 1, β = 0) and with a negative backward weight
(λ1 = -2): it beat Lead-k but fell well below plain degree and TextRank on the
BBC set, whose reference summaries are not lead-biased, so it is not used.

Long documents use the same banded graph as the vectorised LexRank and
TextRank (:data:`~exporter.summarise.graph.EXACT_LIMIT`): salience and
redundancy are measured between sentences at most
:data:`~exporter.summarise.graph.WINDOW` places apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Sentence
from .furniture import is_furniture
from .graph import cosine, degree, mmr_order, order, window_for
from .terms import term_matrix

MMR_LAMBDA = 0.7
"""Relevance weight of maximal marginal relevance (Carbonell & Goldstein 1998)."""


def centrality(document: Document, candidates: Sequence[Sentence]) -> list[int]:
    """Candidates ranked best first by degree centrality, page furniture last."""
    return _rank(document, candidates, mmr=False)


def mmr(document: Document, candidates: Sequence[Sentence]) -> list[int]:
    """Degree centrality re-ordered by maximal marginal relevance, page furniture last."""
    return _rank(document, candidates, mmr=True)


def _rank(document: Document, candidates: Sequence[Sentence], *, mmr: bool) -> list[int]:
    furniture = [is_furniture(s.text) for s in candidates]
    story = [i for i, flag in enumerate(furniture) if not flag]
    rest = [i for i, flag in enumerate(furniture) if flag]
    if not story:
        return rest
    terms = term_matrix([candidates[i].text for i in story], document.language, numbers=False)
    window = window_for(len(story))
    salience = degree(terms.counts, terms.lengths, window)
    if mmr:
        ranked = mmr_order(salience, cosine(terms.counts, window), MMR_LAMBDA)
    else:
        ranked = order(salience)
    return [story[i] for i in ranked] + rest
