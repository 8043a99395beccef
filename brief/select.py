"""Scores -> chosen sentences: same-fact groups across outlets and budgeted, redundancy-free picks.

A *group* is one fact: the best-scored sentence and, from each other article, the sentence that
states the same thing (tf-idf cosine >= GROUP_COSINE) and the same claim (brief.claims.agree:
same figures, polarity, actor and quotation; the lead's names, verb and rare words). Items of
one brief never repeat each other: two sentences are redundant when they share half their words
or their cosine is high. Every order is broken explicitly by (-score, article, position), so
output is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from brief import claims
from brief.models import Corpus, Group, Sentence

# Two sentences from different outlets state the same fact when their tf-idf cosine is at least
# GROUP_COSINE and they share at least GROUP_OVERLAP of the shorter one's content terms. Chosen
# by reading every cross-outlet pair of the seeds above cosine 0.2: below 0.35, or with less
# than half the terms shared, pairs were about the same actors but not the same fact.
GROUP_COSINE = 0.35
GROUP_OVERLAP = 0.5
GROUP_HOPS = 2
# A sentence reached through another outlet's member must still be this close to the lead
# (and share GROUP_OVERLAP of its terms): chaining must not drift to a neighbouring fact.
HOP_LEAD_COSINE = 0.25
# Items sharing this share of the shorter one's words (or terms) say the same thing.
REDUNDANT_OVERLAP = 0.5
# 0.3: on the seeds, pairs above it restate one event ("Shares of local and Asian chipmakers
# rose…" / "Shares of some Chinese and South Korean chipmakers rose…").
REDUNDANT_COSINE = 0.3
# Sentences shorter than this carry no fact on their own ("It added more.").
MIN_WORDS = 6
# Longer than this, a "sentence" is a run-on list or a segmentation failure.
MAX_WORDS = 80

QUESTION_RE = re.compile(r"[?？][\"'”’)」』）]*$")
# Whole sentences only: a standfirst or caption with no closing punctuation is not an item.
COMPLETE_RE = re.compile(r"[.!?。！？][\"'”’)」』）]*$")


def word_count(text: str) -> int:
    """The words of an item as the budgets count them: white-space separated tokens."""
    return len(text.split())


def eligible(sentence: Sentence) -> bool:
    """A sentence that can stand alone as an item of a brief or summary."""
    n = len(sentence.words)
    text = sentence.text
    return (
        MIN_WORDS <= n <= MAX_WORDS
        and bool(COMPLETE_RE.search(text))
        and not QUESTION_RE.search(text)
    )


def order(corpus: Corpus, scores: Sequence[float]) -> list[int]:
    """Sentence indices best first; ties broken by article, then position."""
    sentences = corpus.sentences
    return sorted(
        range(len(sentences)),
        key=lambda i: (-scores[i], sentences[i].article, sentences[i].position),
    )


def _word_set(sentence: Sentence) -> frozenset[str]:
    return frozenset(w.lower() for w in sentence.words)


def term_overlap(a: Sentence, b: Sentence) -> float:
    """Share of the shorter sentence's content terms that the other one has too."""
    ta, tb = set(a.terms), set(b.terms)
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


def redundant(a: Sentence, b: Sentence, cosine: float = 0.0) -> bool:
    """True when ``a`` and ``b`` say the same thing."""
    wa, wb = _word_set(a), _word_set(b)
    shared = len(wa & wb) / max(1, min(len(wa), len(wb)))
    overlap = max(shared, term_overlap(a, b))
    return overlap >= REDUNDANT_OVERLAP or cosine >= REDUNDANT_COSINE


