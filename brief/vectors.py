"""Sparse text x term matrices and the similarities built on them (numpy / scipy).

Rows are sentences (a brief's corpus, built once and shared) or whole articles (the daily
grouping). tf-idf rows are L2-normalised, so a row product is a cosine. Nothing here builds a
dense rows x rows matrix: ``neighbours`` finds each row's nearest rows in time and memory that
grow with the number of rows times the size of their stories, not with its square.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from brief.models import Corpus


def vocabulary(corpus: Corpus) -> dict[str, int]:
    return _vocabulary([s.terms for s in corpus.sentences])


def _vocabulary(rows: Sequence[Sequence[str]]) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for terms in rows:
        for t in terms:
            vocab.setdefault(t, len(vocab))
    return vocab


def counts(corpus: Corpus) -> Any:
    """Raw term counts, sentences x terms (CSR)."""
    return _counts([s.terms for s in corpus.sentences])


def _counts(rows: Sequence[Sequence[str]]) -> Any:
    vocab = _vocabulary(rows)
    lengths = np.fromiter((len(terms) for terms in rows), dtype=np.int64, count=len(rows))
    cols = np.fromiter((vocab[t] for terms in rows for t in terms), dtype=np.int64)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    data = np.ones(len(cols), dtype=np.float64)
    matrix = sparse.csr_matrix((data, cols, indptr), shape=(len(rows), len(vocab)))
    matrix.sum_duplicates()
    return matrix


def tfidf(corpus: Corpus) -> Any:
    """Row-normalised tf-idf, idf over sentences (smoothed: log((1 + n) / (1 + df)) + 1)."""
    return weighted([s.terms for s in corpus.sentences])


def weighted(rows: Sequence[Sequence[str]], *, sublinear: bool = False) -> Any:
    """Row-normalised tf-idf of term lists (smoothed idf over the rows); with ``sublinear``,
    tf is 1 + log(count), so a word repeated through a long article does not outweigh the rest."""
    tf = _counts(rows)
    if sublinear:
        tf.data = 1.0 + np.log(tf.data)
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weighted = tf.multiply(idf).tocsr()
    return _normalise(weighted)


def _normalise(matrix: Any) -> Any:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def centroid_cosine(matrix: Any) -> Any:
    """Cosine of each row to the mean row."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(matrix.shape[0])
    return np.asarray(matrix @ (centroid / norm)).ravel()


# Entries of the sentence x sentence product computed at once (rows per block x sentences):
# the full product of 2,000 articles (about 60,000 sentences) held most pairs that share a
# common term, 6 GB; blocks of this many entries peak near 100 MB whatever the input size.
BLOCK_ENTRIES = 4_000_000


