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

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..model import Document, Sentence
from .furniture import is_furniture
from .graph import order, products, window_for
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
    shared = products(terms.counts, window_for(len(story))).tocoo()
    salience = _degree(shared, terms.lengths)
    if mmr:
        ranked = _mmr(salience, _cosine(shared, terms.counts), MMR_LAMBDA)
    else:
        ranked = order(salience)
    return [story[i] for i in ranked] + rest


def _degree(shared: sparse.coo_matrix, lengths: np.ndarray) -> np.ndarray:
    """Sum of TextRank edge weights, self-loops excluded."""
    logs = np.log(np.maximum(lengths, 1.0))
    norm = logs[shared.row] + logs[shared.col]
    norm[(shared.row == shared.col) | (norm <= 0)] = np.inf  # weight 0
    return np.bincount(shared.row, weights=shared.data / norm, minlength=shared.shape[0])


def _cosine(shared: sparse.coo_matrix, counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Cosine between content-word count vectors, from the shared-count products."""
    n = shared.shape[0]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    denominator = norms[shared.row] * norms[shared.col]
    keep = (shared.row != shared.col) & (denominator > 0)
    values = shared.data[keep] / denominator[keep]
    return sparse.csr_matrix((values, (shared.row[keep], shared.col[keep])), shape=(n, n))


def _mmr(salience: np.ndarray, similarity: sparse.csr_matrix, lam: float) -> list[int]:
    """Every index in maximal-marginal-relevance order; ties go to the earlier sentence."""
    n = salience.shape[0]
    top = float(salience.max()) if n else 0.0
    relevance = salience / top if top > 0 else np.zeros(n)
    redundancy = np.zeros(n)
    # Heap of (-score upper bound, index); scores only fall, so a popped entry
    # whose bound is still current is the true maximum.
    heap = [(-lam * float(relevance[i]), i) for i in range(n)]
    heapq.heapify(heap)
    done = np.zeros(n, dtype=bool)
    ranked: list[int] = []
    indptr, indices, data = similarity.indptr, similarity.indices, similarity.data
    while heap:
        bound, i = heapq.heappop(heap)
        if done[i]:
            continue
        score = lam * relevance[i] - (1 - lam) * redundancy[i]
        if score < -bound - 1e-12:
            heapq.heappush(heap, (-score, i))
            continue
        done[i] = True
        ranked.append(i)
        row = slice(indptr[i], indptr[i + 1])
        neighbours = indices[row]
        redundancy[neighbours] = np.maximum(redundancy[neighbours], data[row])
    return ranked
