"""LexRank, TextRank and Reduction over sparse sentence graphs: no n x n matrix, no pair loop.

LexRank keeps only pairs above its cosine threshold, found block by block from the sparse
product of the tf-idf matrix with itself. TextRank and Reduction weight every pair that shares a
word by overlap / (log len_i + log len_j); sentence lengths take few values, so a product with
that matrix is a handful of sparse products, one per length (``_overlap_product``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from brief.scoring.fast.prep import Prepared, collapse_last, collapse_sum

# sumy's LexRankSummarizer constants: cosine threshold for an edge, and the power method's stop
# (an L2 step under 0.1: two or three iterations, far from converged).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
# lexrank-converged: Erkan & Radev's damped LexRank (jump probability 0.15, as in the paper),
# iterated until the L1 change is below 1e-10 (at most 1000 steps: converges in well under 200).
LEXRANK_DAMPING = 0.85
CONVERGED_TOLERANCE = 1e-10
CONVERGED_MAX_STEPS = 1000
# Rows per block of the sparse similarity product: bounds the memory of one block's candidates.
BLOCK_ROWS = 1024
# sumy's TextRankSummarizer constants.
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
TEXTRANK_ZERO_DIVISION = 1e-7


def _tfidf(p: Prepared) -> tuple[Any, Any]:
    """sumy LexRank's weights (count / max count) x log(n / (1 + df)), and their row norms."""
    counts = p.counts
    rows = np.repeat(np.arange(p.n), np.diff(counts.indptr))
    row_max = np.zeros(p.n)
    np.maximum.at(row_max, rows, counts.data)
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log(p.n / (1.0 + df))
    data = counts.data / row_max[rows] * idf[counts.indices]
    weights = sparse.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=p.n))
    return weights, norms


def distinct_rows(matrix: Any) -> tuple[Any, Any]:
    """Rows of a CSR matrix with the same entries share one index: (first row of each, inverse)."""
    index: dict[bytes, int] = {}
    first: list[int] = []
    inverse = np.empty(matrix.shape[0], dtype=np.int64)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for i in range(matrix.shape[0]):
        a, b = indptr[i], indptr[i + 1]
        key = indices[a:b].tobytes() + data[a:b].tobytes()
        inverse[i] = index.setdefault(key, len(index))
        if inverse[i] == len(first):
            first.append(i)
    return np.asarray(first, dtype=np.int64), inverse


def lexrank_graph(p: Prepared, threshold: float = LEXRANK_THRESHOLD) -> tuple[Any, Any, Any]:
    """Binary CSR adjacency between distinct tf-idf rows whose cosine is above ``threshold``
    (self included), each row's index among them, and how many sentences share each.

    Wire copies carried by several outlets are one row here: their edges are the same, and the
    walk below weights them by their count, which gives sumy's result on the full graph.
    """
    weights, norms = _tfidf(p)
    rows, inverse = distinct_rows(p.counts)
    weights, norms = weights[rows], norms[rows]
    count = np.bincount(inverse, minlength=len(rows)).astype(np.float64)
    transposed = weights.T.tocsr()
    safe = np.where(norms > 0, norms, 1.0)
    found_rows: list[Any] = [np.zeros(0, dtype=np.int64)]
    found_cols: list[Any] = [np.zeros(0, dtype=np.int64)]
    for start in range(0, len(rows), BLOCK_ROWS):
        block = (weights[start : start + BLOCK_ROWS] @ transposed).tocoo()
        cosine = block.data / (safe[block.row + start] * safe[block.col])
        keep = cosine > threshold
        found_rows.append(block.row[keep] + start)
        found_cols.append(block.col[keep])
    r, c = np.concatenate(found_rows), np.concatenate(found_cols)
    graph = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows), len(rows)))
    return graph, inverse, count


