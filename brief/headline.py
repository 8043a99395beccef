"""The headline: a title or a clause that states the lede's event.

The headline is the title that best states the lede's event (at most ``HEADLINE_MAX_WORDS``
words): one of the articles that carry the lede, else another that shares half its concepts.
Without one, it is the clause of the lede that reads as a headline (best_span): a verbatim span
with a named subject and its own finite verb that ends on a complete phrase; else such a clause
of the next lede candidate (candidates). The tests of a span are word lists, not a parser: no
tagger runs without downloaded data, and a headline need only be a clause a reader can trust.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

from brief import segment
from brief.lede import (
    AUXILIARIES,
    DETERMINERS,
    INTRODUCERS,
    NAME_RE,
    PHRASE_START,
    PRONOUNS,
    finite,
    participle,
)

# A headline reads in one glance (issue 10: at most 14 words).
HEADLINE_MAX_WORDS = 14
# Shortest clause worth a headline: a subject, its verb and one word more ("Mayor Lee resigned").
HEADLINE_MIN_WORDS = 3


def headline(
    ledes: Sequence[str],
    titles: Sequence[tuple[int, str]],
    weight: dict[str, float],
    own: Sequence[str] = (),
) -> str:
    """The headline of a brief led by ``ledes[0]`` (``ledes[1:]``: the next-best candidates).

    Of the ``own`` titles (of the articles that carry the lede), the one that states the lede's
    event best; else such a title of the others (``titles``: rank, title), which must share
    half its concepts with the lede; else the best clause of the lede (best_span), or of the
    next candidates; else the lede cut at a phrase boundary.
    """
    lede_terms = set(segment.terms(segment.words(ledes[0])))
    for share, pool in ((0.0, list(enumerate(own))), (TITLE_STATES_SHARE, titles)):
        best: tuple[float, int, str] | None = None
        for rank, title in pool:
            found = _usable(title)
            title_terms = _terms(found or "")
            shared = title_terms & lede_terms
            if not found or len(shared) < max(TITLE_MIN_SHARED, share * len(title_terms)):
                continue
            value = math.fsum(weight.get(t, 0.0) for t in shared) / math.sqrt(len(title_terms))
            key = (-value, rank, found)
            best = key if best is None or key < best else best
        if best is not None:
            return best[2]
    first = _best(ledes[0], weight)
    if first is not None:
        return first[1]
    spans = [_best(text, weight) for text in ledes[1:]]
    # Else the clause of another candidate that covers most of the story's concepts, first of
    # those that tell the lede's event.
    others = [
        (len(_terms(text) & lede_terms - _time_terms()) < SPAN_MIN_SHARED, key, rank, text)
        for rank, (key, text) in enumerate(filter(None, spans))
    ]
    if others:
        return min(others)[3]
    return _fallback(ledes[0])  # no clause of any candidate reads as a headline


# A title states the lede's event when it shares a concept with it (the title of an article
# that carries the lede) or, another article's title, at least half of its concepts. Read on
# the DUC 2006 titles: "Spaniard Pole Vaulter Fails Doping Test" shares one of six with a lede
# about Marion Jones (another event); the stories' own headlines share half or more.
TITLE_MIN_SHARED = 1
TITLE_STATES_SHARE = 0.5
# Another candidate's clause heads the brief first when it shares this many concepts with the
# lede: a subject and its event ("Congolese rebels said they had entered Kindu" for a lede on
# rebels and government forces; not "Kasuku wa Ngeyo had a farm"). Read on DUC 2004, held on
# DUC 2006.
SPAN_MIN_SHARED = 2
# Wire flags that open a title ("URGENT Canada's Top Court Rules…"): not part of the headline.
WIRE_FLAGS = frozenset("URGENT BULLETIN FLASH ADVISORY CORRECTION CORRECTED UPDATE REPEAT".split())


def _terms(text: str) -> set[str]:
    return set(segment.terms(segment.words(text)))


def _usable(title: str) -> str | None:
    """``title`` without a wire flag, when it can be printed as a headline."""
    first, _, rest = title.strip().partition(" ")
    title = rest if first.rstrip(":") in WIRE_FLAGS and rest else title.strip()
    if len(title.split()) > HEADLINE_MAX_WORDS or title.endswith("?") or shouted(title):
        return None
    return title or None


# A title whose letters are mostly capitals is a wire slug or section header ("SCIENCE: IT'S
# NOT JUST EVOLUTION"), not a headline to print: a headline in capitals also reads as shouting.
SHOUTED_SHARE = 0.6


def shouted(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) > SHOUTED_SHARE * len(letters)


def _fallback(text: str) -> str:
    """The lede from its main clause's start, cut at a phrase boundary."""
    found = list(re.finditer(r"\S+", text))
    raw = [m.group() for m in found]
    starts = _starts(raw, _lows(raw)) if raw else []
    body = text[found[starts[0]].start() :] if starts else text
    cut = _cut(body).rstrip(" ,;:.!—–-_")
    return cut[:1].upper() + cut[1:]