def similar_pairs(matrix: Any, threshold: float) -> Any:
    """Sparse sentence x sentence cosine, only entries >= threshold, diagonal dropped.

    Computed a block of rows at a time, each block cut to its entries >= threshold before the
    next, so memory grows with the pairs kept, not with the square of the sentences.
    """
    rows = matrix.tocsr()
    n = rows.shape[0]
    right = rows.T.tocsc()  # row-block @ this: scipy would convert rows.T once per block
    step = max(1, BLOCK_ENTRIES // max(n, 1))
    found_rows, found_cols, found_data = [], [], []
    for start in range(0, n, step):
        block = (rows[start : start + step] @ right).tocoo()
        keep = (block.data >= threshold) & (block.row + start != block.col)
        found_rows.append(block.row[keep] + start)
        found_cols.append(block.col[keep])
        found_data.append(block.data[keep])
    if not found_rows:
        return sparse.csr_matrix((n, n))
    data = (np.concatenate(found_data), (np.concatenate(found_rows), np.concatenate(found_cols)))
    return sparse.csr_matrix(data, shape=(n, n))


def article_support(corpus: Corpus, matrix: Any, threshold: float) -> Any:
    """For each sentence, how many other articles carry a sentence at cosine >= threshold."""
    sims = similar_pairs(matrix, threshold).tocoo()
    articles = np.array([s.article for s in corpus.sentences])
    pairs = {
        (int(i), int(articles[j]))
        for i, j in zip(sims.row, sims.col, strict=True)
        if articles[i] != articles[j]
    }
    support = np.zeros(len(corpus.sentences))
    for i, _ in pairs:
        support[i] += 1
    return support


# Each row's candidates come from its SIGNATURE heaviest terms only (names, places, the rare
# words of its event): two texts on one story share some of them, and a term's posting list is
# then about one story long, so the candidate search grows with rows x story size, not rows^2.
# 30 found every neighbour above 0.1 that the full product finds on the DUC 2004 and 2006
# articles (bench/scratch checks; 10 and 20 lost a few).
SIGNATURE = 30
# Rows a term brings as candidates: those where it weighs most. A term in more rows than this
# (a large story's names, a common word) still links each row to this many of them, enough for
# NEIGHBOURS; without the bound, candidates grow as rows x the term's rows (n^2 for a common
# word). 100 changed no DUC 2004 or 2006 grouping (bench/clustering.py).
POSTINGS = 100
# Candidates per neighbour kept, ranked by the product of their heaviest terms: 4 per neighbour
# gives the DUC 2004 and DUC 2006 groupings of all candidates (2 lost 0.005 ARI on DUC 2006),
# and bounds the exact cosines to rows x 4k.
CANDIDATES = 4
# Rows multiplied at once: bounds the memory of a block's candidate matrix.
BLOCK = 512
# Candidate pairs whose cosines are computed at once: bounds the memory of the row copies.
PAIRS = 20_000


def neighbours(matrix: Any, k: int) -> Any:
    """The ``k`` most similar other rows of each row of a row-normalised matrix: a symmetric
    sparse rows x rows cosine graph (an entry where either row has the other among its ``k``).

    Candidates share one of their SIGNATURE heaviest terms, among the POSTINGS rows where that
    term weighs most; their exact cosines are then computed on the full rows. Time and memory
    grow with rows x SIGNATURE x POSTINGS. Deterministic: ties are broken by row number.
    """
    matrix = sparse.csr_matrix(matrix)
    n = matrix.shape[0]
    heads = _heaviest(matrix, SIGNATURE)
    heads_t = _heaviest(heads.T.tocsr(), POSTINGS)  # each term's POSTINGS heaviest rows
    rows_out, cols_out, sims_out = [], [], []
    for start in range(0, n, BLOCK):
        block = heads[start : start + BLOCK] @ heads_t
        coo = block.tocoo()
        rows, cols = coo.row + start, coo.col
        keep = rows != cols
        rows, cols, _ = _top(rows[keep], cols[keep], coo.data[keep], CANDIDATES * k)
        # Exact cosines of the candidate pairs, on the full rows.
        sims = _cosines(matrix, rows, cols)
        rows, cols, sims = _top(rows, cols, sims, k)
        rows_out.append(rows)
        cols_out.append(cols)
        sims_out.append(sims)
    rows = np.concatenate([np.zeros(0, np.int64), *rows_out])
    cols = np.concatenate([np.zeros(0, np.int64), *cols_out])
    sims = np.concatenate([np.zeros(0), *sims_out])
    graph = sparse.csr_matrix((sims, (rows, cols)), shape=(n, n))
    return graph.maximum(graph.T).tocsr()


def _cosines(matrix: Any, rows: Any, cols: Any) -> Any:
    """Row-by-row products of the pairs (rows[i], cols[i]), PAIRS at a time."""
    out = [np.zeros(0)]
    for start in range(0, len(rows), PAIRS):
        a = matrix[rows[start : start + PAIRS]]
        b = matrix[cols[start : start + PAIRS]]
        out.append(np.asarray(a.multiply(b).sum(axis=1)).ravel())
    return np.concatenate(out)


def _heaviest(matrix: Any, m: int) -> Any:
    """``matrix`` with only the ``m`` largest entries of each row kept (ties: lower column)."""
    coo = matrix.tocoo()
    order = np.lexsort((coo.col, -coo.data, coo.row))
    row, col, data = coo.row[order], coo.col[order], coo.data[order]
    rank = np.arange(len(row)) - np.asarray(matrix.indptr)[row]
    keep = rank < m
    return sparse.csr_matrix((data[keep], (row[keep], col[keep])), shape=matrix.shape)


def _top(rows: Any, cols: Any, sims: Any, k: int) -> tuple[Any, Any, Any]:
    """Of pairs grouped by row, the ``k`` most similar of each row with a positive cosine."""
    order = np.lexsort((cols, -sims, rows))
    rows, cols, sims = rows[order], cols[order], sims[order]
    first = np.searchsorted(rows, rows, side="left")
    keep = (np.arange(len(rows)) - first < k) & (sims > 0)
    return rows[keep], cols[keep], sims[keep]
