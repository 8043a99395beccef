"""The lede and the headline: the central event in its latest state, and a title that states it.

The lede is an opening sentence (one of the first ``OPENING_SENTENCES`` of its article) of one of
the newest articles, current news by its time (sections.kind), stated rather than asked or
quoted, with a named subject and a finite verb. Of those, the one that covers most of the story's
important concepts leads: a term's weight is the share of the story's articles that use it.

The headline is the article title that best states the lede's event (at most
``HEADLINE_MAX_WORDS`` words, sharing concepts with the lede); without one, the lede's main
clause, verbatim: an opening phrase before the subject and trailing clauses are cut away.
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
# A headline reads in one glance (issue 10: at most 14 words).
HEADLINE_MAX_WORDS = 14
# Shortest main clause worth a headline: subject, verb and object.
HEADLINE_MIN_WORDS = 4
# A title states the lede's event when it shares at least this many of its concepts.
TITLE_MIN_SHARED = 1

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
    "struck met sent got held led ran saw set shot sought spent stood thought told wrote".split()
)
NAME_RE = re.compile(r"[A-Z]")
CLAUSE_END_RE = re.compile(
    r",\s+(?:which|who|whose|where|while|as|after|before|because|although|though|but|and|"
    r"saying|said|according|when|amid|following|despite|in|with|officials|police)\b|"
    r"\s+[—–]\s+|\s+--?\s+|\s+_\s+|;|:|\s+(?:after|because|while|although|amid|following|"
    r"despite|saying|which|who|as|when)\s+"
)
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
    return sum(weight.get(t, 0.0) for t in set(sentence.terms))


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
    if tokens and tokens[0].lower() in INTRODUCERS and "," in text:
        return segment.words(text[text.index(",") + 1 :])
    return tokens


def named_subject(text: str) -> bool:
    """A named subject before a finite verb: "Hurricane Mitch killed…", not "It was…" nor
    "The announcement from Beijing came…" (a noun pointing back at news told before)."""
    tokens = _main_words(text)
    for k, token in enumerate(tokens):
        if _finite(token, tokens[k - 1] if k else ""):
            head = list(tokens[:k])
            for j, word in enumerate(head):
                if j and word.lower() in HEAD_ENDS:
                    head = head[:j]
                    break
            return (
                bool(head)
                and head[0].lower() not in PRONOUNS
                and (any(NAME_RE.match(w) for w in head[1:]) or head[0].lower() not in DETERMINERS)
            )
    return False


# The head of a subject ends where a phrase after it starts ("The announcement | from Beijing").
HEAD_ENDS = frozenset(
    "of from in on at for with by to over under about after before amid as during near since into "
    "against between among across through without within".split()
)
DETERMINERS = frozenset("the a an this that these those some many several its their".split())


def _finite(token: str, before: str) -> bool:
    low = token.lower()
    if token[:1].isupper():
        return False
    if low in AUXILIARIES or (low.endswith("ed") and len(low) > 4):
        return True
    # "Beijing claims…": a present-tense verb right after a name.
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and before[:1].isupper()


def headline(lede: str, titles: Sequence[tuple[int, str]], weight: dict[str, float]) -> str:
    """The best title stating the lede's event; else the lede's main clause, verbatim."""
    lede_terms = set(segment.terms(segment.words(lede)))
    best: tuple[float, int, str] | None = None
    for rank, title in titles:
        title_terms = set(segment.terms(segment.words(title)))
        shared = title_terms & lede_terms
        if (
            len(title.split()) > HEADLINE_MAX_WORDS
            or title.rstrip().endswith("?")
            or len(shared) < TITLE_MIN_SHARED
            or shouted(title)
        ):
            continue
        value = sum(weight.get(t, 0.0) for t in shared) / math.sqrt(len(title_terms))
        key = (-value, rank, title)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else main_clause(lede)


# A title whose letters are mostly capitals is a wire slug or section header ("SCIENCE: IT'S
# NOT JUST EVOLUTION"), not a headline to print: a headline in capitals also reads as shouting.
SHOUTED_SHARE = 0.6


def shouted(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) > SHOUTED_SHARE * len(letters)


def main_clause(text: str) -> str:
    """A verbatim span of ``text``: its main clause, at most HEADLINE_MAX_WORDS words.

    The clause starts at the sentence's start or, after an opening phrase ("In London, where
    …, British lawyers argued…"), after one of its first commas; it runs from a subject through
    a finite verb (a relative clause between them is skipped in the search) to the first
    clause boundary, cut back to a phrase boundary when too long.
    """
    first = segment.words(text)[:1]
    starts = [0]
    if first and (first[0].lower() in INTRODUCERS or first[0].endswith(("ing", "ed"))):
        # After a comma, unless the comma opens an apposition ("Matthew Shepard, a student,").
        starts = sorted(
            m.end() for m in re.finditer(r"(?<!\S)(?:\S+,\s+(?!(?:a|an|the)\s)|[a-z]\S*,\s+)", text)
        )[:INTRO_COMMAS]
    for start in starts:
        found = _clause(text[start:])
        if found is not None:
            return found
    return _cut(text, 0).rstrip(" ,;:.!—–-_")


# An opening phrase holds at most this many commas ("In London, where …, lawyers argued").
INTRO_COMMAS = 3
RELATIVES = frozenset("who whom whose which where when while as after because although".split())


def _clause(body: str) -> str | None:
    tokens = [m.group().strip("\"“”‘’'(),;:") for m in re.finditer(r"\S+", body)]
    if not tokens or not (tokens[0][:1].isupper() or tokens[0] in ("a", "an", "the")):
        return None
    inside = False
    for k, token in enumerate(tokens[:HEADLINE_MAX_WORDS]):
        raw = body.split()[k]
        if k and token.lower() in RELATIVES and body.split()[k - 1].endswith(","):
            inside = True
        elif inside:
            inside = not raw.endswith(",")
        elif k and _finite(token, tokens[k - 1]):
            if not named_subject(" ".join(body.split()[: k + 1])):
                return None
            end = next(
                (
                    m.start()
                    for m in CLAUSE_END_RE.finditer(body)
                    if len(body[: m.start()].split()) > k + 1
                ),
                len(body),
            )
            return _cut(body[:end], k + 2).rstrip(" ,;:.!—–-_")
    return None


def _cut(body: str, least: int) -> str:
    """``body`` cut to HEADLINE_MAX_WORDS words at the last phrase boundary not before ``least``."""
    words = body.split()
    if len(words) <= HEADLINE_MAX_WORDS:
        return body
    cut = max(
        (k for k in range(max(least, HEADLINE_MIN_WORDS), HEADLINE_MAX_WORDS + 1)
         if words[k].lower() in PHRASE_START or words[k - 1].endswith(",")),
        default=HEADLINE_MAX_WORDS,
    )  # fmt: skip
    return _prefix(body, cut)


def _prefix(text: str, n: int) -> str:
    """The first ``n`` white-space separated words of ``text``, as written."""
    found = list(re.finditer(r"\S+", text))
    return text[: found[n - 1].end()] if len(found) >= n else text
