"""brief.copies: syndicated copies merged, a wire write-through kept as the story's newest text."""

from __future__ import annotations

from brief.daily import copies, stories
from brief.models import Article

SHARED = (
    "Smoke could be seen across the northern coast and residents of the old town were told to "
    "keep their windows shut. The terminal handles a third of the region's wheat exports and "
    "employs about 400 people, most of them from the town itself. Road access to the harbour "
    "was closed from the ring road to the fish market, and ferries to the islands were "
    "diverted to Port Ellis. The cause of the fire was not yet known, a spokeswoman said."
)
FIRST = (
    "Fire crews were fighting a blaze at the Marrow Bay grain terminal on Tuesday evening, the "
    "harbour authority said. " + SHARED + " The terminal was rebuilt in 2011 after a storm "
    "flooded its lower silos, and again extended in 2019 with two new loading berths."
)
# The write-through: a new lead, the history paragraph dropped for space; shorter than the first.
UPDATE = (
    "The Marrow Bay terminal fire was put out early on Wednesday, the harbour authority said. "
    + SHARED
)


def wire(text: str, outlet: str, published: str) -> Article:
    return Article(text=text, outlet=outlet, published=published, url=f"http://127.0.0.1/{outlet}")


def test_a_write_through_updates_the_story_instead_of_disappearing() -> None:
    first = wire(FIRST, "Coast Wire", "2026-11-17")
    update = wire(UPDATE, "Coast Wire", "2026-11-18")
    assert len(update.text) < len(first.text)  # kept for being newer, not for its length
    for pair in ([first, update], [update, first]):
        kept, copied = copies.distinct(pair)
        assert kept == (update,) and copied == ((first,),)
    (story,) = stories.stories([first, update])
    assert story.articles == (update,) and story.copies == (first,)


def test_a_trimmed_syndicated_copy_published_later_is_still_a_copy() -> None:
    original = wire(FIRST, "Coast Wire", "2026-11-17")
    trimmed = wire(FIRST.rsplit(" The cause", 1)[0], "Valley Times", "2026-11-18")
    for pair in ([original, trimmed], [trimmed, original]):
        kept, copied = copies.distinct(pair)
        assert kept == (original,) and copied == ((trimmed,),)


def test_different_texts_on_one_event_are_not_copies() -> None:
    other = wire(
        "Residents of Marrow Bay described flames rising above the grain silos as crews arrived. "
        "Farmers fear the loss of the terminal will hold up the wheat harvest shipments.",
        "Northern Courier",
        "2026-11-17",
    )
    first = wire(FIRST, "Coast Wire", "2026-11-17")
    assert copies.distinct([first, other]) == ((first, other), ((), ()))


def test_short_texts_and_empty_input() -> None:
    assert copies.distinct([]) == ((), ())
    tiny = [wire("Fire.", "a", "2026-11-17"), wire("Fire.", "b", "2026-11-17")]
    assert copies.distinct(tiny)[0] == tuple(tiny)  # no 5-grams: nothing to compare


def test_many_copies_of_one_wire_story_are_one_text() -> None:
    outlets = [wire(FIRST, f"outlet {i}", "2026-11-17") for i in range(copies.BUCKET + 5)]
    kept, copied = copies.distinct(outlets)
    assert kept == (outlets[0],) and copied == (tuple(outlets[1:]),)