def _cut(body: str) -> str:
    """``body`` cut to HEADLINE_MAX_WORDS words at its last phrase boundary."""
    words = body.split()
    if len(words) <= HEADLINE_MAX_WORDS:
        return body
    cut = max(
        (k for k in range(HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS + 1)
         if words[k].lower() in PHRASE_START or words[k - 1].endswith(",")),
        default=HEADLINE_MAX_WORDS,
    )  # fmt: skip
    return _prefix(body, cut)


# ---------------------------------------------------------------------------------------------
# A headline from a sentence: its best span that reads as one (issue 10, item 5).

# An opening phrase holds at most this many commas ("In London, where …, lawyers argued").
INTRO_COMMAS = 3
# Words after which a clause opens that needs its own verb within the headline.
CLAUSE_OPENERS = frozenset("that who whom whose which whether".split())
# A fronted clause: its verb is not the sentence's ("Six months after Clinton traveled, …").
SUBORDINATORS = frozenset(
    "after before when while because although though since until unless once if whereas".split()
)
RELATIVE_STARTS = frozenset("who whom whose which where".split())
# A reporting verb: "X said (Sunday) (that) Y" reports the clause Y.
SPEECH = frozenset(
    "said says say told tells reported reports announced announces confirmed confirms added stated "
    "declared insisted argued warned predicted acknowledged admitted claimed".split()
)
# A verb that cannot end a headline without its object ("…confirmed Friday", "…met").
NEEDS_OBJECT = SPEECH | frozenset(
    "met meets praised praises urged urges asked asks called calls named names signed signs "
    "gave gives sent sends made makes took takes resulted results consisted consists depended "
    "depends relied relies referred refers belonged belongs amounted amounts stemmed stems".split()
)
# A headline names what it tells: these point at something said before it ("called it").
POINTERS = frozenset("it him them here".split())
# Nouns whose "that" clause is what they say: "followed reports | that …", "the first time | that".
CONTENT_NOUNS = frozenset(
    "reports report claims allegations fears hopes news word rumors suggestions signs evidence "
    "belief fact announcement statement assurances warning warnings time".split()
)
# A headline never ends on these: a phrase or clause that has only begun.
BAD_END = (
    PHRASE_START
    | CLAUSE_OPENERS
    | DETERMINERS
    | (
        AUXILIARIES
        - NEEDS_OBJECT
        - {"won", "lost", "fell", "rose", "left", "came", "went", "died", "fled"}
    )
    | frozenset(
        "a an and or nor but to not no his her our my your up about than very more most its "
        "be been being able unable likely unlikely due ready poised comparable similar equal "
        "close subject prior related according known expected supposed bound".split()
    )
)
# ... nor right before "of" after a quantity ("to identify more | of the victims").
QUANTITIES = frozenset("more most some many much all none each any both half few several".split())
# Time words carry no news in a headline: a span may end before them and they count for nothing.
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight night "
    "morning afternoon evening week weekend month year last this next late early earlier "
    "january february march april may june july august september october november december".split()
)
# ... and a time phrase starts with these ("… Monday night", "… last week"; not "a long night").
TIME_STARTS = TIME_WORDS - frozenset(
    "night morning afternoon evening week weekend month year".split()
)
TIME_UNITS = frozenset("minutes hours days weeks months years decades".split())
SEPARATORS = frozenset("_ - -- — –".split())
BARE = "\"“”‘’'()[],;:!?"


Key = tuple[float, int, int, int, int]


