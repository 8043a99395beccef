"""brief.vectors: one tf-idf matrix of a corpus, rows unit length, similar pairs by cosine."""

from __future__ import annotations

import numpy as np
import pytest

from brief import segment, vectors
from brief.models import Corpus
from tests.conftest import article


def corpus() -> Corpus:
    return segment.corpus(
        [
            article("The harbour reopened on Monday after the storm.", "Ferries ran again."),
            article("The harbour reopened on Monday after a storm.", "Fleets stayed in."),
        ]
    )


def test_tfidf_rows_are_unit_length_and_one_per_sentence() -> None:
    c = corpus()
    matrix = vectors.tfidf(c)
    assert matrix.shape[0] == len(c.sentences)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1.0)


def test_similar_pairs_find_the_same_fact_across_outlets() -> None:
    c = corpus()
    pairs = vectors.similar_pairs(vectors.tfidf(c), 0.5)
    first = next(i for i, s in enumerate(c.sentences) if s.article == 0 and s.position == 0)
    second = next(i for i, s in enumerate(c.sentences) if s.article == 1 and s.position == 0)
    dense = pairs.toarray() if hasattr(pairs, "toarray") else np.asarray(pairs)
    assert dense[first, second] > 0.5


def test_similar_pairs_in_blocks_equal_the_full_product(monkeypatch: pytest.MonkeyPatch) -> None:
    from scipy import sparse

    rows = sparse.random(300, 60, density=0.08, random_state=3, format="csr")
    matrix = vectors._normalise(rows)
    full = (matrix @ matrix.T).toarray()
    np.fill_diagonal(full, 0.0)
    full[full < 0.3] = 0.0
    for entries in (1, 1000, 10**9):  # one row per block, a few rows, everything at once
        monkeypatch.setattr(vectors, "BLOCK_ENTRIES", entries)
        assert np.array_equal(vectors.similar_pairs(matrix, 0.3).toarray(), full)