def lexrank(p: Prepared) -> Any:
    """sumy's LexRank: L2-normalised power steps on the degree-normalised graph until a step
    moves less than 0.1. Sentences with no terms (or an empty graph) rate 0, where sumy gives NaN.
    """
    graph, inverse, count = lexrank_graph(p)
    degrees = graph @ count
    degrees[degrees == 0] = 1.0
    transposed = graph.T.tocsr()
    scores = np.full(len(count), 1.0 / p.n)
    step = 1.0
    while step > LEXRANK_EPSILON:
        following = transposed @ (count * scores / degrees)
        norm = np.sqrt(count @ (following * following))
        if norm == 0:
            return np.zeros(p.n)
        following /= norm
        step = float(np.sqrt(count @ ((following - scores) ** 2)))
        scores = following
    return scores[inverse]


def lexrank_converged(p: Prepared) -> Any:
    """LexRank as Erkan & Radev define it: damped random walk on the same graph, to convergence."""
    graph, inverse, count = lexrank_graph(p)
    degrees = graph @ count
    dangling = degrees == 0
    degrees[dangling] = 1.0
    transposed = graph.T.tocsr()
    scores = np.full(len(count), 1.0 / p.n)
    for _ in range(CONVERGED_MAX_STEPS):
        walk = transposed @ (count * scores / degrees) + (count * scores)[dangling].sum() / p.n
        following = (1.0 - LEXRANK_DAMPING) / p.n + LEXRANK_DAMPING * walk
        if count @ np.abs(following - scores) < CONVERGED_TOLERANCE:
            return following[inverse]
        scores = following
    return scores[inverse]


def _overlap_product(p: Prepared, x: Any, zero_norm: float) -> Any:
    """W @ x for W[i, j] = (c_i . c_j) / (log len_i + log len_j) over term counts c.

    Where both lengths are 1 the log sum is 0: W is then ``zero_norm`` x the overlap (TextRank
    keeps the overlap, Reduction drops it). Rows with no terms are 0.
    """
    counts = p.counts
    lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
    values, group = np.unique(lengths, return_inverse=True)
    spread = sparse.csr_matrix((x, (np.arange(p.n), group)), shape=(p.n, len(values)))
    per_group = counts @ (counts.T @ spread).toarray()  # n x groups: overlap with each group
    with np.errstate(divide="ignore"):
        logs = np.log(values.astype(np.float64))
    norm = logs[group][:, None] + logs[None, :]
    factor = np.zeros_like(norm)
    np.divide(1.0, norm, out=factor, where=norm != 0)
    factor[norm == 0] = zero_norm
    factor[lengths == 0, :] = 0.0
    factor[:, values == 0] = 0.0
    return np.asarray((per_group * factor).sum(axis=1)).ravel()


def textrank(p: Prepared) -> Any:
    """sumy's TextRank: PageRank (damping 0.85) on the row-normalised overlap graph."""
    row_sums = _overlap_product(p, np.ones(p.n), 1.0) + TEXTRANK_ZERO_DIVISION
    scores = np.full(p.n, 1.0 / p.n)
    step = 1.0
    while step > TEXTRANK_EPSILON:
        walk = _overlap_product(p, scores / row_sums, 1.0)  # W is symmetric
        following = (1.0 - TEXTRANK_DAMPING) / p.n * scores.sum() + TEXTRANK_DAMPING * walk
        step = float(np.linalg.norm(following - scores))
        scores = following
    return collapse_last(scores, p.keys) if p.duplicates else scores


def reduction(p: Prepared) -> Any:
    """sumy's Reduction: each sentence's summed overlap weight to every other sentence."""
    counts = p.counts
    totals = _overlap_product(p, np.ones(p.n), 0.0)
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    self_overlap = np.asarray(counts.multiply(counts).sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        self_weight = np.where(lengths > 1, self_overlap / (2.0 * np.log(lengths)), 0.0)
    ratings = totals - self_weight
    return collapse_sum(ratings, p.keys) if p.duplicates else ratings