def best_span(text: str, weight: dict[str, float]) -> str | None:
    """The span of ``text`` that best states its news as a headline, or None.

    A contiguous span (first letter capitalised) of at most HEADLINE_MAX_WORDS words, with a
    named subject and its finite verb, ending on a complete phrase: where a clause or phrase
    ends, never inside a name, an aside or a clause that has not got its verb. Of those, the one
    covering most of the story's concepts, then the shortest (a trailing "on Friday" adds none).
    """
    best = _best(text, weight)
    return best[1] if best is not None else None


def _best(text: str, weight: dict[str, float]) -> tuple[Key, str] | None:
    """best_span, with its rank: (-coverage, -terms, words, start, end)."""
    found = list(re.finditer(r"\S+", text))
    raw = [m.group() for m in found]
    low = _lows(raw)
    if not raw:
        return None
    best: Key | None = None
    for s, k in ((i, k) for i in _starts(raw, low) for k in _main_verbs(raw, low, i)):
        first = raw[s].lstrip(BARE)
        if not _names([w.strip(BARE) for w in raw[s:k]]):
            continue
        if not (first[:1].isupper() or first[:1].isdigit() or low[s] in ("the", "a", "an")):
            continue  # a subject starts with a name, a figure or an article
        if participle(low, s) or low[s] in JOINS | DEMONSTRATIVES:
            continue  # "Weakened by a cold yet animated": a phrase before the subject; "But …";
            # "That man, James Kopp, has…" points back at a sentence the headline lacks
        last = min(len(raw), s + HEADLINE_MAX_WORDS)
        for e in range(max(k + 1, s + HEADLINE_MIN_WORDS), last + 1):
            if _complete(raw, low, s, k, e):
                terms = _terms(text[found[s].start() : found[e - 1].end()]) - _time_terms()
                value = math.fsum(weight.get(t, 0.0) for t in terms)
                key = (-value, -len(terms), e - s, s, e)
                best = key if best is None or key < best else best
    if best is None:
        return None
    s, e = best[3], best[4]
    out = text[found[s].start() : found[e - 1].end()].rstrip(",;:")
    if out.endswith(".") and not re.search(r"(?:^|\s)(?:\S\.)+$|\b[A-Z][a-z]{0,3}\.$", out):
        out = out[:-1]  # the sentence's stop, not "U.S." nor "Corp."
    return best, out[:1].upper() + out[1:]


def _names(subject: Sequence[str]) -> bool:
    """A headline's subject names its doer: not a pronoun, and a name or a noun without an
    article ("The fate of Augusto Pinochet", "Hunger and malnutrition"; not "The talks")."""
    low = [w.lower() for w in subject]
    return (
        bool(low)
        and not PRONOUNS & set(low) - {"that", "one", "this", "these", "those", "its", "their"}
        and (any(NAME_RE.match(w) for w in subject[1:]) or low[0] not in DETERMINERS)
    )


def _lows(raw: list[str]) -> list[str]:
    """Words as compared: lower case, without quotes, brackets or a final stop."""
    return [w.strip(BARE).rstrip(".").strip(BARE).lower() for w in raw]


@functools.cache
def _time_terms() -> frozenset[str]:
    return frozenset(segment.terms(tuple(TIME_WORDS)))


def _starts(raw: list[str], low: list[str]) -> list[int]:
    """Where a headline may start: the sentence's start; after an opening phrase's comma; the
    clause a reporting verb reports ("said Sunday that | the fate …")."""
    opens = low[0] in INTRODUCERS or low[0] in SUBORDINATORS or participle(low, 0)
    starts = [] if opens else [0]
    if opens or _main_verb(raw, low, 0) is None:
        commas = [i for i in range(1, len(raw)) if raw[i - 1].endswith(",")]
        starts += [
            i for i in commas[:INTRO_COMMAS]
            if not (low[i] in ("a", "an", "the") and raw[i - 1][:1].isupper())  # an apposition
        ]  # fmt: skip
    for i in {_main_verb(raw, low, s, len(raw)) for s in starts}:
        if i is not None and low[i] in SPEECH:  # the clause the sentence reports
            j = i + 1
            while j < len(low) and (low[j] in TIME_WORDS or low[j] == "on"):
                j += 1
            starts.append(j + (j < len(low) and low[j] == "that"))
    return sorted({i for i in starts if i < len(raw)})


def _main_verb(
    raw: list[str], low: list[str], s: int, reach: int = HEADLINE_MAX_WORDS
) -> int | None:
    """The finite verb of the clause starting at ``s``, or None."""
    found = _main_verbs(raw, low, s, reach)
    return found[-1] if found else None


