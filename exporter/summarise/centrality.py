"""The default method: degree centrality, redundancy-aware, with page furniture set aside.

Three published ideas, each at its published or conventional setting, none
fitted to an evaluation set:

1. **Furniture removal.** Bylines, timestamps, picture credits and prompts
   (:mod:`exporter.summarise.furniture`) are ranked after every real
   sentence: they are not the story, and their repetition would make them look
   central.
2. **Degree centrality on the TextRank graph.** Sentences are nodes; the edge
   between two sentences weighs the content words they share divided by the
   sum of the logs of their lengths (Mihalcea & Tarau 2004, "TextRank:
   bringing order into texts", eq. 1; stop words removed, Snowball stems).
   A sentence's salience is the sum of its edge weights: the *degree
   centrality* of Erkan & Radev 2004 (JAIR 22, "LexRank", sec. 3.1), with
   continuous weights and no threshold, the variant that needs no
   hyperparameter. Unlike PageRank it does not divide a sentence's
   votes among its neighbours, so a sentence that shares much with many others,
   a fact-dense sentence, keeps its weight. On news this beats both TextRank's
   PageRank and LexRank (see ``benchmarks/eval.py``). Position-aware
   centrality (PACSUM, Zheng & Lapata 2019) was tried with its published
   CNN/DailyMail settings and lost to Lead-k and plain degree on the BBC set,
   whose summaries are not lead-biased; it is not used.
3. **Maximal marginal relevance** (Carbonell & Goldstein 1998, SIGIR): the
   sentences are ordered greedily by ``λ · salience - (1 - λ) · max cosine
   to the sentences already ordered``, with λ = 0.7, the customary setting
   that weights relevance over novelty. Salience is scaled to [0, 1] so the
   two terms are comparable; cosine is over content-word counts. The greedy
   order is computed lazily (a sentence's MMR score can only fall as the
   summary grows, so a heap of upper bounds is exact), which keeps it
   near-linear on a book.

Long documents use the same banded graph as the vectorised LexRank and
TextRank (:data:`~exporter.summarise.graph.EXACT_LIMIT`), so redundancy is
measured between sentences at most :data:`~exporter.summarise.graph.WINDOW`
places apart; exact and near-exact repeats anywhere are still caught by
:func:`~exporter.summarise.select.select`.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..model import Document, Sentence
from .furniture import is_furniture
from .graph import products, window_for
from .terms import term_matrix

MMR_LAMBDA = 0.7
"""Relevance weight of maximal marginal relevance (Carbonell & Goldstein 1998)."""


def centrality(document: Document, candidates: Sequence[Sentence]) -> list[int]:
    """Candidates ranked best first: salient, novel sentences, then page furniture."""
    furniture = [is_furniture(s.text) for s in candidates]
    story = [i for i, flag in enumerate(furniture) if not flag]
    rest = [i for i, flag in enumerate(furniture) if flag]
    if not story:
        return rest
    terms = term_matrix([candidates[i].text for i in story], document.language)
    window = window_for(len(story))
    shared = products(terms.counts, window).tocoo()
    salience = _degree(shared, terms.lengths)
    similarity = _cosine(shared, terms.counts)
    ranked = _mmr(salience, similarity, MMR_LAMBDA)
    return [story[i] for i in ranked] + rest


def _degree(shared: sparse.coo_matrix, lengths: np.ndarray) -> np.ndarray:
    """Sum of TextRank edge weights, self-loops excluded."""
    n = shared.shape[0]
    logs = np.log(np.maximum(lengths, 1.0))
    norm = logs[shared.row] + logs[shared.col]
    off_diagonal = (shared.row != shared.col) & (norm > 0)
    weight = np.zeros_like(shared.data)
    weight[off_diagonal] = shared.data[off_diagonal] / norm[off_diagonal]
    return np.bincount(shared.row, weights=weight, minlength=n)


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