def groups(corpus: Corpus, scores: Sequence[float], matrix: Any = None) -> tuple[Group, ...]:
    """Same-fact groups of eligible sentences, best first; every sentence in at most one group."""
    from brief import vectors

    matrix = vectors.tfidf(corpus) if matrix is None else matrix
    loose = vectors.similar_pairs(matrix, min(GROUP_COSINE, HOP_LEAD_COSINE))
    sims = loose.copy()  # the same pairs, cut at GROUP_COSINE: one product, not two
    sims.data[sims.data < GROUP_COSINE] = 0.0
    sims.eliminate_zeros()
    sentences = corpus.sentences
    known = claims.context(corpus)
    used: set[int] = set()
    found: list[Group] = []
    for i in order(corpus, scores):
        if i in used or not eligible(sentences[i]):
            continue
        members = [i]
        # Two rounds: outlets that match the lead, then outlets that match one of those (a
        # second outlet often words the fact like the third one rather than like the lead).
        for _ in range(GROUP_HOPS):
            best = _matches(corpus, sims, loose, members, used, known)
            members.extend(j for _, j in sorted(best.values()))
        used.update(members)
        found.append(Group(members=tuple(members), score=float(scores[i])))
    return tuple(found)


def _row(matrix: Any, i: int) -> tuple[Any, Any]:
    """Row ``i`` of a CSR matrix as (columns, values), in stored order: slices of its arrays
    (scipy's getrow builds a matrix per call: 8% of a 10,000-article day's briefs)."""
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[start:end], matrix.data[start:end]


def _matches(
    corpus: Corpus,
    sims: Any,
    sims_lead: Any,
    members: list[int],
    used: set[int],
    known: claims.Context,
) -> dict[int, tuple[float, int]]:
    """For each article not yet in the group, its sentence that best states the same fact."""
    sentences = corpus.sentences
    articles = {sentences[m].article for m in members}
    lead = members[0]
    near_lead: set[int] = set()  # the lead's loose neighbours: a second round reads them
    if len(members) > 1:
        columns, values = _row(sims_lead, lead)
        near_lead = {j for j, v in zip(columns.tolist(), values.tolist(), strict=True) if v > 0}
    best: dict[int, tuple[float, int]] = {}
    for m in members:
        columns, values = _row(sims, m)
        for j, sim in zip(columns.tolist(), values.tolist(), strict=True):
            other = sentences[j]
            if j in used or other.article in articles or not eligible(other):
                continue
            if term_overlap(sentences[m], other) < GROUP_OVERLAP:
                continue
            if m != lead and not (
                j in near_lead and term_overlap(sentences[lead], other) >= GROUP_OVERLAP
            ):
                continue
            if not claims.agree(sentences[lead], other, known):
                continue  # the same words, another claim: other figures, a "not", another actor
            key = (-float(sim), j)
            if other.article not in best or key < best[other.article]:
                best[other.article] = key
    return best


def cosine(matrix: Any, i: int, j: int) -> float:
    return float(matrix.getrow(i).multiply(matrix.getrow(j)).sum())


def top(
    corpus: Corpus,
    scores: Sequence[float],
    *,
    words: int | None = None,
    sentences: int | None = None,
) -> tuple[int, ...]:
    """Best sentences, none redundant with another, within ``words`` and ``sentences``.

    Greedy by score (maximal marginal relevance with a hard redundancy cut); a sentence that does
    not fit the word budget is skipped and a shorter one may take its place.
    """
    from brief import vectors

    matrix = vectors.tfidf(corpus)
    chosen: list[int] = []
    used_words = 0
    for i in order(corpus, scores):
        if sentences is not None and len(chosen) >= sentences:
            break
        if not eligible(corpus.sentences[i]):
            continue
        n = admits(corpus, matrix, i, chosen, used_words, words)
        if n is None:
            continue
        chosen.append(i)
        used_words += n
    return tuple(chosen)


def admits(
    corpus: Corpus,
    matrix: Any,
    i: int,
    chosen: Sequence[int],
    used_words: int,
    cap: int | None,
    story: claims.Context | None = None,
    people: Collection[str] = (),
) -> int | None:
    """The words sentence ``i`` adds when it fits the word ``cap`` and repeats none of
    ``chosen``; None otherwise. The one budget-and-redundancy test of a summary and a brief.
    Given the ``story`` and its ``people`` (a brief), it must also tell no fact of ``chosen``
    in other words (claims.retells)."""
    sentence = corpus.sentences[i]
    n = word_count(sentence.text)
    if cap is not None and used_words + n > cap:
        return None
    if any(redundant(sentence, corpus.sentences[j], cosine(matrix, i, j)) for j in chosen):
        return None
    if story is not None and any(
        claims.retells(sentence, corpus.sentences[j], story, people) for j in chosen
    ):
        return None
    return n
