"""Vectorised LexRank and TextRank on sparse sentence graphs.

These reproduce sumy's LexRank and TextRank (sumy 0.13) step for step, the same
weights, the same power iteration, the same starting vector and stopping rule,
so that on the same tokens they rank sentences the same way, but with
``scipy.sparse`` products instead of Python loops over sentence pairs:

* LexRank (Erkan & Radev 2004, "LexRank: graph-based lexical centrality as
  salience in text summarization"): idf-modified cosine between
  ``tf / max tf`` x ``log(N / (1 + n_t))`` vectors, edges where the cosine
  exceeds 0.1, each row divided by its degree, power iteration normalised to
  unit length until the step is below 0.1 (sumy's defaults).
* TextRank (Mihalcea & Tarau 2004, "TextRank: bringing order into texts"):
  edge weight = shared words / (log |S_i| + log |S_j|), rows normalised,
  PageRank with damping 0.85 until the step is below 1e-4.

The default method's pieces live here too: :func:`degree` (degree centrality
on the TextRank graph), :func:`cosine` and :func:`mmr_order` (maximal marginal
relevance, computed lazily with a heap of upper bounds).

**The approximation for long documents.** An exact sentence graph has n^2
possible edges: fine for an article, not for a book. Above
:data:`EXACT_LIMIT` sentences only pairs at most :data:`WINDOW` sentences
apart are compared (a banded graph): cost and memory grow linearly with n, and
centrality becomes local centrality (a sentence is central if it echoes its
own chapter), which is what a long document's summary needs anyway.

**Memory.** The products ``M M^T`` are never held whole: they are computed a
block of :data:`_BLOCK` rows at a time (:func:`_blocks`). Degree centrality
only sums each block's rows; LexRank and TextRank keep just their final
transition matrix (LexRank only its edges). Each row's entries come in the same
order as in the whole product, so every sum is the same to the last bit.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

import numpy as np
from scipy import sparse

EXACT_LIMIT = 5000
"""Documents with more sentences than this use the banded graph."""
WINDOW = 100
"""In the banded graph, sentences at most this many places apart are compared."""
DENSE_LIMIT = 1000
"""Up to this many sentences the final matrix is dense and the arithmetic is sumy's
own, operation for operation, so that even scores tied in all but the last bit
order as they do in sumy; above it, sparse products (the same values up to
rounding)."""
_BLOCK = 512


def window_for(n: int) -> int | None:
    """``None`` (the exact graph) up to :data:`EXACT_LIMIT` sentences, else :data:`WINDOW`."""
    return None if n <= EXACT_LIMIT else WINDOW


def products(matrix: sparse.csr_matrix, window: int | None = None) -> sparse.csr_matrix:
    """Row-by-row dot products ``M M^T``: every pair, or pairs at most ``window`` apart."""
    matrix = sparse.csr_matrix(matrix)
    n = matrix.shape[0]
    if window is None or window >= n:
        result = (matrix @ matrix.T).tocsr()
        result.eliminate_zeros()
        return result
    pieces = [
        sparse.csr_matrix((values, (rows, columns)), shape=(rows_in_block, n))
        for _, rows_in_block, rows, columns, values in _blocks(matrix, window)
    ]
    return sparse.vstack(pieces, format="csr")


def _blocks(
    matrix: sparse.csr_matrix, window: int | None
) -> Iterator[tuple[int, int, np.ndarray, np.ndarray, np.ndarray]]:
    """``M M^T`` a block of rows at a time, nonzero entries only, never all at once.

    Yields ``(first row, rows in block, row in block, column, value)`` arrays.
    Each row's entries come in the order the whole product would store them
    (a sparse product computes each row on its own), so sums over a row are
    the same to the last bit as sums over the whole product's row.
    """
    matrix = sparse.csr_matrix(matrix)
    n = matrix.shape[0]
    exact = window is None or window >= n
    transposed = matrix.T.tocsr() if exact else None
    step = _BLOCK if exact else max(_BLOCK, window or 0)
    for start in range(0, n, step):
        stop = min(n, start + step)
        if transposed is not None:
            block = (matrix[start:stop] @ transposed).tocoo()
            keep = block.data != 0
            columns = block.col
        else:
            assert window is not None
            low, high = max(0, start - window), min(n, stop + window)
            block = (matrix[start:stop] @ matrix[low:high].T).tocoo()
            columns = block.col.astype(np.int64) + low
            near = np.abs(block.row.astype(np.int64) + start - columns) <= window
            keep = near & (block.data != 0)
            # Columns in order within each row (what the CSR conversion does), so
            # that row sums add in the same order as they always have.
            block = sparse.csr_matrix(
                (block.data[keep], (block.row[keep], columns[keep])), shape=(stop - start, n)
            ).tocoo()
            keep = slice(None)
            columns = block.col
        yield start, stop - start, block.row[keep], columns[keep], block.data[keep]


def _assemble(
    n: int, counts: list[np.ndarray], columns: list[np.ndarray], values: np.ndarray | None
) -> sparse.csr_matrix:
    """An n x n CSR matrix from blocks' per-row entry counts and their columns, in order."""
    per_row = np.concatenate(counts) if counts else np.zeros(0, np.int64)
    indptr = np.concatenate(([0], np.cumsum(per_row)))
    indices = np.concatenate(columns).astype(np.int32) if columns else np.zeros(0, np.int32)
    data = np.ones(indices.size) if values is None else values
    return sparse.csr_matrix((data, indices, indptr), shape=(n, n))


