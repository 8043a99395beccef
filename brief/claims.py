"""What a sentence claims, read literally: its figures, its polarity, who acts, what it quotes.

Another outlet's sentence states an item's claim (``agree``) when it gives every figure of the
item, both affirm or both deny, they do not name different actors first, and a quote quotes the
same words. An outlet is cited for
an item only when its sentence agrees with the item (select.groups); sentences about the same
fact that give other figures are the versions of "Where sources differ" (``differ``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

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
NEGATION_RE = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot)\b|n[’']t\b", re.IGNORECASE
)
QUOTATION_RE = re.compile(r"[“\"]([^”\"]+)[”\"]")
# Calendar words are capitalised but name no actor.
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)
# Whole numbers in this range are read as years when versions are compared.
YEARS = (1900, 2100)
# What a figure counts is named within this many characters after it ("27 of its 29 North
# American assembly plants": the first content word, "North", stands for the thing counted).
UNIT_REACH = 40
MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# The shorter quotation's words must be this share of the longer one's: room for a dropped
# word or an outlet's [bracketed] edit, none for a different quotation (chosen by reading the
# cross-outlet quote pairs of the seeds and of DUC 2004 cluster briefs).
SAME_QUOTE = 0.8


def figures(text: str) -> frozenset[float]:
    """The numbers a sentence states, normalised: "7,000" = "7000", "two" = "2",
    "$1.2 billion" = "1.2 billion dollars"."""
    return frozenset(_value(match) for match in FIGURE_RE.finditer(text))


def _value(match: re.Match[str]) -> float:
    token = match.group(1).lower().replace(",", "")
    value = NUMBER_WORDS[token] if token in NUMBER_WORDS else float(token)
    return value * SCALES[match.group(2).lower()] if match.group(2) else value


def negated(text: str) -> bool:
    """True when the sentence holds a "not", "never", "no", "n't" …"""
    return bool(NEGATION_RE.search(text))


def actor(sentence: Sentence, names: Collection[str]) -> str | None:
    """The first person or organisation the sentence names (a capitalised word that is not its
    opening word, or an opening word known as a name elsewhere), as a stand-in for its subject."""
    for i, word in enumerate(sentence.words):
        word = re.sub(r"[’']s$", "", word)
        if not word[:1].isupper() or word in CALENDAR:
            continue
        if i > 0 or word in names:
            return word
    return None


def names(sentences: Collection[Sentence]) -> frozenset[str]:
    """Words written capitalised inside sentences, stop words aside: names, not openers."""
    from brief import segment

    stops = segment.stop_words()
    return frozenset(
        word
        for s in sentences
        for word in (re.sub(r"[’']s$", "", w) for w in s.words[1:] if w[:1].isupper())
        if word.lower() not in stops
    )


def quotations(text: str) -> list[str]:
    return [" ".join(q.lower().split()) for q in QUOTATION_RE.findall(text)]


def _same_quotation(a: str, b: str) -> bool:
    """Both quote the same words; a direct quote ("“…,” she said") is supported only by the
    same quotation, while a claim with a quoted phrase may be stated in other words."""
    qa, qb = quotations(a), quotations(b)
    if not qa or not qb:
        return not (qa and _direct(a)) and not (qb and _direct(b))
    wa, wb = set(" ".join(qa).split()), set(" ".join(qb).split())
    return len(wa & wb) >= SAME_QUOTE * max(len(wa), len(wb))


def _direct(text: str) -> bool:
    return text.lstrip()[:1] in '“"'


def _named(word: str, other: Sentence) -> bool:
    return any(re.sub(r"[’']s$", "", w) == word for w in other.words)


def same_actor(a: Sentence, b: Sentence, known: Collection[str] = ()) -> bool:
    """False when each names a first actor that the other never mentions."""
    first_a, first_b = actor(a, known), actor(b, known)
    if first_a is None or first_b is None:
        return True
    return _named(first_a, b) or _named(first_b, a)


def agree(item: Sentence, other: Sentence, known: Collection[str] = ()) -> bool:
    """True when ``other`` states the claim of ``item``: every figure of the item, the same
    polarity, the same actor, and the same quotation."""
    return (
        figures(item.text) <= figures(other.text)
        and negated(item.text) == negated(other.text)
        and same_actor(item, other, known)
        and _same_quotation(item.text, other.text)
    )


def _years(values: frozenset[float]) -> frozenset[float]:
    return frozenset(v for v in values if v.is_integer() and YEARS[0] <= v <= YEARS[1])


# "reduced from 10 acres", "up from 231": a figure after "from" is the value before a change,
# which every outlet reporting the change may give or leave out; it is never a rival count.
CHANGE_FROM_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+|\$)?$", re.I)
CHANGE_REACH = 20


def counts(sentence: Sentence) -> dict[str, frozenset[float]]:
    """What each figure counts, by the first content word after it: "killed 60 people" ->
    {"peopl": {60}}, "27 of 29 plants" -> {"plant": {27, 29}}. Years count nothing, and
    neither does the old side of a change ("cut from 10 acres to three": only the three)."""
    from brief import segment

    stops = segment.stop_words()
    found: dict[str, set[float]] = {}
    text = sentence.text
    for match in FIGURE_RE.finditer(text):
        value = _value(match)
        if value.is_integer() and YEARS[0] <= value <= YEARS[1]:
            continue
        if CHANGE_FROM_RE.search(text[max(0, match.start() - CHANGE_REACH) : match.start()]):
            continue
        for word in segment.WORD_RE.findall(text[match.end() : match.end() + UNIT_REACH]):
            lowered = word.lower()
            if word.isalpha() and lowered not in stops and lowered not in SCALES:
                found.setdefault(segment.stem(lowered), set()).add(value)
                break
    return {unit: frozenset(values) for unit, values in found.items()}


def differ(a: Sentence, b: Sentence, known: Collection[str] = ()) -> bool:
    """True when ``a`` and ``b`` state one fact (the caller knows they share its words) with
    other figures: they count the same thing ("people", "plants") with other numbers, name no
    place or party the other lacks (else they are two events), and agree otherwise."""
    ca, cb = counts(a), counts(b)
    other_count = any(not (ca[u] <= cb[u] or cb[u] <= ca[u]) for u in ca.keys() & cb.keys())
    na, nb = _names_in(a), _names_in(b)
    return (
        other_count
        and (na <= nb or nb <= na)
        and negated(a.text) == negated(b.text)
        and _same_quotation(a.text, b.text)
    )


def _names_in(sentence: Sentence) -> frozenset[str]:
    return frozenset(
        re.sub(r"[’']s$", "", w)
        for w in sentence.words[1:]
        if w[:1].isupper() and w not in CALENDAR and w.rstrip(".") not in MONTHS
    )
