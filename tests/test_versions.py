"""brief.versions: outlets that give a fact with other figures are shown, not silently dropped."""

from __future__ import annotations

from brief import pipeline, render
from brief.config import Settings
from brief.models import Article, Sentence
from tests.conftest import article

TOLL = (
    "A ferry capsized in a storm off the northern coast of Varnia on Sunday, killing {n} "
    "passengers, the coast guard said."
)


def story() -> list[object]:
    return [
        article(
            TOLL.format(n=60),
            "Rescue boats searched the cold water through the night for survivors of the ferry.",
            "The ferry operator said the vessel had passed its last inspection in the spring.",
        ),
        article(
            TOLL.format(n=60),
            "Relatives gathered at the port of Hallin waiting for news of the missing passengers.",
            "The harbour master closed the northern route to all traffic until further notice.",
        ),
        article(
            TOLL.format(n=65),
            "Divers recovered the ferry's flight recorder from the wreck on Monday morning.",
            "The government declared three days of national mourning for the dead passengers.",
        ),
    ]


def test_a_story_whose_outlets_give_different_tolls_shows_each_version_with_its_outlets() -> None:
    made = pipeline.brief(story(), Settings(), "2026-01-05")  # type: ignore[arg-type]
    keys = [s.key for s in made.sections]
    assert keys[-1] == "differ"  # the last section, after the quotes when there are any
    (differ,) = [s for s in made.sections if s.key == "differ"]
    assert differ.heading == "Where sources differ"
    versions = {item.text: sorted(p.source for p in item.support) for item in differ.items}
    assert versions == {TOLL.format(n=60): [1, 2], TOLL.format(n=65): [3]}
    # the brief states the best-supported version, citing only the outlets that give it
    stated = [
        i for s in made.sections if s.key != "differ" for i in s.items if "capsized" in i.text
    ]
    assert [(i.text, sorted(p.source for p in i.support)) for i in stated] == [
        (TOLL.format(n=60), [1, 2])
    ]
    assert '"key": "differ"' in render.json(made)
    assert "## Where sources differ" in render.markdown(made)


def test_no_section_when_the_outlets_agree() -> None:
    agreeing = story()[:2]
    made = pipeline.brief(agreeing, Settings(), "2026-01-05")  # type: ignore[arg-type]
    assert "differ" not in [s.key for s in made.sections]


DAY = "A ferry capsized in a storm off the northern coast of Varnia on {day}, the coast guard said."


def dated(text: str, published: str) -> Article:
    return Article(
        text="\n\n".join(
            [
                text,
                "Rescue boats searched the cold water through the night for survivors.",
                "The ferry operator said the vessel had passed its last inspection in the spring.",
            ]
        ),
        published=published,
    )


def test_outlets_that_date_a_fact_to_other_days_are_versions() -> None:
    # 2026-01-06 is a Tuesday: "on Monday" is 5 January, "on Sunday" 4 January.
    arts = [
        dated(DAY.format(day="Monday"), "2026-01-06"),
        dated(DAY.format(day="Monday"), "2026-01-06"),
        dated(DAY.format(day="Sunday"), "2026-01-06"),
    ]
    made = pipeline.brief(arts, Settings(), "2026-01-07")
    (differ,) = [s for s in made.sections if s.key == "differ"]
    versions = {item.text: sorted(p.source for p in item.support) for item in differ.items}
    assert versions == {DAY.format(day="Monday"): [1, 2], DAY.format(day="Sunday"): [3]}
    stated = [
        i for s in made.sections if s.key != "differ" for i in s.items if "capsized" in i.text
    ]
    assert [sorted(p.source for p in i.support) for i in stated] == [[1, 2]]


def test_the_same_day_named_from_two_dates_is_no_version() -> None:
    # Tuesday's and Wednesday's papers both mean Monday 5 January.
    arts = [
        dated(DAY.format(day="Monday"), "2026-01-06"),
        dated(DAY.format(day="Monday"), "2026-01-07"),
    ]
    made = pipeline.brief(arts, Settings(), "2026-01-07")
    assert "differ" not in [s.key for s in made.sections]
    stated = [i for s in made.sections for i in s.items if "capsized" in i.text]
    assert [sorted(p.source for p in i.support) for i in stated] == [[1, 2]]


def test_a_ceiling_that_holds_the_other_figure_is_no_version() -> None:
    from brief import claims
    from brief.segment import corpus

    def sentence(text: str) -> Sentence:
        return corpus([article(text)]).sentences[0]

    under = sentence("The new train makes the trip in under four hours, the operator said.")
    exact = sentence("The new train makes the trip in 3 hours, the operator said.")
    slower = sentence("The new train makes the trip in 5 hours, the operator said.")
    fewer = sentence("The storm killed fewer than 60 people in the coastal towns, officials said.")
    near = sentence("The storm killed 52 people in the coastal towns, officials said.")
    far = sentence("The storm killed 90 people in the coastal towns, officials said.")
    floor = sentence("The storm killed at least 40 people in the coastal towns, officials said.")
    assert not claims.differ(under, exact)
    assert claims.differ(under, slower)
    assert not claims.differ(fewer, near)
    assert claims.differ(fewer, far)
    assert claims.differ(near, far)
    assert claims.differ(floor, near)  # "at least 40" is the count known then: a version