def _main_verbs(
    raw: list[str], low: list[str], s: int, reach: int = HEADLINE_MAX_WORDS
) -> list[int]:
    """Where the finite verb of the clause starting at ``s`` may be: not inside an aside set
    off by commas ("Gingrich, who orchestrated …, was driven") nor after a fronted
    subordinator. A present tense in -s may be a plural noun ("FBI agents this week began"), a
    past in -ed a participle ("currents associated with El Nino are"): the search goes on to
    the first verb that is surely one."""
    found: list[int] = []
    commas = 0
    relative = told = False  # inside a relative clause; it has had its verb
    for i in range(s, min(len(raw), s + reach)):
        if i > s and raw[i - 1].endswith(","):
            commas += 1
            relative = relative and not told  # "a move that, because of …, could tie": open
        if relative and not commas % 2:
            told = told or _verb(raw, low, i)
        if relative or commas % 2:
            continue
        if (low[i] in RELATIVE_STARTS or low[i] in CLAUSE_OPENERS) and i > s:
            relative, told = True, False  # "Gingrich, who orchestrated …,", "a party that turned"
        elif low[i] in SUBORDINATORS and i > s:
            return found
        elif i > s and _verb(raw, low, i):
            if low[i] in TRUE_AUXILIARIES:
                if found and PRONOUNS & set(low[found[-1] + 1 : i]):
                    return found  # "defied orders and quashed rumors he is ill"
                return [i]  # "currents associated with El Nino are": a participle before it
            if _present(low, i) and _plural(low[s:i]):
                continue  # "the 10 board members": a plural subject takes no "-s" verb
            if low[i] in AUXILIARIES or low[i].endswith("ed"):
                # "the board members on Wednesday left": an "-s" word before a past tense with
                # nothing joining them was a noun ("members approved and signs" joins two verbs)
                found = [f for f in found if not _present(low, f) or JOINS & set(low[f:i])]
            found.append(i)
            if low[i] in AUXILIARIES:
                return found
    return found


# A subject with a count of more than one is plural ("10 members", "two companies").
PLURALS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozens hundreds thousands "
    "both several many few".split()
)
JOINS = frozenset("and or but nor".split())
DEMONSTRATIVES = frozenset("this that these those".split())


def _plural(subject: list[str]) -> bool:
    """A count of more than one ("10", "1,000", "two"; not a year such as "1998")."""
    return any(
        w in PLURALS or (w.replace(",", "").isdigit() and w != "1" and not YEAR_RE.match(w))
        for w in subject
    )


YEAR_RE = re.compile(r"(?:1[89]|20)\d\d$")


def _present(low: list[str], i: int) -> bool:
    """A present tense in "-s" ("claims", "members"): the verb form a plural noun shares."""
    return low[i].endswith("s") and low[i] not in AUXILIARIES


def _verb(raw: list[str], low: list[str], i: int) -> bool:
    """A finite verb (finite), read more strictly than for a lede: a present tense after a
    name needs its object next ("Beijing claims the …", not "Rwandan refugees and"); a past
    participle after an article or a number is an adjective ("the embattled", "a hundred")."""
    word, before = raw[i].strip(BARE), raw[i - 1].strip(BARE)
    if not finite(word, before) or word.endswith(","):
        return False
    if low[i] in AUXILIARIES:
        return True
    if low[i].endswith("ed"):
        return low[i - 1] not in DETERMINERS and low[i] not in NOT_VERBS
    if low[i - 1] in NUMBERS:
        return False  # "Six months after"
    after = raw[i + 1].lstrip(BARE) if i + 1 < len(raw) else ""
    return bool(after) and (
        after[:1].isupper() or after[:1].isdigit() or low[i + 1] in OBJECT_STARTS
    )


OBJECT_STARTS = DETERMINERS | frozenset(
    "to on in at for with from into over by up out back".split()
)
TRUE_AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might shall should must does do "
    "did".split()
)
NOT_VERBS = frozenset("hundred indeed naked sacred wicked speed need seed bed red".split())
NUMBERS = frozenset("two three four five six seven eight nine ten eleven twelve many few".split())


