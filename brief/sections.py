"""Same-fact groups -> the sections of a brief, within its budget.

Routing uses cues an editor would recognise: a quotation with its speaker (brief.speakers) for
Key quotes; modal and future language for Likely outcomes; time expressions of the past for
The background; the best early sentence of an article, stated not asked, for The Lede; the rest
are What we know. A section with nothing suitable is left out. Each sentence is used once, and no
item repeats another (select.redundant).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from brief import segment, select, speakers
from brief.models import Budget, Corpus, Group, Sentence

ORDER = ("lede", "known", "background", "outlook", "quotes")
HEADINGS = {
    "lede": "The Lede",
    "known": "What we know",
    "background": "The background",
    "outlook": "Likely outcomes / Takeaway",
    "quotes": "Key quotes",
}
# A lede is one of the first sentences of an article: where reporters state the news.
LEDE_MAX_POSITION = 2
# Ledes shorter than this are teasers ("What just happened?" is also a question).
LEDE_MIN_WORDS = 12
# A sentence opening with one of these continues the one before it: out of context, in a brief,
# it reads as a non sequitur ("But lately…") or points at nothing ("These measures…").
LEANING_OPENERS = frozenset(
    "But And Or So Yet Still However Moreover Furthermore Also Meanwhile Nevertheless "
    "Nonetheless Instead Thus Hence Therefore Besides Then Otherwise Likewise Similarly "
    "It Its They Their Them He His She Her This These That Those Such There".split()
)

# "will" alone is how news states a decision ("The CAC will review products"): no outlook cue.
OUTLOOK_RE = re.compile(
    r"\b(?:could|may|might|should|expected|expects?|likely|unlikely|at risk|risk of|set to|"
    r"poised|plans? to|aims? to|future|potentially|possible|possibly|outlook|forecasts?|"
    r"prospects?|implications?|warn(?:s|ed|ing)?|going forward|next (?:year|month|week)|"
    r"suggests?|in the balance|to continue|will (?:likely|probably|continue|face|need|have to))\b"
)
BACKGROUND_RE = re.compile(
    r"\b(?:(?:in|since|by|until|from|of) (?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|"
    r"(?:19|20)\d\d|last (?:year|month|week|decade)|earlier (?:this|last) (?:year|month|week)|"
    r"(?:years|months|decades|weeks) ago|history|dates? back|previously|formerly|"
    r"in (?:recent|past|the past) (?:months|years|weeks|decades)|has long|have long|had been|"
    r"for (?:years|decades|months)|since|(?:in|since|late|early) (?:January|February|March|"
    r"April|June|July|August|September|October|November|December)|began|launched|"
    r"(?:was|were) (?:first|founded|opened)|opened its first|lately|recently)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pick:
    """A group placed in a section, with the speaker of a quote."""

    section: str
    group: Group
    speaker: str | None = None


def kind(sentence: Sentence) -> str:
    """The section a sentence's cues route it to (before the lede is chosen)."""
    outlook = len(OUTLOOK_RE.findall(sentence.text))
    background = len(BACKGROUND_RE.findall(sentence.text))
    if outlook > background:
        return "outlook"
    if background:
        return "background"
    return "known"


def _lede_candidate(sentence: Sentence) -> bool:
    return (
        sentence.position <= LEDE_MAX_POSITION
        and len(sentence.words) >= LEDE_MIN_WORDS
        and not sentence.text.lstrip().startswith(("“", '"'))
    )


def stands_alone(sentence: Sentence) -> bool:
    """False for sentences that lean on the one before: "But lately…", "These measures…"."""
    first = segment.FIRST_WORD_RE.match(sentence.text)
    return first is None or first.group(1) not in LEANING_OPENERS


def _standalone(corpus: Corpus, group: Group) -> Group | None:
    """The group shown by its best member that stands alone (the clearest sentence), if any."""
    for k, m in enumerate(group.members):
        if stands_alone(corpus.sentences[m]):
            rest = group.members[:k] + group.members[k + 1 :]
            return replace(group, members=(m, *rest))
    return None


def route(corpus: Corpus, groups: Sequence[Group]) -> dict[str, list[Pick]]:
    """Candidates for each section, best first."""
    candidates: dict[str, list[Pick]] = {key: [] for key in ORDER}
    for found in groups:
        who = speakers.speaker(corpus, found.members[0])
        if who is not None:
            candidates["quotes"].append(Pick("quotes", found, who))
            continue
        group = _standalone(corpus, found)
        if group is None:
            continue  # every outlet's sentence leans on the one before it
        sentence = corpus.sentences[group.members[0]]
        if speakers.QUOTED_RE.search(sentence.text) and sentence.text.lstrip()[0] in '“"':
            continue  # a quotation we cannot attribute is no fact of ours
        if _lede_candidate(sentence):
            candidates["lede"].append(Pick("lede", group))
        section = kind(sentence)
        candidates[section].append(Pick(section, group))
        if section != "known":
            # Any fact may serve in What we know when its own section is full.
            candidates["known"].append(Pick("known", group))
    return candidates


def _plan(budget: Budget) -> Iterator[tuple[str, int]]:
    """Which section takes how many items, in order: one of each before the rest."""
    yield "lede", budget.lede
    for key in ORDER[1:]:
        yield key, min(1, getattr(budget, key))
    for key in ("known", "quotes", "background", "outlook"):
        yield key, getattr(budget, key)


def choose(
    corpus: Corpus, groups: Sequence[Group], budget: Budget, matrix: Any = None
) -> dict[str, tuple[Pick, ...]]:
    """Picks per section within ``budget``: counts and the body's word cap hold exactly.

    ``matrix`` is the corpus's tf-idf (vectors.tfidf), built here when the caller has none.
    """
    from brief import vectors

    matrix = vectors.tfidf(corpus) if matrix is None else matrix
    candidates = route(corpus, groups)
    placed: dict[str, list[Pick]] = {key: [] for key in ORDER}
    used: list[int] = []
    words = 0
    for key, quota in _plan(budget):
        for pick in candidates[key]:
            if len(placed[key]) >= quota:
                break
            lead = pick.group.members[0]
            if lead in used:
                continue
            n = select.word_count(corpus.sentences[lead].text)
            if budget.words is not None and words + n > budget.words:
                continue
            if any(
                select.redundant(
                    corpus.sentences[lead], corpus.sentences[u], select.cosine(matrix, lead, u)
                )
                for u in used
            ):
                continue
            placed[key].append(pick)
            used.append(lead)
            words += n
    return {key: tuple(placed[key]) for key in ORDER if placed[key]}
