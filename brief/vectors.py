"""Sparse sentence x term matrices and the similarities built on them (numpy / scipy).

Built once per corpus and shared: tf-idf rows are L2-normalised, so a row product is a cosine.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from brief.models import Corpus


def vocabulary(corpus: Corpus) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for s in corpus.sentences:
        for t in s.terms:
            vocab.setdefault(t, len(vocab))
    return vocab


def counts(corpus: Corpus) -> Any:
    """Raw term counts, sentences x terms (CSR)."""
    vocab = vocabulary(corpus)
    rows, cols = [], []
    for i, s in enumerate(corpus.sentences):
        for t in s.terms:
            rows.append(i)
            cols.append(vocab[t])
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(corpus.sentences), len(vocab))
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    return matrix


def tfidf(corpus: Corpus) -> Any:
    """Row-normalised tf-idf, idf over sentences (smoothed: log((1 + n) / (1 + df)) + 1)."""
    tf = counts(corpus)
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weighted = tf.multiply(idf).tocsr()
    return _normalise(weighted)


def _normalise(matrix: Any) -> Any:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


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
