"""Luhn, Edmundson, LSA and Random: per-token arithmetic on the shared token stream.

sumy's LSA keeps every singular value, and then a sentence's rank sqrt(sum_i s_i^2 v_ij^2) is
just the norm of its column of the term x sentence matrix: ``lsa`` computes that norm directly
(no SVD), which is what sumy returns up to rounding. Because sumy's smoothing turns every zero
cell into 0.4, that norm mostly counts a sentence's distinct words: ``lsa_topics`` is the
method as Steinberger & Jezek (2004) describe it, on a few leading topics of the sparse matrix.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
from scipy import sparse

from brief import segment
from brief.scoring.fast.prep import Prepared, collapse_last, matrix
from brief.scoring.oracle import BONUS_WORDS, RANDOM_SEED, STIGMA_WORDS

# sumy's LuhnSummarizer: a chunk of significant words ends after 4 insignificant ones.
LUHN_MAX_GAP = 4
# sumy's LsaSummarizer._compute_term_frequency: tf = SMOOTH + (1 - SMOOTH) * count / max count.
LSA_SMOOTH = 0.4
# lsa-topics: leading singular triplets computed, and the share of the largest singular value a
# topic needs to count (Steinberger & Jezek 2004 keep dimensions over half the largest).
LSA_TOPICS = 10
LSA_TOPIC_SHARE = 0.5


def luhn(p: Prepared) -> Any:
    """sumy's Luhn: best chunk of significant words, (significant words)^2 / chunk length."""
    nonstop = np.concatenate([p.stem[~p.stop], p.heading_stems[~p.heading_stop]])
    significant = np.bincount(nonstop, minlength=len(p.stems)) > 1
    index = np.flatnonzero(significant[p.stem])
    ratings = np.zeros(p.n)
    if not len(index):
        return ratings
    owner = p.sentence[index]
    position = index - p.offsets[owner]
    opens = np.ones(len(index), dtype=bool)
    opens[1:] = (owner[1:] != owner[:-1]) | (np.diff(position) - 1 >= LUHN_MAX_GAP)
    starts = np.flatnonzero(opens)
    ends = np.append(starts[1:], len(index)) - 1
    words = (ends - starts + 1).astype(np.float64)
    length = (position[ends] - position[starts] + 1).astype(np.float64)
    chunk = np.where(words == 1, 0.0, words * words / length)
    np.maximum.at(ratings, owner[starts], chunk)
    return ratings


def edmundson(p: Prepared) -> Any:
    """sumy's Edmundson with its default weights: cue + title + location."""
    cue = _count(p, p.stem_ids(BONUS_WORDS)) - _count(p, p.stem_ids(STIGMA_WORDS))
    null = p.stem_ids(tuple(segment.stop_words()))
    title = _count(p, frozenset(p.heading_stems.tolist()) - null)
    paragraph = (p.paragraph == 0) | (p.paragraph == p.paragraph[-1])
    sentence = p.first_in_paragraph | p.last_in_paragraph
    ratings = cue + 2.0 * title + paragraph + sentence
    return collapse_last(ratings, p.keys) if p.duplicates else ratings


def _count(p: Prepared, stems: frozenset[int]) -> Any:
    """Per sentence, how many of its words (any word, stop words too) stem into ``stems``."""
    hit = np.isin(p.stem, np.fromiter(stems, dtype=np.int64, count=len(stems)))
    return np.bincount(p.sentence, weights=hit.astype(np.float64), minlength=p.n)


def _lsa_matrix(p: Prepared) -> tuple[Any, int]:
    """sumy's LSA term weights at the cells where a word occurs (sentences x dictionary)."""
    nonstop = np.concatenate([p.stem[~p.stop], p.heading_stems[~p.heading_stop]])
    dictionary = np.zeros(len(p.stems), dtype=bool)
    dictionary[nonstop] = True
    counts = matrix(p.sentence, p.stem, dictionary[p.stem], p.n, len(p.stems))
    rows = np.repeat(np.arange(p.n), np.diff(counts.indptr))
    row_max = np.zeros(p.n)
    np.maximum.at(row_max, rows, counts.data)
    counts.data = LSA_SMOOTH + (1.0 - LSA_SMOOTH) * (counts.data / row_max[rows])
    return counts, int(dictionary.sum())


def lsa(p: Prepared) -> Any:
    """sumy's LSA: the norm of each sentence's column, every absent dictionary word at 0.4."""
    weights, size = _lsa_matrix(p)
    present = np.diff(weights.indptr)
    squares = np.asarray(weights.multiply(weights).sum(axis=1)).ravel()
    total = squares + (size - present) * LSA_SMOOTH**2
    return np.where(present > 0, np.sqrt(total), 0.0)


def lsa_topics(p: Prepared) -> Any:
    """LSA on the sparse matrix (absent words 0): topics over half the top singular value."""
    weights, _ = _lsa_matrix(p)
    if weights.nnz == 0:
        return np.zeros(p.n)
    sigma, vectors = _leading_svd(weights)
    keep = sigma >= LSA_TOPIC_SHARE * sigma.max()
    return np.sqrt(((sigma[keep, None] * vectors[keep]) ** 2).sum(axis=0))


def _leading_svd(weights: Any) -> tuple[Any, Any]:
    """Leading singular values and sentence vectors (topics x sentences) of sentences x terms."""
    small = min(weights.shape)
    if small <= LSA_TOPICS + 1:
        _, sigma, vt = np.linalg.svd(weights.T.toarray(), full_matrices=False)
        return sigma, vt
    from scipy.sparse.linalg import svds

    start = np.full(small, 1.0 / np.sqrt(small))  # a fixed start: the same result every run
    u, sigma, _ = svds(sparse.csr_matrix(weights), k=LSA_TOPICS, v0=start, solver="arpack")
    return sigma, u.T


def random_(p: Prepared) -> Any:
    """sumy's Random: a shuffle of 0..n-1 by the adapter's seed (Python's random module)."""
    return shuffle(p.keys)


def shuffle(keys: tuple[str, ...]) -> Any:
    """sumy's Random for sentences hashed by ``keys``: needs no term matrix."""
    order = list(range(len(keys)))
    random.Random(RANDOM_SEED).shuffle(order)
    ratings = np.asarray(order, dtype=np.float64)
    return collapse_last(ratings, keys) if len(set(keys)) < len(keys) else ratings
