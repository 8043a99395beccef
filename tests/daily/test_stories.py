"""brief.daily.stories: copies merged, articles grouped into stories without a preset count."""

from __future__ import annotations

import random
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.daily import stories
from brief.models import Article

STORM = [
    "Storm Ellis cut power to 40,000 homes on the northern coast as gusts reached 120 km/h.",
    "The ports of Port Ellis and Marrow Bay closed as Storm Ellis battered the coast with gales.",
    "Gales from Storm Ellis brought down power lines; the Marrow Bay and Port Ellis ports shut.",
]
TRAM = [
    "Riverside council approved a $210 million tram extension to the hospital by 31 votes to 12.",
    "Councillors voted 31 to 12 for the Riverside tram line to the hospital, costing $210 million.",
    "The tram extension to Riverside hospital won council approval; eight stops, six kilometres.",
]
CUP = [
    "Riverside Rovers won the regional cup on penalties, goalkeeper Ada Lindqvist saving two.",
    "Ada Lindqvist saved two penalties as Rovers beat Marrow Bay United in the cup shoot-out.",
]


def art(text: str, outlet: str, n: int = 0) -> Article:
    return Article(text=text, outlet=outlet, url=f"http://127.0.0.1/{outlet}/{n}")


def pile() -> list[Article]:
    outlets = ["gazette", "courier", "times"]
    return [
        art(t, outlets[i], k)
        for k, group in enumerate((STORM, TRAM, CUP))
        for i, t in enumerate(group)
    ]


def test_articles_on_one_story_go_together() -> None:
    found = stories.stories(pile())
    assert [[a.text for a in s.articles] for s in found] == [STORM, TRAM, CUP]
    assert [s.outlets for s in found] == [
        ("gazette", "courier", "times"),
        ("gazette", "courier", "times"),
        ("gazette", "courier"),
    ]


def test_a_syndicated_copy_is_merged_and_its_outlet_counts() -> None:
    original = art(TRAM[0] + " " + STORM[0] + " The works start next spring.", "gazette")
    copy = art(TRAM[0] + " " + STORM[0], "courier", 1)
    for pair in ([original, copy], [copy, original]):
        (story,) = stories.stories(pair)
        assert story.articles == (original,) and story.copies == (copy,)
        assert story.outlets == ("gazette", "courier")


def test_an_article_without_an_outlet_counts_as_its_own() -> None:
    found = stories.stories([Article(text=STORM[0], path="a.txt"), Article(text=STORM[1])])
    assert [s.outlets for s in found] == [("a.txt", "article 2")]


def test_no_articles_no_stories_and_one_article_one_story() -> None:
    assert stories.stories([]) == ()
    assert stories.cluster([art(STORM[0], "x")]) == (0,)


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(rng: random.Random) -> None:
    articles = pile()
    shuffled = articles[:]
    rng.shuffle(shuffled)
    partition = {frozenset(a.text for a in s.articles) for s in stories.stories(articles)}
    assert {frozenset(a.text for a in s.articles) for s in stories.stories(shuffled)} == partition


def test_the_similarity_graph_keeps_each_articles_nearest_neighbours() -> None:
    from brief import vectors

    rows = [("storm", "ellis", "power"), ("storm", "ellis", "port"), ("tram", "council")]
    matrix = vectors.weighted(rows, sublinear=True)
    graph = vectors.neighbours(matrix, 1).toarray()
    dense = (matrix @ matrix.T).toarray()
    assert graph[0, 1] == graph[1, 0] == dense[0, 1] > 0
    assert graph[2].sum() == 0  # shares no term with the others: no edge
    assert (graph == graph.T).all() and not graph.diagonal().any()


LEADERSHIP = [
    "Harbour party members elected Mara Quint leader in a ballot after Tom Vell stood down.",
    "Mara Quint won the Harbour party leadership ballot; members elected her to succeed Vell.",
    "Members of the Harbour party elected Mara Quint as leader in Monday's leadership ballot.",
]
RESIGNATION = [
    "Mara Quint resigned as Harbour party leader over an expenses scandal, weeks after winning.",
    "Harbour party leader Mara Quint resigned, weeks after her election, amid an expenses row.",
    "An expenses scandal forced Mara Quint to resign as Harbour party leader after weeks.",
]


def dated(texts: list[str], days: list[str]) -> list[Article]:
    return [
        Article(text=t, outlet=f"outlet {i}", published=day)
        for i, (t, day) in enumerate(zip(texts, days, strict=True))
    ]


def test_two_bursts_weeks_apart_are_two_stories_though_they_read_alike() -> None:
    first = dated(LEADERSHIP, ["2026-03-02", "2026-03-02", "2026-03-03"])
    later = dated(RESIGNATION, ["2026-04-20", "2026-04-20", "2026-04-21"])
    assert len(set(stories.cluster(first + later, gap=None))) == 1  # alike enough to merge
    assert stories.cluster(first + later) == (0, 0, 0, 1, 1, 1)


def test_a_story_followed_for_weeks_is_not_split_by_its_dates() -> None:
    days = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"]
    assert stories.cluster(dated(LEADERSHIP + RESIGNATION, days)) == (0,) * 6
    same_day = dated(LEADERSHIP + RESIGNATION, ["2026-03-02"] * 6)
    assert stories.cluster(same_day) == (0,) * 6


@given(st.lists(st.integers(-50, 50), min_size=1, max_size=30))
def test_the_median_of_counted_values_is_the_median(values: list[int]) -> None:
    counts: dict[float, int] = {}
    for v in values:
        counts[float(v)] = counts.get(float(v), 0) + 1
    assert stories._median(counts) == statistics.median(values)
