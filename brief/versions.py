"""Where sources differ: the versions of one fact that outlets give with other figures.

For each fact a brief states (its lede, What we know, background and outlook items), the
sentences of other outlets that state the same fact (the same-fact grouping's words) with other
figures (claims.differ; each restates the other but for them, claims.restates) or date it to
another day (claims.other_day: "on Monday" / "on Sunday", each read against its own article's
date) are its other versions. Versions are told apart by their figures and days; each is shown
verbatim with every outlet that gives it, the brief's own version first. The brief states the
best-supported version in its section: when another version has more outlets, it takes the
item's place. No version is ever merged, averaged or rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brief import claims, select, standalone
from brief.models import Corpus, Group

# Sections whose facts are checked: a quotation is its speaker's words, not a count to compare.
CHECKED = ("lede", "known", "background", "outlook")


@dataclass(frozen=True, slots=True)
class Versions:
    """One fact's versions, the brief's own (``shown``) first; each a group of one figure set."""

    section: str
    shown: Group
    others: tuple[Group, ...]


def _near(matrix: Any, lead: int) -> list[int]:
    """Sentences whose tf-idf cosine with ``lead`` reaches the grouping's threshold."""
    row = (matrix @ matrix.getrow(lead).T).toarray().ravel()
    return [int(j) for j in (row >= select.GROUP_COSINE).nonzero()[0]]


def find(
    corpus: Corpus,
    picked: Sequence[tuple[str, Group]],
    matrix: Any,
    limit: int,
    used: set[int],
) -> tuple[Versions, ...]:
    """Up to ``limit`` facts of ``picked`` (section, group) that outlets give differently.

    ``used`` holds the sentences already shown elsewhere in the brief: they are not versions.
    """
    known = claims.context(corpus)
    found: list[Versions] = []
    taken = set(used)
    for section, group in picked:
        if len(found) >= limit:
            break
        if section not in CHECKED:
            continue
        lead = group.members[0]
        shown_articles = {corpus.sentences[m].article for m in group.members}
        rivals = [
            j
            for j in _near(matrix, lead)
            if j not in taken
            and corpus.sentences[j].article not in shown_articles
            and select.term_overlap(corpus.sentences[lead], corpus.sentences[j])
            >= select.GROUP_OVERLAP
            and select.eligible(corpus.sentences[j])
            and standalone.stands_alone(corpus.sentences[j])
            and standalone.whole(corpus.sentences[j])
            and standalone.news(corpus.articles[corpus.sentences[j].article])
            and (
                (
                    claims.differ(corpus.sentences[lead], corpus.sentences[j], known.names)
                    and claims.restates(corpus.sentences[lead], corpus.sentences[j], known)
                )
                or claims.other_day(corpus.sentences[lead], corpus.sentences[j], known)
            )
        ]
        others = _by_figures(corpus, rivals, known)
        if others:
            found.append(Versions(section, group, others))
            taken.update(m for g in others for m in g.members)
    return tuple(found)


def _by_figures(corpus: Corpus, rivals: Sequence[int], known: claims.Context) -> tuple[Group, ...]:
    """The rival sentences as versions: a rival joins the first version whose sentence states
    its claim or is stated by it (claims.agree either way: "248 killed" and "248 killed, 12 of
    them Americans"), one sentence per outlet; the version given by most outlets first."""
    versions: list[list[int]] = []
    for j in rivals:
        rival = corpus.sentences[j]
        for members in versions:
            head = corpus.sentences[members[0]]
            if claims.agree(head, rival, known) or claims.agree(rival, head, known):
                if rival.article not in {corpus.sentences[m].article for m in members}:
                    members.append(j)
                break
        else:
            versions.append([j])
    groups = [Group(members=tuple(m), score=0.0) for m in versions]
    return tuple(sorted(groups, key=lambda g: (-len(g.members), g.members)))
