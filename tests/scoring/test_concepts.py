"""The default method's objective (concept coverage) and its budgeted choice."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import ingest, pipeline, segment, select
from brief.models import Corpus
from brief.scoring import DEFAULT, METHODS, concepts
from tests.conftest import article

VOCABULARY = (
    "rebels army capital airport government talks minister court trial oil merger shares "
    "police fire hall storm harvest famine aid embassy bombing senate vote budget"
).split()
FILLER = "the of and in on a to for with by".split()


def corpus(*articles: list[str]) -> Corpus:
    """corpus(["First sentence.", "Second."], ["Other article."]): one list per article."""
    return segment.corpus([article(" ".join(sentences)) for sentences in articles])


def words_of(indices: tuple[int, ...], c: Corpus) -> int:
    return sum(select.word_count(c.sentences[i].text) for i in indices)


sentence_st = st.lists(st.sampled_from(VOCABULARY + FILLER), min_size=4, max_size=24).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
cluster_st = st.lists(st.lists(sentence_st, min_size=1, max_size=8), min_size=1, max_size=5)


@settings(max_examples=30, deadline=None)
@given(cluster=cluster_st, words=st.integers(1, 120))
def test_choose_is_a_subset_within_budget_without_duplicates(
    cluster: list[list[str]], words: int
) -> None:
    c = corpus(*cluster)
    picked = concepts.choose(c, words, None)
    assert len(set(picked)) == len(picked)
    assert all(0 <= i < len(c.sentences) for i in picked)
    assert words_of(picked, c) <= words
    assert sum(concepts.word_count(c.sentences[i]) for i in picked) <= words
    texts = [c.sentences[i].text for i in picked]
    assert len(set(texts)) == len(texts)
    ok = concepts.candidates(c)
    if not all(ok[i] for i in picked):  # only when no candidate fits: rate() ranks instead
        assert set(picked) == set(select.top(c, concepts.rate(c), words=words))


@settings(max_examples=25, deadline=None)
@given(cluster=cluster_st, count=st.integers(1, 6))
def test_choose_respects_a_sentence_budget_and_is_deterministic(
    cluster: list[list[str]], count: int
) -> None:
    c = corpus(*cluster)
    picked = concepts.choose(c, None, count)
    assert len(picked) <= count
    assert concepts.choose(c, None, count) == picked
    assert concepts.rate(c) == concepts.rate(c)


@settings(max_examples=25, deadline=None)
@given(cluster=cluster_st)
def test_rate_scores_every_sentence(cluster: list[list[str]]) -> None:
    c = corpus(*cluster)
    scores = concepts.rate(c)
    assert len(scores) == len(c.sentences)
    assert all(math.isfinite(x) and x >= 0 for x in scores)


def test_concepts_are_stemmed_bigrams_not_only_stop_words() -> None:
    (s,) = corpus(["The rebels attacked the airport."]).sentences
    found = concepts.concepts(s)
    assert ("rebel", "attack") in found
    assert ("the", "rebel") in found  # one stop word is fine
    assert all(not (a in {"the", "of"} and b in {"the", "of"}) for a, b in found)


def test_weights_count_articles_and_discount_late_mentions() -> None:
    lead = "Rebels seized the northern airport on Sunday after heavy fighting with troops."
    filler = "Officials met in the capital to discuss an unrelated budget for schools today."
    other = "Teachers asked the city council for more money to repair old classrooms."
    c = corpus([lead], [lead], [filler, other, lead])
    table = concepts.weights(c)
    # Three articles state it: two as their lead (1 each), one at position 2 (1 / sqrt(3)).
    assert math.isclose(table[("northern", "airport")], 2 + 3**-0.5)
    lone = corpus([lead], [filler], [filler], [filler], [filler], [filler], [filler])
    assert ("northern", "airport") not in concepts.weights(lone)  # 1 of 7 < isqrt(7) = 2


def test_choose_prefers_what_many_articles_report() -> None:
    shared = "Rebels seized the northern airport on Sunday after two days of heavy fighting."
    odd = "A local bakery in the old town introduced a new seasonal bread recipe this week."
    c = corpus([shared, odd], [shared.replace("Sunday", "Sunday morning")], [shared])
    picked = concepts.choose(c, 15, None)
    assert [c.sentences[i].text for i in picked] == [shared]


def test_unreadable_sentences_are_not_candidates() -> None:
    c = corpus(
        [
            "The rebels at the summit were led by Brig. Smith of the northern army, a paper said.",
            "“We will not go to the summit under these conditions,” he said on Friday night.",
            "He said the summit would go ahead without the two leaders on Monday next week.",
            "The summit of Pacific leaders opens in the Malaysian capital on Monday next week.",
        ]
    )
    texts = [s.text for s, ok in zip(c.sentences, concepts.candidates(c), strict=True) if ok]
    assert texts == [
        "The summit of Pacific leaders opens in the Malaysian capital on Monday next week."
    ]


def test_without_candidates_rate_ranks_what_there_is() -> None:
    c = corpus(["Rebels took the airport.", "They held it.", "Troops fled north."])
    assert not any(concepts.candidates(c))
    assert set(concepts.choose(c, 10, None)) == set(select.top(c, concepts.rate(c), words=10))
    assert concepts.choose(corpus(["Too short"]), 100, None) == ()


def test_greedy_fallback_respects_the_budget() -> None:
    c = corpus(
        ["Rebels seized the northern airport on Sunday after two days of heavy fighting nearby."],
        ["Rebels seized the northern airport on Sunday, a spokesman for the rebel army said."],
        ["Government troops retreated from the northern airport as rebels advanced on Sunday."],
    )
    table = concepts.weights(c)
    chosen = concepts._greedy(c, concepts._pool(c, table), table, 20, None)
    assert len(chosen) > 0 and words_of(tuple(chosen), c) <= 20


def test_default_method_chooses_through_pipeline_summarize() -> None:
    assert METHODS[DEFAULT].choose is not None
    c = corpus(
        ["Rebels seized the northern airport on Sunday after two days of heavy fighting nearby."],
        ["Rebels seized the northern airport on Sunday, a spokesman for the rebel army said."],
    )
    summary = pipeline.summarize(c, DEFAULT, words=40)
    assert summary and sum(select.word_count(s.text) for s in summary) <= 40


def test_summaries_of_wire_copy_carry_no_datelines(tmp_path: Path) -> None:
    story = (
        "{place} (AP) -- Rebels seized the northern airport on Sunday after two days of heavy\n"
        "fighting with government troops, a rebel spokesman said in the capital.\n"
        "The airport is the main supply route for the government army in the north.\n"
    )
    for i, place in enumerate(("KINSHASA, Congo", "GOMA, Congo", "NAIROBI, Kenya")):
        (tmp_path / f"{i}.txt").write_text(story.format(place=place), "utf-8")
    c = segment.corpus(ingest.read([str(tmp_path)]))
    summary = pipeline.summarize(c, DEFAULT, words=60)
    assert summary
    assert all(
        "(AP)" not in s.text and not s.text.startswith(("KINSHASA", "GOMA")) for s in summary
    )
    assert all(select.eligible(s) for s in summary)


def random_cluster(seed: int, articles: int = 8, per_article: int = 8) -> Corpus:
    """Sentences of 10-18 words drawn from the test vocabulary: many overlapping concepts."""
    rng = random.Random(seed)

    def sentence() -> str:
        words = [rng.choice(VOCABULARY + FILLER) for _ in range(rng.randint(10, 18))]
        return " ".join(words).capitalize() + "."

    return corpus(*[[sentence() for _ in range(per_article)] for _ in range(articles)])


def covered_weight(c: Corpus, picked: tuple[int, ...]) -> float:
    table = concepts.weights(c)
    found = {k for i in picked for k in concepts.concepts(c.sentences[i]) if k in table}
    return math.fsum(table[k] for k in found)  # exactly rounded: the same whatever the set's order


@pytest.mark.parametrize("limit", [0, 1])
def test_a_tiny_node_limit_gives_a_deterministic_fallback(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scipy.optimize

    c = random_cluster(seed=1)
    exact = concepts.choose(c, 100, None)
    statuses: list[int] = []
    solve = scipy.optimize.milp

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = solve(*args, **kwargs)
        statuses.append(result.status)
        return result

    monkeypatch.setattr(scipy.optimize, "milp", spy)
    monkeypatch.setattr(concepts, "NODE_LIMIT", limit)
    runs = {concepts.choose(c, 100, None) for _ in range(3)}
    assert statuses and all(status != 0 for status in statuses)  # the limit was reached
    (picked,) = runs  # the same answer every time: the limit counts nodes, not seconds
    assert words_of(picked, c) <= 100
    table = concepts.weights(c)
    greedy = tuple(concepts._greedy(c, concepts._pool(c, table), table, 100, None))
    assert covered_weight(c, picked) >= covered_weight(c, greedy)  # never worse than greedy
    assert covered_weight(c, picked) <= covered_weight(c, exact) + 1e-9
    if limit == 0:  # no solution from the solver at all: the greedy cover
        assert set(picked) == set(greedy)


def test_the_pool_keeps_the_best_candidates_by_weight_per_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = random_cluster(seed=3)
    table = concepts.weights(c)
    whole = concepts._pool(c, table)
    monkeypatch.setattr(concepts, "POOL_LIMIT", 5)
    kept = concepts._pool(c, table)
    assert len(whole) > 5 and len(kept) == 5
    assert [i for i, _ in kept] == sorted(i for i, _ in kept)

    def value(i: int) -> float:
        return covered_weight(c, (i,)) / concepts.word_count(c.sentences[i])

    worst_kept = min(value(i) for i, _ in kept)
    assert all(value(i) <= worst_kept for i, _ in whole if (i, _) not in kept)
    assert set(concepts.choose(c, 60, None)) <= {i for i, _ in kept}


def test_the_article_threshold_grows_with_the_square_root_of_the_cluster() -> None:
    assert [concepts.min_docs(n) for n in (1, 3, 4, 5, 9, 10, 25, 100)] == [1, 1, 2, 2, 3, 3, 5, 10]
