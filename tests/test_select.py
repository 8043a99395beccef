from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brief import ingest, segment, select
from brief import scoring as score
from brief.models import Corpus
from tests.conftest import SEEDS, article

VOCAB = [
    "China",
    "Micron",
    "chips",
    "ban",
    "review",
    "shares",
    "rose",
    "Beijing",
    "Washington",
    "security",
    "market",
    "Monday",
    "officials",
    "said",
    "the",
    "of",
    "export",
    "curbs",
]

sentence = st.lists(st.sampled_from(VOCAB), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
articles = st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=1, max_size=4)


def corpus_of(bodies: list[list[str]]) -> Corpus:
    return segment.corpus([article(" ".join(b)) for b in bodies])


@settings(max_examples=40, deadline=None)
@given(articles, st.integers(1, 120), st.integers(1, 6))
def test_top_is_a_budgeted_redundancy_free_subset(
    bodies: list[list[str]], words: int, count: int
) -> None:
    corpus = corpus_of(bodies)
    scores = score.rate(corpus)
    chosen = select.top(corpus, scores, words=words, sentences=count)
    assert len(set(chosen)) == len(chosen) <= count
    assert all(0 <= i < len(corpus.sentences) for i in chosen)
    assert sum(select.word_count(corpus.sentences[i].text) for i in chosen) <= words
    for k, i in enumerate(chosen):
        for j in chosen[k + 1 :]:
            assert not select.redundant(corpus.sentences[i], corpus.sentences[j])
    assert select.top(corpus, scores, words=words, sentences=count) == chosen


@settings(max_examples=30, deadline=None)
@given(articles)
def test_groups_partition_eligible_sentences_across_articles(bodies: list[list[str]]) -> None:
    corpus = corpus_of(bodies)
    groups = select.groups(corpus, score.rate(corpus))
    members = [m for g in groups for m in g.members]
    assert len(members) == len(set(members))
    for g in groups:
        outlets = [corpus.sentences[m].article for m in g.members]
        assert len(outlets) == len(set(outlets))  # one sentence per outlet in a fact


def test_selection_is_stable_when_articles_come_in_another_order() -> None:
    arts = ingest.read([str(SEEDS)])
    forward = segment.corpus(arts)
    backward = segment.corpus(arts[::-1])

    def picked(c: Corpus) -> set[str]:
        return {c.sentences[i].text for i in select.top(c, score.rate(c), sentences=6)}

    assert picked(forward) == picked(backward)


def test_wire_copy_carried_by_two_outlets_is_one_fact() -> None:
    wire = "Chinese regulators said Micron failed a network security review on Sunday."
    corpus = segment.corpus(
        [
            article(wire, "Shares of rivals rose in Seoul on Monday morning trading."),
            article("Markets in Europe were calm on the news from Asia today.", wire),
        ]
    )
    groups = select.groups(corpus, score.rate(corpus))
    (fact,) = [g for g in groups if corpus.sentences[g.members[0]].text == wire]
    assert {corpus.sentences[m].article for m in fact.members} == {0, 1}