def _complete(raw: list[str], low: list[str], s: int, k: int, e: int) -> bool:
    """Whether raw[s:e] (main verb at k) ends on a complete phrase with every clause whole."""
    last = raw[e - 1]
    if (
        not low[e - 1]
        or low[e - 1] in BAD_END
        or last.rstrip(BARE + ".").endswith(("'s", "’s", "s'", "s’"))
    ):
        return False
    inside = raw[s:e]
    text = " ".join(inside)
    if any(w in SEPARATORS for w in inside) or text.count("“") != text.count("”"):
        return False
    if text.count('"') % 2 or text.count("(") != text.count(")"):
        return False
    if POINTERS & set(low[s:e]):
        return False  # "President Clinton called it an “astonishing” triumph"
    if {"he", "she", "his", "her"} & set(low[s:e]) and not any(
        NAME_RE.match(w) for w in raw[s + 1 : k]
    ):
        return False  # "officials say he is not a suspect": who?
    if s and low[s - 1] in SPEECH | {"that"} and ("“" in text or '"' in text):
        return False  # a reported clause in the speaker's words is the speaker's view
    verbs = [k] + [i for i in range(k + 1, e) if _verb(raw, low, i)]
    opened = [i for i in range(k + 1, e) if low[i] in CLAUSE_OPENERS]
    if any(low[i + 1] in SUBORDINATORS for i in opened if i + 1 < e):
        return False  # "say that if Clinton would admit perjury": the clause is still to come
    opened += [k] if low[k] in SPEECH else []
    if opened and not any(v > max(opened) for v in verbs):
        return False  # "said Sunday that the fate", "said the forces"
    tail = e - 1
    while tail > k and low[tail] in TIME_WORDS | {"on"}:
        tail -= 1
    if low[tail] in BAD_END or (low[tail] in NEEDS_OBJECT and tail in verbs):
        return False  # "confirmed Friday", "met", "were able Saturday"
    if tail == verbs[-1] and s and raw[s - 1].endswith(",") and e == len(raw):
        return False  # an attribution after the news: "…, a new study has found."
    if e == len(raw) or last[-1] in ",;:" or raw[e] in SEPARATORS:
        return True
    if any(w.endswith(",") for w in raw[k : e - 1]):
        return False  # an aside after the verb that the span does not close
    after = raw[e].lstrip(BARE)
    if low[e - 1] in TIME_WORDS and low[e] in TIME_WORDS:
        return False  # "Monday | night"
    if low[e - 1] in TIME_UNITS and low[e] in ("before", "after", "ago", "earlier", "later"):
        return False  # "two weeks | before his arrest"
    if not after or (after[:1].isupper() and low[e] not in TIME_STARTS) or after[:1].isdigit():
        return False  # inside a name or a figure: "met Libyan leader | Moammar Gadhafi"
    if low[e] == "of":  # "to identify more | of", "the fate | of", "a long night | of debate"
        return (
            low[e - 1] not in QUANTITIES
            and not low[e - 1].endswith("ing")  # "a fax warning | of a pattern"
            and not {"a", "an", "the"} & set(low[e - 3 : e - 1])
        )
    if low[e] == "that" and (low[e - 1] in CONTENT_NOUNS or {"so", "such"} & set(low[k:e])):
        return False  # "followed reports | that …", "had won so many victories | that …"
    if low[e] == "by" and low[e - 1].endswith("ed") and e - 1 != k:
        return False  # "guarantees promised | by Hun Sen"
    j = next((j for j in range(e, len(low)) if low[j] not in TIME_WORDS | {"on"}), e)
    if low[j] == "to" and low[tail - 1] in NEEDS_OBJECT | {"forced", "allowed"} and tail > k:
        return False  # "asked states (Monday) | to …", "urged Congress | to act"
    if low[e] in PHRASE_START | {"to"} and (
        e - 1 in verbs[1:] or (low[e - 1].endswith("ed") and low[e - 2] in JOINS)
    ):
        return False  # "remained in jail and adhered | to", "was beaten and tied | to"
    if low[e - 1].endswith("ing") or (e - 2 >= s and low[e - 2] in ("so", "too")):
        return False  # "accounts belonging | to", "the call was so hard | to bear"
    return low[e] in PHRASE_START | SUBORDINATORS | TIME_STARTS | {"to", "or", "nor"}


def _prefix(text: str, n: int) -> str:
    """The first ``n`` white-space separated words of ``text``, as written."""
    found = list(re.finditer(r"\S+", text))
    return text[: found[n - 1].end()] if len(found) >= n else text
