"""The lede: the central event in its latest state (the headline that states it: brief.headline).

The lede is an opening sentence (one of the first ``OPENING_SENTENCES`` of its article) of one of
the newest articles, current news by its time (sections.kind), stated rather than asked or
quoted, with a named subject and a finite verb. Of those, the one that covers most of the story's
important concepts leads: a term's weight is the share of the story's articles that use it. A
sentence that lists names or sets a feature's scene (``tells``) leads only when no other can, and
an older article's opener only when no newest article has one that tells the news and covers
``LATEST_MIN_COVERAGE`` of what the best opener covers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from brief import segment
from brief.models import Corpus, Sentence

# A lede is one of the first sentences of an article: where reporters state the news.
OPENING_SENTENCES = 3
# Ledes shorter than this are teasers ("What just happened?" is also a question).
LEDE_MIN_WORDS = 12
# The newest articles the lede may come from: this share of the dated articles, newest first
# (at least one, and every article of that day). Lede ROUGE-2 on DUC 2004 / 2006 (bench
# sweep): a third 3.59 / 1.48, a half 3.72 / 1.61, the newest article's first sentence 2.86 /
# 0.99. Read, a half reaches back to older states ("Pinochet was detained … on Oct. 16" once
# his lawyers were in court; Republicans' post-election recriminations once Gingrich was
# driven from office): a third, at a small cost in ROUGE on both sets.
NEWEST_SHARE = 1 / 3

# A newest article's opener leads only while it covers at least this share of the concepts the
# best opener of any article covers (coverage × √outlets); below it, it tells a side
# development ("Prime Minister Mahathir, 72, said he could 'drop dead'" in the story of his
# deputy's arrest) and an older opener that states the main news leads. Lede ROUGE-2 on DUC
# 2004 / 2006 (bench/editorial.py): none 3.99 / 1.24, 0.5 3.99 / 1.28, 0.6 4.00 / 1.27,
# 0.67 4.08 / 1.30, 0.8 4.75 / 1.41. Read, 0.6 mends 5 ledes and spoils 1; from 0.67 older
# states displace the latest (Yeltsin back at the Kremlin; a salmon accord signed).
LATEST_MIN_COVERAGE = 0.6

PRONOUNS = frozenset(
    "i you he she it we they this that these those there his her its their one who what".split()
)
# Words that open a phrase before the subject: "In a move that…, Chinese authorities have…".
INTRODUCERS = frozenset(
    "in on at after before when while as with despite following amid during for although though "
    "if because since by under from over until once unlike like according".split()
)
AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might shall should must does do did "
    "said says say told tells won lost took made gave went came left fell rose hit began "
    "struck met sent got held led ran saw set shot sought spent stood thought told wrote "
    "died fled".split()  # "died" and "fled" are too short for the "-ed" test (finite)
)
NAME_RE = re.compile(r"[A-Z]")
PHRASE_START = frozenset(
    "in on at for from to over with by of into after and but as amid that whether who which".split()
)


def weights(corpus: Corpus) -> dict[str, float]:
    """The story's important concepts: each term's share of the articles that lead with it
    (in their title or opening sentences). What articles lead with is the event; what they
    share further down is the background two stories have in common (brief.daily.stories)."""
    seen: dict[str, set[int]] = {}
    for s in corpus.sentences:
        if s.position < OPENING_SENTENCES:
            for term in s.terms:
                seen.setdefault(term, set()).add(s.article)
    for i, article in enumerate(corpus.articles):
        for term in segment.terms(segment.words(article.title or "")):
            seen.setdefault(term, set()).add(i)
    n = max(1, len(corpus.articles))
    return {term: len(arts) / n for term, arts in seen.items()}


def coverage(sentence: Sentence, weight: dict[str, float]) -> float:
    """How much of the story's important concepts a sentence covers."""
    return math.fsum(weight.get(t, 0.0) for t in set(sentence.terms))  # exact: any order


def newest_articles(dates: Sequence[dt.date | None]) -> frozenset[int]:
    """The articles the lede may come from: the newest share of the dated ones, or all."""
    dated = sorted((d, -i) for i, d in enumerate(dates) if d is not None)
    if not dated:
        return frozenset(range(len(dates)))
    keep = max(1, math.ceil(len(dated) * NEWEST_SHARE))
    cutoff = dated[-keep][0]
    return frozenset(i for i, d in enumerate(dates) if d is not None and d >= cutoff)


def opener(sentence: Sentence) -> bool:
    """An opening sentence, long enough, stated (not asked), not a quotation."""
    text = sentence.text.lstrip()
    return (
        sentence.position < OPENING_SENTENCES
        and len(sentence.words) >= LEDE_MIN_WORDS
        and not text.startswith(("“", '"', "‘", "'"))
        and not text.rstrip("”\"' ").endswith("?")
    )


