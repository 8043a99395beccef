"""Articles and sentences -> when: each article's date, and the time of what each sentence reports.

An article's date comes from its ``published`` field (front matter, JSON), else a date in its
file name (wire ids such as ``XIE19990412.0031`` carry one, as do ``2026-11-21-fire.md`` names),
else a date in its opening words ("Oct. 16, 1998 --"), else it has none. The story's "now" is the
newest article's date.

A sentence's time is read from what it says, relative to its own article's date: explicit dates
("Oct. 16", "March 1998"), years and decades, weekdays ("on Friday": the last Friday when told in
the past tense, the next one in the future tense), and relative phrases ("yesterday", "last
week", "next month", "three years ago", "earlier this year"). Of several, the latest counts: news
reports the newest development and dates the old ones it recalls ("the talks, first held in
1996, resumed on Friday"). Tense and aspect come from auxiliaries and modals ("will", "is set
to", "may", "had been", "has long"): the future, a possibility, the past before the past.

Pure functions over text and dates; nothing here reads a file or the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from brief.models import Article, Corpus

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "some": 3,
}  # fmt: skip
WEEKDAYS_TITLE = frozenset(day.title() for day in WEEKDAYS)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}

# Written months need a capital ("May" the month, not "may" the modal); "Mar." and "Sept."
# abbreviations take their period.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_NUMBER = (
    r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|a few|few|some)"
)
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("date", _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r"\b)?"),
        ("date", r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r"\b)?"),
        ("month", _MONTH + r"(?:,?\s+(?:of\s+)?(?P<year>(?:1[5-9]|20)\d\d)\b)?(?!\s*\d)"),
        ("decade", r"\b(?P<year>(?:1[5-9]|20)\d0)'?s\b"),
        ("year", r"\b(?P<year>(?:1[5-9]|20)\d\d)\b(?![-/.,]\d)"),
        ("weekday", r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        ("today", r"(?i)\b(?:today|tonight|this (?:morning|afternoon|evening)|now)\b"),
        ("yesterday", r"(?i)\b(?:yesterday|last night)\b"),
        ("tomorrow", r"(?i)\btomorrow\b"),
        ("this", r"(?i)\b(?P<when>this|last|next|past|coming) "
                 r"(?P<unit>week|month|year|decade)(?:end)?\b"),
        ("ago", r"(?i)\b" + _NUMBER + r"\s+" + _UNIT + r"\s+(?:ago|earlier|before)\b"),
        ("ago", r"(?i)\b(?P<n>)(?P<unit>day|week|month|year|decade)s\s+ago\b"),
        ("within", r"(?i)\b(?:in|within|after) " + _NUMBER + r"\s+" + _UNIT + r"\b"),
        ("part", r"(?i)\b(?P<when>earlier|later) (?:this|in the) (?P<unit>week|month|year)\b"),
        ("recent", r"(?i)\b(?:recently|lately|in recent (?:days|weeks))\b"),
    )
)  # fmt: skip

FUTURE_RE = re.compile(
    r"(?i)\b(?:will|shall|won't|wo n't|[a-z]+'ll|(?:is|are|was|were|be) (?:going|set|scheduled|due|"
    r"expected|slated|poised|likely|unlikely|planning|preparing|to be) to(?! the | a | an )|"
    # the verbs, not the nouns: "Clinton's plan to invest", "the promise to cut taxes"
    r"(?<!\bno )(?<!\bhad )(?<!\ba )(?<!'s )(?<!’s )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )"
    r"(?<!\btheir )"
    r"(?:plans?|promised?) to|intends? to|aims? to|hopes? to|vows? to|"
    r"threatens? to|tomorrow|"
    # "scheduled a news conference on the rules for Monday": an event set for a coming day
    r"(?:scheduled|planned) (?:[\w'’-]+ ){1,6}?for (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|tomorrow|next|later|the coming)|"
    r"next (?:week|month|year)|"
    r"(?:this|next|coming) (?:weekend)|upcoming|forthcoming)\b"
)
# Not after a hyphen: "Kwok Yuk-may" is a name.
MODAL_RE = re.compile(
    r"(?i)(?<!-)\b(?:may|might|could|likely|unlikely|forecasts?|predicts?|projected|expected|expects?|"
    r"anticipated?)\b"
)
WOULD_RE = re.compile(r"(?i)\bwould\b(?!-)")  # not "would-be donors"
# "would" after one of these within WOULD_WINDOW words asks a question, it forecasts nothing
# ("which items would be affected").
QUESTION_WORDS = frozenset("which what whether how who why if".split())
WOULD_WINDOW = 3
# "did foresee that the words would result in killings", "knew that the dam would fail": a
# "would" in a clause governed by a past verb of knowing is the future of that past, not the
# story's. Verbs of saying, warning and hoping are left out: "said the children would be
# returned" is a forecast the labelled DUC sentences file under Likely outcomes.
KNEW_THAT_RE = re.compile(
    r"(?i)\b(?:did (?:not )?\w+|knew|foresaw|realized|realised|understood|recognized|"
    r"recognised|thought|was aware|were aware) (?:\w+ )?that\b"
)
# "declared that it would restrict": an intention reported in the past is that day's news.
REPORTED_PAST_RE = re.compile(
    r"\b(?:said|told|announced|declared|reported|added|insisted|stressed|confirmed)\b"
)
# Told by someone: what a source said is news of the day it was said.
REPORTED_RE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|announced|reported|according to|added|insisted|stressed|"
    r"denied|claimed|confirmed|argued|acknowledged|testified|quoted|asked|urged)\b"
)
PERFECT_PAST_RE = re.compile(
    r"(?i)\b(?:had|'d) (?:not |never |long |already |been |once )*\w+(?:ed|en|wn|t)\b"
)
# "has a history of", "historically" tell what long held; "the worst in its history" and "a
# historic vote" are superlatives of the day's news (a bare "history" sent the election result
# "the second democratic election in Russia's history" to The background).
LONG_RE = re.compile(
    r"(?i)\b(?:has|have) (?:long|always|been \w+ing since|been \w+ since)|\bfor (?:years|decades|"
    r"centuries|generations)\b|\bsince (?:the )?(?:1[5-9]|20)\d\d|"
    r"\b(?:history of|historically|"
    r"dates? back|traditionally|founded|formerly|previously|once was|long-standing|longtime|"
    r"decades-old|centuries-old)\b|\bin (?:recent|past) (?:months|years|decades)\b|"
    r"\bover the (?:past|last) (?:few |several |two |three )?(?:months|years|decades)\b"
)
# Narrative history and standing facts: what happened before the story, or what always holds,
# not the day's news ("once", "was born", "at one point"; "routinely", "the leading cause", "is
# 40 miles east of", "has about 435,000 people"). A progressive ("is trying") is news under way.
# Written by reading the labelled DUC sentences that time alone sent to What we know (issue 10;
# bench/labels/README.md); general English markers, no story's words.
HISTORY_RE = re.compile(
    r"(?i)\b(?:(?<!at )once(?! again| more)|at one point|while still|was born|born in|grew up|"
    r"graduated|(?:was|were) then|until then|ever since|has since|"
    r"over the (?:years|decades)|"
    r"as a (?:child|boy|girl|student|teen-?ager|young \w+)|in (?:his|her) youth|"
    r"early in (?:his|her|their) (?:life|career|childhood)|"
    r"during (?:the|his|her) (?:war|conflict|campaign))\b|"
    r"(?:^|[,;_—] )for \w+ (?:years|decades)\b"
)
GENERIC_RE = re.compile(
    r"(?i)\b(?:routinely|usually|typically|generally|often|always|tends? to|every (?:year|day|"
    r"week|month)|each (?:year|day)|annually|the leading|most common|is known|are known|"
    r"(?:is|are|lies) (?:(?:about |some |nearly )?[\d,.]+ (?:kilometers|kilometres|miles|km)"
    r"(?: \([^)]*\))? )?(?:north|south|east|west)(?:east|west)? of|"
    r"has (?:about|some|nearly|more than) [\d,]+ (?:people|residents|inhabitants))\b(?!-)"
)
PROGRESSIVE_RE = re.compile(r"(?i)\b(?:is|are) \w+ing\b")
# A year naming an event: "the 2004 games", "Athens' 2004 bid" (checked on 4 characters before
# the year and 2 after it).
NAMED_YEAR_RE = re.compile(r"(?:the|'s|’s) \d{4} \w")
# "says", or a reporting verb before the date it reports ("Odeh said he went to Kenya in 1994"):
# the statement is the news, whatever the time of its content. "had said" is the past before it.
SAYS_RE = re.compile(r"\b(?:says|tells)\b")
HAD_SAID_RE = re.compile(r"\bhad (?:\w+ )?(?:said|told|announced)\b")

# "could have been caused": a modal of the past is an explanation, not an expectation.
# Nor are "as expected" (it came true), "could be seen", "could not be reached" or "could not
# comment" (what reporters saw or failed to get): the day's news told with a modal word.
MODAL_PAST_RE = re.compile(
    r"(?i)\b(?:may|might|could|would|should|must)(?: or \w+)?(?: not)? have\b|\bas expected\b|"
    r"\bcould(?: not)?(?: immediately)? be (?:seen|heard|reached|identified|further identified)\b|"
    r"\bcould not (?:immediately )?(?:comment|confirm|say)\b"
)


@dataclass(frozen=True, slots=True)
class Span:
    """The days a sentence's time may fall on, both ends included."""

    first: dt.date
    last: dt.date


