"""brief.claims: an outlet is cited for an item only when its sentence states the same claim."""

from __future__ import annotations

import pytest

from brief import claims, pipeline, segment
from brief.config import Settings
from brief.models import Sentence
from tests.conftest import article


def sentence(text: str) -> Sentence:
    (s,) = segment.corpus([article(text)]).sentences
    return s


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The storm destroyed 7,000 homes.", {7000.0}),
        ("The storm destroyed 7000 homes.", {7000.0}),
        ("The fund holds $1.2 billion.", {1.2e9}),
        ("The fund holds 1.2 billion dollars.", {1.2e9}),
        ("Two ferries sank near the harbour.", {2.0}),
        ("2 ferries sank near the harbour.", {2.0}),
        ("Prices rose 10% in the year, or ten percent.", {10.0}),
        ("One of the pilots flew an F-16 in the 20th squadron.", set()),
    ],
)
def test_figures_are_normalised(text: str, values: set[float]) -> None:
    assert claims.figures(text) == values


@pytest.mark.parametrize(
    ("item", "other", "same"),
    [
        # the same figures in other words
        (
            "The quake killed 60 people in the coastal town on Monday.",
            "The quake in the coastal town killed 60 people, officials said.",
            True,
        ),
        (
            "The quake killed 60 people in the coastal town on Monday.",
            "The quake killed 65 people in the coastal town on Monday.",
            False,
        ),
        # a support may say more, never less
        (
            "The quake killed 60 people in the coastal town.",
            "The quake killed 60 people and injured 155 in the coastal town.",
            True,
        ),
        (
            "The quake killed 60 people and injured 155 in the coastal town.",
            "The quake killed 60 people in the coastal town.",
            False,
        ),
        # polarity
        (
            "The league has lost a regular-season game to labour strife.",
            "The league has never lost a regular-season game to labour strife.",
            False,
        ),
        # another actor
        (
            "Lisbon banned the sale of the drones on Tuesday.",
            "Madrid banned the sale of the drones on Tuesday.",
            False,
        ),
        # another quotation by another man
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "“The mill will close by winter,” said Paul Berne, the mayor.",
            False,
        ),
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "“We will not sell the mill,” Tom Arden told reporters.",
            True,
        ),
        # a direct quote is supported only by the same quotation, not a paraphrase
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "Tom Arden said he would not sell the mill.",
            False,
        ),
    ],
)
def test_agree(item: str, other: str, same: bool) -> None:
    # The articles name the cities mid-sentence too: that is how an opening word is known as a name.
    context = sentence("Officials from Lisbon and Madrid met in the spring.")
    known = claims.names([sentence(item), sentence(other), context])
    assert claims.agree(sentence(item), sentence(other), known) is same


def test_a_brief_cites_only_outlets_that_give_the_same_toll() -> None:
    arts = [
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 60 passengers "
            "and leaving dozens missing.",
            "Rescue boats searched the cold water through the night for survivors of the ferry.",
        ),
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 60 passengers "
            "in rough seas.",
            "The ferry operator said the vessel had passed its last inspection in the spring.",
        ),
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 65 passengers "
            "in rough seas.",
            "Relatives gathered at the port waiting for news of the missing passengers.",
        ),
    ]
    made = pipeline.brief(arts, Settings(), "2026-01-05")
    for section in made.sections:
        for item in section.items:
            for support in item.support:
                assert claims.figures(support.sentence) >= claims.figures(item.text)


def one(text: str) -> Sentence:
    return segment.corpus([article(text)]).sentences[0]


def test_the_old_side_of_a_change_is_no_rival_count() -> None:
    # Both report the same change; the one that gives the old limit does not contradict the other.
    cut = one("The agency reduced the wetlands limit from 10 acres in a ruling last December.")
    new = one("The agency dropped that wetlands limit to three acres in a ruling last December.")
    assert not claims.differ(cut, new) and not claims.differ(new, cut)
    toll = one("Floods killed 247 people in the east of the country on Friday.")
    other = one("Floods killed 213 people in the east of the country on Friday.")
    assert claims.differ(toll, other)
    assert claims.counts(one("The toll rose to 260 people, up from 231 people.")) == {
        "peopl": frozenset({260.0})
    }
