"""The figures a sentence gives, read literally: each number normalised ("7,000" = "7000",
"two" = "2", "$1.2 billion" = "1.2 billion dollars"), what each counts (the first content word
after it), and the values it allows ("under four hours" is a ceiling). ``claims`` compares them
between outlets: an item's figures must all be in its support, and two sentences that count one
thing with numbers that cannot both be true are versions of one fact.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from brief import segment
from brief.models import Sentence

# "one" is left out: it is as often a pronoun ("one of the victims") as a count.
NUMBER_WORDS = {
    w: float(i)
    for i, w in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if w != "_"
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FIGURE_RE = re.compile(
    r"(?<![\w.,-])(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?:\s*(" + "|".join(SCALES) + r")\b)?",
    re.IGNORECASE,
)

# Whole numbers in this range are read as years: they count nothing.
YEARS = (1900, 2100)
# What a figure counts is named within this many characters after it ("27 of its 29 North
# American assembly plants": the first content word, "North", stands for the thing counted).
UNIT_REACH = 40


@lru_cache(maxsize=50_000)  # an item is held against hundreds of sentences, each many times
def numbers(text: str) -> frozenset[float]:
    """The numbers a sentence states, normalised: "7,000" = "7000", "two" = "2",
    "$1.2 billion" = "1.2 billion dollars"."""
    return frozenset(_value(match) for match in FIGURE_RE.finditer(text))


def _value(match: re.Match[str]) -> float:
    token = match.group(1).lower().replace(",", "")
    value = NUMBER_WORDS[token] if token in NUMBER_WORDS else float(token)
    return value * SCALES[match.group(2).lower()] if match.group(2) else value


# "reduced from 10 acres", "up from 231": a figure after "from" is the value before a change,
# which every outlet reporting the change may give or leave out; it is never a rival count.
CHANGE_FROM_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+|\$)?$", re.I)
CHANGE_REACH = 20


def counts(sentence: Sentence) -> dict[str, frozenset[float]]:
    """What each figure counts, by the first content word after it: "killed 60 people" ->
    {"peopl": {60}}, "27 of 29 plants" -> {"plant": {27, 29}}. Years count nothing, and
    neither does the old side of a change ("cut from 10 acres to three": only the three)."""
    found: dict[str, set[float]] = {}
    for unit, value, _ in counted(sentence.text):
        found.setdefault(unit, set()).add(value)
    return {unit: frozenset(values) for unit, values in found.items()}


def ranges(sentence: Sentence) -> dict[str, tuple[tuple[float, float], ...]]:
    """What each figure counts (as counts) with the values it allows: itself, or up to it
    after a ceiling ("under four hours")."""
    found: dict[str, set[tuple[float, float]]] = {}
    for unit, value, ceiling in counted(sentence.text):
        found.setdefault(unit, set()).add((-math.inf, value) if ceiling else (value, value))
    return {unit: tuple(sorted(spans)) for unit, spans in found.items()}


# A figure after one of these words is a ceiling, not a count: "under four hours" holds 3 hours
# 50 minutes, so two outlets giving them do not disagree; "fewer than 50" against 65 do. A floor
# ("at least 12 dead", "more than 40") is the count known at the time, kept as a figure: a newer
# "at least 40" updates it, and both are versions (the toll tests).
UPPER_RE = re.compile(
    r"\b(?:under|less than|fewer than|below|up to|at most|no more than|not more than)\s+(?:\$)?$",
    re.I,
)
BOUND_REACH = 25


def counted(text: str) -> list[tuple[str, float, bool]]:
    """(unit stem, value, after a ceiling) for each figure of ``text`` that counts something."""
    stops = segment.stop_words()
    found: list[tuple[str, float, bool]] = []
    for match in FIGURE_RE.finditer(text):
        value = _value(match)
        if value.is_integer() and YEARS[0] <= value <= YEARS[1]:
            continue
        if CHANGE_FROM_RE.search(text[max(0, match.start() - CHANGE_REACH) : match.start()]):
            continue
        for word in segment.WORD_RE.findall(text[match.end() : match.end() + UNIT_REACH]):
            lowered = word.lower()
            if word.isalpha() and lowered not in stops and lowered not in SCALES:
                ceiling = UPPER_RE.search(text[max(0, match.start() - BOUND_REACH) : match.start()])
                found.append((segment.stem(lowered), value, ceiling is not None))
                break
    return found


def fits(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]]) -> bool:
    """Every value ``a`` gives is allowed by one that ``b`` gives."""
    return all(any(lo <= hi2 and lo2 <= hi for lo2, hi2 in b) for lo, hi in a)