@dataclass(frozen=True, slots=True)
class Time:
    """What a sentence says about when: the span it names, and its tense and aspect."""

    span: Span | None  # None: no time named, or none resolvable without a date
    named: bool  # a time expression was found, resolved or not
    absolute: bool  # the latest expression names a calendar date, month, year or decade
    future: bool  # will, is set to, plans to, next week...
    modal: bool  # may, could, expected, likely...
    before: bool  # had been, has long, history, for decades, once, was born...
    standing: bool  # told as what always holds: routinely, the leading cause, is 40 miles east of
    said: bool  # a statement is the news: "says", or "said" before the time it names


@dataclass(frozen=True, slots=True)
class Timeline:
    """Dates of a story's articles, its window and "now", and the time of every sentence."""

    dates: tuple[dt.date | None, ...]  # per article
    now: dt.date | None  # the newest article's date
    start: dt.date | None  # the oldest article's date
    times: Sequence[Time]  # per sentence of the corpus (Times: each read when first asked for)


class Times(Sequence[Time]):
    """The time of each sentence, read (sentence_time) when first asked for, then kept: a
    story of thousands of sentences asks for the few hundred its candidates lead with, and
    reading every sentence's was a sixth of a 10,000-article day's briefs. Equal to the tuple
    of every sentence's time, whichever were read."""

    __slots__ = ("_read", "_refs", "_texts")

    def __init__(self, texts: Sequence[str], refs: Sequence[dt.date | None]) -> None:
        self._texts = tuple(texts)
        self._refs = tuple(refs)
        self._read: list[Time | None] = [None] * len(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> Time: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Time, ...]: ...
    def __getitem__(self, index: int | slice) -> Time | tuple[Time, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        i = range(len(self._texts))[index]  # negative indices; IndexError past the end
        found = self._read[i]
        if found is None:
            found = self._read[i] = sentence_time(self._texts[i], self._refs[i])
        return found

    def __iter__(self) -> Iterator[Time]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Times({tuple(self)!r})"


# ---------------------------------------------------------------------------- article dates

NAME_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?!\d)")
OPENING_DATE_RE = re.compile(
    _MONTH + r"\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b|"
    r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
)
# A dateline's date sits in the article's first words ("WASHINGTON, Oct. 16, 1998 --").
OPENING_CHARS = 80


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def article_date(article: Article) -> dt.date | None:
    """The date ``article`` was published, from its metadata, file name or dateline."""
    if article.published:
        found = NAME_DATE_RE.search(article.published)
        if found:
            return _date(*(int(g) for g in found.groups()))
    if article.path:
        name = article.path.replace("\\", "/").rsplit("/", 1)[-1]
        found = NAME_DATE_RE.search(name)
        if found:
            return _date(*(int(g) for g in found.groups()))
    opening = OPENING_DATE_RE.search(article.text[:OPENING_CHARS])
    if opening is None:
        return None
    if opening.group("iso"):
        return dt.date.fromisoformat(opening.group("iso"))
    return _date(
        int(opening.group("year")), _month(opening.group("month")), int(opening.group("day"))
    )


