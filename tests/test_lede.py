"""The lede (newest articles, named subject, latest figures) and the headline, on made-up copy."""

from __future__ import annotations

import pytest

from brief import config, lede, pipeline
from brief.models import Article

OLD = (
    "Hurricane Lina hit the northern coast on Monday, killing at least 12 people in three towns.",
    "Power lines were down across the region and roads were closed by floods.",
    "The storm was the strongest to reach the coast in a decade, forecasters said.",
)
NEW = (
    "Hurricane Lina killed at least 40 people on the northern coast, officials said on "
    "Wednesday after rescuers reached the flooded towns.",
    "Rescuers found most of the victims in the three towns hit hardest by the floods.",
    "Power lines were still down across much of the region on Wednesday, the utility said.",
)


def build(*articles: Article, length: str = "standard") -> object:
    return pipeline.brief(articles, config.Settings(length=length), "2026-11-21")


def lede_text(made: object) -> list[str]:
    return [i.text for i in made.sections[0].items]  # type: ignore[attr-defined]


def test_the_lede_comes_from_the_newest_article_with_the_latest_figure() -> None:
    made = build(
        Article(text="\n\n".join(OLD), published="2026-11-16", title="Storm hits coast"),
        Article(text="\n\n".join(NEW), published="2026-11-18"),
    )
    assert lede_text(made)[0] == NEW[0]
    told = [s for s in made.sections if s.key != "differ"]  # type: ignore[attr-defined]
    shown = [i.text for s in told for i in s.items]
    assert OLD[0] not in shown  # the older count of the dead is not shown beside the newer
    (differ,) = [s for s in made.sections if s.key == "differ"]  # type: ignore[attr-defined]
    assert [i.text for i in differ.items] == [NEW[0], OLD[0]]  # but named as another version


def test_the_long_lede_continues_with_the_next_sentence_of_its_article() -> None:
    made = build(
        Article(text="\n\n".join(OLD), published="2026-11-16"),
        Article(text="\n\n".join(NEW), published="2026-11-18"),
        length="long",
    )
    assert lede_text(made) == [NEW[0], NEW[1]]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hurricane Lina killed at least 40 people on the northern coast.", True),
        ("In a blow to the region, Storm Ada destroyed the harbour on Monday.", True),
        ("The announcement from the ministry came on Monday after a long review.", False),
        ("It was the worst storm to reach the coast in a decade.", False),
        ("What a week it has been for the people of the coast.", False),
    ],
)
def test_a_lede_has_a_named_subject_and_a_finite_verb(text: str, named: bool) -> None:
    assert lede.named_subject(text) is named


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        (
            "In a move that stunned markets, Acme Corp. agreed on Monday to buy its largest "
            "rival for $3 billion, the companies said.",
            "Acme Corp. agreed on Monday to buy its largest rival for $3 billion",
        ),
        (
            "Hurricane Lina killed at least 40 people on the northern coast, officials said on "
            "Wednesday after rescuers reached the flooded towns.",
            "Hurricane Lina killed at least 40 people on the northern coast",
        ),
        ("The mayor resigned on Friday.", "The mayor resigned on Friday"),
    ],
)
def test_without_titles_the_headline_is_the_lede_s_main_clause(
    sentence: str, headline: str
) -> None:
    got = lede.headline(sentence, [], {})
    assert got == headline
    assert got in sentence and len(got.split()) <= lede.HEADLINE_MAX_WORDS


def test_the_headline_is_the_title_that_states_the_lede_s_event() -> None:
    titles = [
        (0, "Rescuers reach flooded towns as Hurricane Lina toll rises to 40"),
        (1, "Weather service warns of more rain"),
        (
            2,
            "Hurricane Lina toll rises as rescuers reach the flooded towns of the northern "
            "coast today",
        ),
    ]
    weight = {"hurrican": 1.0, "lina": 1.0, "rescuer": 0.5, "flood": 0.5, "town": 0.5}
    assert lede.headline(NEW[0], titles, weight) == titles[0][1]  # the third is over 14 words
    made = build(
        Article(text="\n\n".join(OLD), published="2026-11-16"),
        Article(text="\n\n".join(NEW), published="2026-11-18"),
    )
    title = made.title  # type: ignore[attr-defined]
    assert title != NEW[0] and title in NEW[0] and len(title.split()) <= 14


def test_a_title_in_capitals_is_no_headline() -> None:
    from brief import lede

    assert lede.shouted("SCIENCE: IT'S NOT JUST EVOLUTION ANYMORE")
    assert not lede.shouted("China Bans Micron Chips in Key Industries")
    assert not lede.shouted("US and EU Agree on AI Rules")
    titles = [(0, "PORT REOPENS AFTER STORM"), (1, "Port Reopens After a Week of Storm Damage")]
    lede_text = "The harbour authority reopened the port on Monday after a week of storm damage."
    assert lede.headline(lede_text, titles, {}) == "Port Reopens After a Week of Storm Damage"
