"""brief.daily.stories: copies merged, articles grouped into stories without a preset count."""

from __future__ import annotations

import random

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