# ---------------------------------------------------------------------------- sentence times


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _month_span(year: int, month: int) -> Span:
    return Span(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve(kind: str, m: re.Match[str], ref: dt.date, future: bool) -> Span | None:
    """The span one expression names, told on ``ref`` in the past or the future tense."""
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "iso":
        day = _date(int(groups["year"]), int(groups["mon"]), int(groups["day"]))
        return Span(day, day) if day else None
    if kind in ("date", "month"):
        month = _month(groups["month"])
        if year is None:  # the nearest such month, ahead in the future tense
            year = ref.year
            if future and month < ref.month:
                year += 1
            elif not future and month > ref.month:
                year -= 1
        if kind == "month":
            return _month_span(year, month)
        day = _date(year, month, int(groups["day"]))
        return Span(day, day) if day else None
    if kind == "year" and year is not None:
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if kind == "decade" and year is not None:
        return Span(dt.date(year, 1, 1), dt.date(year + 9, 12, 31))
    if kind == "weekday":
        wanted = WEEKDAYS[groups["weekday"].lower()]
        ahead = (wanted - ref.weekday()) % 7
        day = ref + dt.timedelta(days=ahead) if future else ref - dt.timedelta(days=(7 - ahead) % 7)
        return Span(day, day)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if kind in offsets:
        day = ref + dt.timedelta(days=offsets[kind])
        return Span(day, day)
    if kind == "recent":
        return Span(ref - dt.timedelta(days=30), ref)
    return _relative(kind, groups, ref)


def _relative(kind: str, groups: dict[str, str | None], ref: dt.date) -> Span | None:
    unit = (groups.get("unit") or "day").lower()
    if kind == "this":
        step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[
            (groups["when"] or "this").lower()
        ]
        return _calendar_unit(unit, ref, step)
    if kind == "part":
        whole = _calendar_unit(unit, ref, 0)
        if (groups["when"] or "").lower() == "earlier":
            return Span(whole.first, ref)
        return Span(ref, whole.last)
    n_text = (groups.get("n") or "").lower()
    n = int(n_text) if n_text.isdigit() else NUMBERS.get(n_text, 2)
    days = n * UNIT_DAYS[unit]
    if kind == "ago":
        day = ref - dt.timedelta(days=days)
        return Span(day, day)
    if kind == "within":
        day = ref + dt.timedelta(days=days)
        return Span(day, day)
    return None


def _calendar_unit(unit: str, ref: dt.date, step: int) -> Span:
    """This (0), the last (-1) or the next (1) calendar week, month, year or decade."""
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * step)
        return Span(monday, monday + dt.timedelta(days=6))
    if unit == "month":
        return _month_span(*_shift_months(ref, step))
    if unit == "decade":
        start = ref.year - ref.year % 10 + 10 * step
        return Span(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    return Span(dt.date(ref.year + step, 1, 1), dt.date(ref.year + step, 12, 31))


ABSOLUTE = frozenset({"iso", "date", "month", "year", "decade"})

# What every match of each of PATTERNS holds (lower-cased), in their order: a pattern is run
# only on text that holds one of its marks. A sentence names a time far less often than not,
# and 16 searches of each were a fifth of reading its time
# (tests/test_timeline.py checks each pattern's matches hold their marks).
_DIGITS = tuple("0123456789")
_UNITS = ("day", "week", "month", "year", "decade")
MARKS: tuple[tuple[str, ...], ...] = (
    _DIGITS,  # iso
    _DIGITS,  # date: month, day
    _DIGITS,  # date: day, month
    tuple("jan feb mar apr may jun jul aug sep oct nov dec".split()),  # month
    _DIGITS,  # decade
    _DIGITS,  # year
    ("day",),  # weekday
    ("today", "tonight", "morning", "afternoon", "evening", "now"),
    ("yesterday", "night"),
    ("tomorrow",),
    _UNITS,  # this / last / next week
    _UNITS,  # ago: "three years ago"
    ("ago",),  # ago: "years ago"
    _UNITS,  # within
    _UNITS,  # part: "earlier this week"
    ("recent", "lately"),
)


def expressions(text: str) -> list[tuple[int, str, re.Match[str]]]:
    """(offset, kind, match) of each time expression in ``text``; overlaps go to the first
    pattern that claims the characters (a full date before its month, its month before its year)."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, re.Match[str]]] = []
    lowered = text.lower()
    for (kind, pattern), marks in zip(PATTERNS, MARKS, strict=True):
        if not any(mark in lowered for mark in marks):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            if kind == "month" and not _month_word(text, m):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), kind, m))
    return sorted(found, key=lambda f: f[0])


def _month_word(text: str, m: re.Match[str]) -> bool:
    """A bare month name is a month, not "May" the name or "March" the verb: it comes with a
    year or after "in", "since", "by", "until", "last", "next", "early", "late"..."""
    if m.group("year"):
        return True
    before = text[: m.start()].split()[-1:]
    return bool(before) and before[0].lower().rstrip(",") in MONTH_LEADS


MONTH_LEADS = frozenset(
    "in since by until till through from during last next early late mid this of before after "
    "end".split()
)


def sentence_time(text: str, ref: dt.date | None) -> Time:
    """The time of what ``text`` reports, told on ``ref`` (None: the date is unknown)."""
    future = bool(FUTURE_RE.search(text))
    modal = bool(MODAL_RE.search(MODAL_PAST_RE.sub(" ", text))) or (
        _forecast_would(text) and not REPORTED_PAST_RE.search(text)
    )
    spans: list[tuple[Span, bool, int]] = []
    found = expressions(text)
    for at, kind, m in found:
        if ref is None and kind not in ABSOLUTE:
            continue
        if ref is None and kind in ("date", "month") and not m.group("year"):
            continue
        if kind == "within" and not (future or modal):
            continue  # "the first in 20 years", "rose 5% in two years": a stretch, not ahead
        span = _resolve(kind, m, ref or dt.date(2000, 1, 1), future)
        if span is None or _named_year(text, kind, at, m, span, ref, future or modal):
            continue
        spans.append((span, kind in ABSOLUTE, at))
    latest = max(spans, key=lambda s: (s[0].last, s[0].first)) if spans else None
    reported = bool(REPORTED_RE.search(text))
    return Time(
        span=latest[0] if latest else None,
        named=bool(found),
        absolute=bool(latest[1]) if latest else any(k in ABSOLUTE for _, k, _ in found),
        future=future,
        modal=modal,
        # "said the troops had moved": a reported past perfect is only the tense shifted back.
        before=bool(LONG_RE.search(text))
        or bool((PERFECT_PAST_RE.search(text) or HISTORY_RE.search(text)) and not reported),
        standing=bool(GENERIC_RE.search(text)) and not PROGRESSIVE_RE.search(text) and not reported,
        said=_said(text, latest[2] if latest else len(text)),
    )


def _named_year(
    text: str, kind: str, at: int, m: re.Match[str], span: Span, ref: dt.date | None, ahead: bool
) -> bool:
    """A later year that names an event ("Athens' bid for the 2004 games") in copy not told
    in the future: not the time of what the sentence reports."""
    if kind != "year" or ref is None or span.first <= ref or ahead:
        return False
    return bool(NAMED_YEAR_RE.match(text[max(0, at - 4) : m.end() + 2]))


def _said(text: str, at: int) -> bool:
    """A statement made now ("says"), or one whose reporting verb comes before the time at
    offset ``at`` (the time belongs to what was said), not the past before the past."""
    if HAD_SAID_RE.search(text):
        return False
    return bool(SAYS_RE.search(text) or REPORTED_PAST_RE.search(text[:at]))


def _forecast_would(text: str) -> bool:
    """A "would" that forecasts: not asking ("which items would"), not the future of a past
    verb of knowing ("did foresee that … would")."""
    for m in WOULD_RE.finditer(text):
        before = text[: m.start()].lower().split()[-WOULD_WINDOW:]
        if not QUESTION_WORDS.intersection(before) and not KNEW_THAT_RE.search(text, 0, m.start()):
            return True
    return False


def story(corpus: Corpus) -> Timeline:
    """Every article's date, the story's window, and every sentence's time."""
    dates = tuple(article_date(a) for a in corpus.articles)
    known = [d for d in dates if d is not None]
    return Timeline(
        dates=dates,
        now=max(known) if known else None,
        start=min(known) if known else None,
        times=Times(
            [s.text for s in corpus.sentences],
            [dates[s.article] for s in corpus.sentences],
        ),
    )


def newest(dates: Sequence[dt.date | None]) -> tuple[int, ...]:
    """Article indices, newest first; undated ones last, in input order."""
    return tuple(
        sorted(
            range(len(dates)),
            key=lambda i: (dates[i] is None, -(dates[i] or dt.date.min).toordinal(), i),
        )
    )