def _main_words(text: str) -> tuple[str, ...]:
    """The words of the main clause onwards: an opening phrase up to its comma is skipped."""
    tokens = segment.words(text)
    low = [t.lower() for t in tokens[:2]]
    if "," in text and low and (low[0] in INTRODUCERS or participle(low, 0)):
        return segment.words(text[text.index(",") + 1 :])  # "Addressing a meeting, he said"
    return tokens


def named_subject(text: str) -> bool:
    """A named subject before a finite verb: "Hurricane Mitch killed…", not "It was…" nor
    "The announcement from Beijing came…" (a noun pointing back at news told before)."""
    tokens = _main_words(text)
    for k, token in enumerate(tokens):
        if finite(token, tokens[k - 1] if k else ""):
            return _named(tokens[:k])
    return False


def _named(subject: Sequence[str]) -> bool:
    """A subject that names its doer: not a pronoun, not "the announcement" (of what?)."""
    head = list(subject)
    for j, word in enumerate(head):
        if j and word.lower() in HEAD_ENDS:
            head = head[:j]
            break
    return (
        bool(head)
        and head[0].lower() not in PRONOUNS
        and (any(NAME_RE.match(w) for w in head[1:]) or head[0].lower() not in DETERMINERS)
    )


# The head of a subject ends where a phrase after it starts ("The announcement | from Beijing").
HEAD_ENDS = frozenset(
    "of from in on at for with by to over under about after before amid as during near since into "
    "against between among across through without within".split()
)
DETERMINERS = frozenset("the a an this that these those some many several its their".split())


def participle(low: list[str], s: int) -> bool:
    """An opening participle phrase ("Rejecting a …", "Weakened by …"), not a gerund subject
    ("Voting continues") nor a name ("King Norodom")."""
    after = low[s + 1] if s + 1 < len(low) else ""
    return (low[s].endswith("ed") and len(low[s]) > 4 and after in PHRASE_START) or (
        low[s].endswith("ing") and after in DETERMINERS | PHRASE_START
    )


def finite(token: str, before: str) -> bool:
    low = token.lower()
    if token[:1].isupper():
        return False
    if low in AUXILIARIES or (low.endswith("ed") and len(low) > 4):
        return True
    # "Beijing claims…": a present-tense verb right after a name.
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and before[:1].isupper()


def candidates(
    corpus: Corpus, dates: Sequence[dt.date | None], weight: dict[str, float]
) -> list[int]:
    """Sentences a headline may be cut from, best first: openers with a named subject, the
    newest articles' before the others, then any other stated sentence (a story's openers
    may all be too long in the subject for a headline: "Matthew Shepard, the gay student who
    was beaten …, was mourned"); each tier by the concepts it covers (ties: article, position)."""
    recent = newest_articles(dates)
    found = [
        (
            not (opener(s) and named_subject(s.text)),
            s.article not in recent,
            -coverage(s, weight),
            s.article,
            s.position,
            i,
        )
        for i, s in enumerate(corpus.sentences)
        if _stated(s.text)
    ]
    return [i for *_, i in sorted(found)[:CANDIDATES]]


# Sentences a headline may fall back on. DUC stories have 5 to 24 openers with a named subject;
# the clause chosen was at rank 14 at most. A cap keeps a story of thousands of articles from
# reading them all.
CANDIDATES = 30


def _stated(text: str) -> bool:
    """Told by the writer: not a quotation, not a question."""
    text = text.lstrip()
    return not text.startswith(("“", '"', "‘", "'")) and not text.rstrip("”\"' ").endswith("?")


# A sentence that lists this many capitalised items ("Volvo, Mitsubishi, Kia and Subaru", six
# states "received the highest rank") lists rather than tells what happened. Chosen by reading:
# the DUC ledes that were lists named 6 items; real ledes name two or three parties at most.
LIST_ITEMS = 4
_ITEM = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)*"
LIST_RE = re.compile(rf"{_ITEM}(?:, {_ITEM}){{{LIST_ITEMS - 2},}},? and {_ITEM}")
# How a feature sets its scene before the news: an anecdote ("When other kids were reading…",
# "Like many other schools…") or the reader addressed ("Maybe you've thought…"). Kept to these
# two openers: "For the first time…" and "Now…" also open hard news (bench/editorial.py, read).
ANECDOTE_OPENERS = ("When ", "Like ")
READER_RE = re.compile(r"\byou(?:r|'ve|'re|'d|'ll|’ve|’re|’d|’ll)?\b", re.IGNORECASE)
# A comparison with what the reader has not been told points back at an earlier sentence: "has
# received five similar packages", "such threats" (not "such as", which lists).
BACK_RE = re.compile(r"\b(?:similar|such(?! as\b))\b", re.IGNORECASE)


def tells(text: str) -> bool:
    """Whether a sentence tells news: not a list of names, not a feature's scene-setting."""
    return (
        LIST_RE.search(text) is None
        and not text.lstrip().startswith(ANECDOTE_OPENERS)
        and READER_RE.search(text) is None
        and BACK_RE.search(text) is None
    )