def order(scores: np.ndarray) -> list[int]:
    """Indices best first; equal scores keep document order (sumy's stable sort).

    Scores are compared exactly, as sumy compares them: sentences that are tied
    in theory often differ in the last bit, and sumy's order then follows those
    bits, which the same arithmetic here reproduces.
    """
    scores = np.nan_to_num(np.asarray(scores, dtype=np.float64))
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def lexrank_scores(
    counts: sparse.csr_matrix,
    *,
    threshold: float = 0.1,
    epsilon: float = 0.1,
    window: int | None = None,
) -> np.ndarray:
    """LexRank centrality of each row of a sentences x terms count matrix."""
    counts = sparse.csr_matrix(counts, dtype=np.float64)
    n = counts.shape[0]
    if n == 0:
        return np.zeros(0)
    row_max = counts.max(axis=1).toarray().ravel()
    row_max[row_max == 0] = 1.0
    tf = sparse.diags(1.0 / row_max) @ counts
    document_frequency = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log(n / (1.0 + document_frequency))
    weighted = (tf @ sparse.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    if n > DENSE_LIMIT:
        return _lexrank_sparse(weighted, norms, threshold, epsilon, window)
    dots = products(weighted, window)
    rows = _row_indices(dots)
    denominator = norms[rows] * norms[dots.indices]
    with np.errstate(divide="ignore", invalid="ignore"):
        edge = np.where(denominator > 0, dots.data / denominator, 0.0) > threshold
    del denominator
    degree = np.bincount(rows[edge], minlength=n).astype(np.float64)
    degree[degree == 0] = 1.0
    # sumy's own arithmetic, bit for bit: a dense matrix of 1.0 / degree.
    dense = np.zeros((n, n))
    dense[rows[edge], dots.indices[edge]] = 1.0
    dense /= degree[:, np.newaxis]
    return _power_normalised(dense.T, epsilon)


def _lexrank_sparse(
    weighted: sparse.csr_matrix,
    norms: np.ndarray,
    threshold: float,
    epsilon: float,
    window: int | None,
) -> np.ndarray:
    """LexRank's power iteration on a sparse transition matrix, built a block at a time.

    Only the edges (cosine above ``threshold``) are kept, never every product.
    """
    n = weighted.shape[0]
    counts: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    for start, size, rows, cols, dots in _blocks(weighted, window):
        denominator = norms[rows.astype(np.int64) + start] * norms[cols]
        with np.errstate(divide="ignore", invalid="ignore"):
            edge = np.where(denominator > 0, dots / denominator, 0.0) > threshold
        counts.append(np.bincount(rows[edge], minlength=size))
        columns.append(cols[edge].astype(np.int32))
    transition = _assemble(n, counts, columns, None)
    del counts, columns
    per_row = np.diff(transition.indptr)
    degree = per_row.astype(np.float64)
    degree[degree == 0] = 1.0
    # Rows of the transition matrix: each edge weighs 1 / its row's degree.
    transition.data = np.repeat(1.0 / degree, per_row)
    return _power_normalised(transition.T, epsilon)


def _row_indices(matrix: sparse.csr_matrix) -> np.ndarray:
    """The row of every stored entry of a CSR matrix."""
    return np.repeat(np.arange(matrix.shape[0], dtype=np.int32), np.diff(matrix.indptr))


def _power_normalised(transposed: sparse.spmatrix | np.ndarray, epsilon: float) -> np.ndarray:
    n = transposed.shape[0]
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        following = transposed @ p
        length = np.linalg.norm(following)
        if length == 0:
            return np.zeros(n)
        following /= length
        step = float(np.linalg.norm(following - p))
        p = following
    return p


def textrank_scores(
    counts: sparse.csr_matrix,
    lengths: np.ndarray,
    *,
    damping: float = 0.85,
    epsilon: float = 1e-4,
    window: int | None = None,
) -> np.ndarray:
    """TextRank centrality; ``lengths`` are content tokens per sentence, repeats included."""
    n = counts.shape[0]
    if n == 0:
        return np.zeros(0)
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    if n > DENSE_LIMIT:
        return _textrank_sparse(counts, logs, damping, epsilon, window)
    weights = products(sparse.csr_matrix(counts, dtype=np.float64), window)
    rows = _row_indices(weights)
    weights.data /= _textrank_norm(logs, rows, weights.indices)
    # sumy's own arithmetic, bit for bit (its row sums and matrix product).
    dense = weights.toarray()
    dense /= dense.sum(axis=1)[:, np.newaxis] + 1e-7
    matrix = np.full((n, n), (1.0 - damping) / n) + damping * dense
    return _power_plain(matrix.T, epsilon)


def _textrank_norm(logs: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """TextRank's edge denominators log |S_i| + log |S_j|."""
    norm = logs[rows] + logs[columns]
    norm[np.isclose(norm, 0.0)] = 1.0  # two one-word sentences: the weight is the shared count
    return norm


def _textrank_sparse(
    counts: sparse.csr_matrix,
    logs: np.ndarray,
    damping: float,
    epsilon: float,
    window: int | None,
) -> np.ndarray:
    """TextRank's PageRank on a sparse matrix of edge weights, built a block at a time."""
    n = counts.shape[0]
    per_row: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    matrix = sparse.csr_matrix(counts, dtype=np.float64)
    for start, size, rows, cols, shared in _blocks(matrix, window):
        weight = shared / _textrank_norm(logs, rows.astype(np.int64) + start, cols)
        entries = np.bincount(rows, minlength=size)
        # A row lies wholly inside one block, so it is normalised here, in place,
        # with the sparse row sum (pairwise summation, as on the whole matrix).
        block = sparse.csr_matrix(
            (weight, cols, np.concatenate(([0], np.cumsum(entries)))), shape=(size, n)
        )
        row_sums = np.asarray(block.sum(axis=1)).ravel() + 1e-7
        weight *= (damping / row_sums)[rows]
        values.append(weight)
        per_row.append(entries)
        columns.append(cols.astype(np.int32))
    del matrix
    data = np.concatenate(values) if values else np.zeros(0)
    del values
    weights = _assemble(n, per_row, columns, data)
    del per_row, columns, data
    transposed = weights.T  # a CSC view: no copy
    teleport = (1.0 - damping) / n
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > epsilon:
        following = transposed @ p + teleport * p.sum()
        step = float(np.linalg.norm(following - p))
        p = following
    return p


def _power_plain(transposed: np.ndarray, epsilon: float) -> np.ndarray:
    p = np.full(transposed.shape[0], 1.0 / transposed.shape[0])
    step = 1.0
    while step > epsilon:
        following = np.dot(transposed, p)
        step = float(np.linalg.norm(np.subtract(following, p)))
        p = following
    return p


def degree(counts: sparse.csr_matrix, lengths: np.ndarray, window: int | None = None) -> np.ndarray:
    """Degree centrality: each sentence's summed TextRank edge weights, self-loops excluded.

    ``counts`` is the sentences x terms count matrix, ``lengths`` the content
    tokens per sentence; only pairs at most ``window`` apart count when given.
    The graph is streamed a block of rows at a time: memory stays at one block.
    """
    n = counts.shape[0]
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    salience = np.zeros(n)
    for start, size, rows, columns, shared in _blocks(counts, window):
        sentence = rows.astype(np.int64) + start
        norm = logs[sentence] + logs[columns]
        norm[(sentence == columns) | (norm <= 0)] = np.inf  # weight 0
        salience[start : start + size] = np.bincount(rows, weights=shared / norm, minlength=size)
    return salience


def directed_degree(
    counts: sparse.csr_matrix, lengths: np.ndarray, window: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Degree split by direction: (weights to later sentences, weights to earlier ones).

    The TextRank edge weights of :func:`degree`, summed separately over the
    sentences after and before each one (PACSUM's two halves, Zheng & Lapata
    2019, "Sentence centrality revisited for unsupervised summarization").
    """
    n = counts.shape[0]
    logs = np.log(np.maximum(np.asarray(lengths, dtype=np.float64), 1.0))
    forward = np.zeros(n)
    backward = np.zeros(n)
    for start, size, rows, columns, shared in _blocks(counts, window):
        sentence = rows.astype(np.int64) + start
        norm = logs[sentence] + logs[columns]
        norm[(sentence == columns) | (norm <= 0)] = np.inf  # weight 0
        weight = shared / norm
        later = columns > sentence
        forward[start : start + size] = np.bincount(rows, weights=weight * later, minlength=size)
        backward[start : start + size] = np.bincount(rows, weights=weight * ~later, minlength=size)
    return forward, backward


def cosine(counts: sparse.csr_matrix, window: int | None = None) -> sparse.csr_matrix:
    """Cosine between rows of a count matrix (pairs at most ``window`` apart), no diagonal."""
    n = counts.shape[0]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    pieces = []
    for start, size, rows, columns, shared in _blocks(counts, window):
        denominator = norms[rows.astype(np.int64) + start] * norms[columns]
        keep = (rows.astype(np.int64) + start != columns) & (denominator > 0)
        values = shared[keep] / denominator[keep]
        pieces.append(sparse.csr_matrix((values, (rows[keep], columns[keep])), shape=(size, n)))
    if not pieces:
        return sparse.csr_matrix((0, n))
    return sparse.vstack(pieces, format="csr")


def mmr_order(salience: np.ndarray, similarity: sparse.csr_matrix, lam: float) -> list[int]:
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
