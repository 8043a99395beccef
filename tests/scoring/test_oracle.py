"""The adapter against sumy itself: same document, same picks as sumy's own __call__."""

from __future__ import annotations

import pytest

from brief import ingest, segment
from brief.scoring import SUMY_SUMMARIES
from brief.scoring import oracle as sumy_adapter
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def corpus() -> segment.Corpus:
    return segment.corpus(ingest.read([str(SEEDS)]))


@pytest.mark.parametrize("name", sorted(set(SUMY_SUMMARIES) - {"random"}))
def test_ratings_reproduce_sumys_own_choice(corpus: segment.Corpus, name: str) -> None:
    ratings = sumy_adapter.rate(name, corpus)
    assert len(ratings) == len(corpus.sentences)
    doc = sumy_adapter.document(corpus)
    picked = {str(s) for s in sumy_adapter.summarizer(name)(doc, 5)}
    # sumy sorts by rating (stable), takes 5, and keeps document order.
    best = sorted(range(len(ratings)), key=lambda i: -ratings[i])[:5]
    assert {corpus.sentences[i].text for i in best} == picked


def test_random_is_seeded(corpus: segment.Corpus) -> None:
    assert sumy_adapter.rate("random", corpus) == sumy_adapter.rate("random", corpus)
