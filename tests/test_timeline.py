"""Article dates and the time of what a sentence reports (brief.timeline), on made-up copy."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief import segment, timeline
from brief.models import Article

WEDNESDAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("article", "date"),
    [
        (Article(text="x", published="2026-11-20T10:00:00Z"), dt.date(2026, 11, 20)),
        (Article(text="x", path="wire/XYZ20261016.0042.txt"), dt.date(2026, 10, 16)),
        (Article(text="x", path="feeds/2026-03-04-fire.md"), dt.date(2026, 3, 4)),
        (Article(text="WASHINGTON, Oct. 16, 2026 -- The Senate voted."), dt.date(2026, 10, 16)),
        (Article(text="The Senate voted on a bill.", path="notes/senate.txt"), None),
    ],
)
def test_an_article_is_dated_by_metadata_file_name_or_dateline(
    article: Article, date: dt.date | None
) -> None:
    assert timeline.article_date(article) == date


def span(text: str, ref: dt.date | None = WEDNESDAY) -> tuple[dt.date, dt.date] | None:
    found = timeline.sentence_time(text, ref).span
    return None if found is None else (found.first, found.last)


def day(d: int, month: int = 11, year: int = 2026) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, d), dt.date(year, month, d)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted on Monday to close the plant.", day(16)),
        ("The council will vote on Monday on the plant.", day(23)),
        ("The fire started yesterday in the kitchen.", day(17)),
        (
            "Talks collapsed last week after a dispute.",
            (dt.date(2026, 11, 9), dt.date(2026, 11, 15)),
        ),
        (
            "The ruling is due next month, lawyers said.",
            (dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        ),
        ("Nobel signed his will in 1895 in Paris.", (dt.date(1895, 1, 1), dt.date(1895, 12, 31))),
        ("The mine closed three years ago.", day(19, 11, 2023)),
        ("The plant opened on Oct. 2 with 300 workers.", day(2, 10)),
        (
            "The plant will reopen in March, its owner said.",
            (dt.date(2027, 3, 1), dt.date(2027, 3, 31)),
        ),
        ("The talks, first held in 1996, resumed on Friday.", day(13)),
        ("Officials may resign over the failure.", None),
    ],
)
def test_a_sentence_is_placed_in_time_relative_to_its_article(
    text: str, expected: tuple[dt.date, dt.date] | None
) -> None:
    assert span(text) == expected


def test_without_a_date_only_calendar_years_are_placed() -> None:
    assert span("The firm opened its first factory in 2007.", None) == (
        dt.date(2007, 1, 1),
        dt.date(2007, 12, 31),
    )
    assert span("The council voted on Monday.", None) is None
    assert timeline.sentence_time("The council voted on Monday.", None).named


@pytest.mark.parametrize(
    ("text", "future", "modal", "before"),
    [
        ("The bridge will reopen to traffic.", True, False, False),
        ("The bridge is set to reopen to traffic.", True, False, False),
        ("The bridge may reopen to traffic.", False, True, False),
        ("The bridge could have collapsed under the load.", False, False, False),
        ("The bridge had been closed for repairs.", False, False, True),
        ("Engineers said the bridge had been closed for repairs.", False, False, False),
        ("The bridge has long been a symbol of the city.", False, False, True),
        ("The bridge reopened to traffic.", False, False, False),
        ("The council scheduled a hearing on the bridge for Monday.", True, False, False),
        ("China plans to reopen the bridge.", True, False, False),  # "Chin-a plans": the verb
        ("The council would close the bridge under the plan.", False, True, False),
        # a "would" governed by a past verb of knowing is the future of that past
        ("The engineers did foresee that the load would crack the bridge.", False, False, False),
        ("The engineers knew that the load would crack the bridge.", False, False, False),
    ],
)
def test_tense_and_aspect(text: str, future: bool, modal: bool, before: bool) -> None:
    when = timeline.sentence_time(text, WEDNESDAY)
    assert (when.future, when.modal, when.before) == (future, modal, before)


@pytest.mark.parametrize(
    "text",
    [
        "The gallery bought its first new painting in 20 years.",  # a stretch looking back
        "The mayor was freed on Wednesday after 16 days in jail.",
        "The mayor said she knew of no problem with the city's bid for the 2030 games.",
    ],
)
def test_a_stretch_of_time_or_an_event_s_name_is_not_the_future(text: str) -> None:
    when = timeline.sentence_time(text, WEDNESDAY)
    assert when.span is None or when.span.first <= WEDNESDAY


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies and would-be donors left the region.",
        "The minister had no plans to meet the strikers.",
        "As expected, the court upheld the ban.",
        "Divers could be seen searching the harbour.",
        "Officials visited Li Yuk-may at the clinic.",
        "The charity feared its aid was going to the army.",
        "With a promise to cut taxes, he won the seat.",
        "Despite the mayor's promise to cut taxes, rates rose.",
        "The council rejected the mayor's plan to cut taxes.",
        "The gang leader said he had plans to rob two more banks.",
        "Officials could not immediately be reached for comment.",
        "The minister said she could not comment on the case.",
    ],
)
def test_modal_words_that_report_the_present_forecast_nothing(text: str) -> None:
    when = timeline.sentence_time(text, WEDNESDAY)
    assert not (when.future or when.modal)


@pytest.mark.parametrize(
    ("text", "before", "standing"),
    [
        ("The mayor once ran a bakery on the square.", True, False),
        ("While still a student, she founded a choir.", True, False),
        ("Ferries routinely cross the strait in an hour.", False, True),
        ("The town is 40 kilometers (25 miles) east of the capital.", False, True),
        ("The depot is south of the old town, near the ring road.", False, True),
        ("The storm is moving east of the islands.", False, False),  # under way: news
        ("Floods are the leading cause of crop losses in the valley.", False, True),
        ("Floods are destroying crops in the valley.", False, False),
        ("Farmers said floods usually come in spring.", False, False),  # told: news
        ("Shells fell near Lani, 70 kilometers west of the capital, on Monday.", False, False),
        ("The plan cuts taxes by $30 billion over five years.", False, False),
        ("The two sides settled an often-bitter dispute.", False, False),
        # "history" as a superlative's frame or "historic" as praise is the day's news
        ("The flood was the worst in the valley's history.", False, False),
        ("The council held a historic vote on the ferry on Monday.", False, False),
        ("The ferry line has a history of winter delays.", True, False),
        ("The council historically met on Mondays.", True, False),
    ],
)
def test_narrative_history_and_standing_facts(text: str, before: bool, standing: bool) -> None:
    when = timeline.sentence_time(text, WEDNESDAY)
    assert (when.before, when.standing) == (before, standing)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The suspect said he went to the port in 2019.", True),
        ("The surgeon, whose clinic was bombed in 2019, says she fears for her staff.", True),
        ("In March 2019 the council set up a hot line and announced new rules.", False),
        ("Officials had said in 2019 that the deficit would shrink.", False),
    ],
)
def test_a_statement_is_told_apart_from_the_time_it_reports(text: str, said: bool) -> None:
    assert timeline.sentence_time(text, WEDNESDAY).said == said


def test_the_story_s_now_is_its_newest_article() -> None:
    corpus = segment.corpus(
        [
            Article(text="The storm hit the coast on Monday.", published="2026-11-16"),
            Article(text="Rescuers reached the towns on Wednesday.", published="2026-11-18"),
            Article(text="The storm was the worst in years."),
        ]
    )
    story = timeline.story(corpus)
    assert story.now == WEDNESDAY and story.start == dt.date(2026, 11, 16)
    assert story.times[0].span == timeline.Span(dt.date(2026, 11, 16), dt.date(2026, 11, 16))
    assert timeline.newest(story.dates) == (1, 0, 2)


def test_times_are_read_when_asked_for_and_equal_every_sentence_s_time() -> None:
    texts = ["The plant closed on Monday.", "It will reopen next month.", "Workers waited."]
    refs = [WEDNESDAY, None, WEDNESDAY]
    eager = tuple(timeline.sentence_time(t, r) for t, r in zip(texts, refs, strict=True))
    times = timeline.Times(texts, refs)
    assert times[-1] == eager[-1] and times[1:] == eager[1:]
    assert len(times) == 3 and times == eager and tuple(times) == eager
    assert hash(times) == hash(eager)
    with pytest.raises(IndexError):
        times[3]


# Words and marks that time expressions are made of, and filler between them.
TIME_TOKENS = (
    "Jan. Feb. Sept. May March Oct. 16 2026 1998 1990s 2026-11-18 3rd Monday Sunday today "
    "tonight now yesterday tomorrow last next this past coming week month year decade weekend "
    "ago earlier later before in within after two a few several days weeks years recently "
    "lately recent morning night the of , the plant closed"
).split()


@given(st.lists(st.sampled_from(TIME_TOKENS), max_size=12))
def test_every_time_expression_holds_a_mark_of_its_pattern(words: list[str]) -> None:
    """expressions() runs a pattern only on text holding one of its MARKS: no match without."""
    text = " ".join(words)
    for (kind, pattern), marks in zip(timeline.PATTERNS, timeline.MARKS, strict=True):
        for m in pattern.finditer(text):
            assert any(mark in m.group(0).lower() for mark in marks), (kind, m.group(0))


def test_text_with_no_time_word_names_no_time() -> None:
    assert timeline.expressions("The council voted to close the plant.") == []
    assert [k for _, k, _ in timeline.expressions("It closed in 1998, recently.")] == [
        "year",
        "recent",
    ]
