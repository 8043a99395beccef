"""Articles -> stories: syndicated copies merged, then articles grouped by what they report.

1. Copies. Two articles whose word 5-gram sets overlap by at least ``COPY_CONTAINMENT`` of the
   smaller set are one text carried twice (a wire story syndicated, a page under two addresses,
   a copy trimmed at the end). The longest is kept and briefed; the others become its copies,
   listed with the story, and their outlets count as coverage.
2. Stories. Each kept article is a tf-idf vector of the stemmed terms of its headline and its
   first ``LEAD_WORDS`` words (sublinear tf, idf over the day's articles); articles are grouped
   by average-linkage agglomerative clustering on cosine distance, cut where the mean
   similarity between two groups falls below ``STORY_SIMILARITY``; then a fragment of one or
   two articles joins the larger story it is most like if their mean similarity reaches the
   lower ``ATTACH_SIMILARITY``. No number of stories is preset; average linkage keeps a chain
   of pairwise look-alikes from pulling two stories together, as single linkage would.

Stories come in the order of their first article; articles keep input order within a story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from brief import segment
from brief.models import Article

# Share of the smaller article's word 5-grams found in the other for the two to be one text.
# On the DUC 2004 development articles (19,900 pairs), 26 pairs of different texts on one event
# share 10-30%, 11 share 30-60% (partial wire write-throughs), and 39 over 60%: write-throughs
# of one dispatch, and two texts that appear in two clusters verbatim. A syndicated copy with a
# new headline or a trimmed ending keeps over 90%.
COPY_CONTAINMENT = 0.6
SHINGLE = 5
# News is written top down: the event is in the first paragraphs, background further on, and
# background is what two related stories share (the Speaker's race and the Speaker-elect's
# resignation). On the DUC 2004 development clusters, vectors of the first 250 words gave
# adjusted Rand 0.88-0.93 over thresholds 0.07-0.15, whole texts 0.81-0.86 (200, 300, 400 and
# whole texts tried; bench/scratch sweeps).
LEAD_WORDS = 250
# Mean cosine similarity between two groups of articles for them to be one story, and the lower
# one at which a fragment of at most FRAGMENT articles joins the larger story it is most like:
# two stories need strong evidence to merge, a straggler less. Swept on the 200 mixed DUC 2004
# development articles and on 25 random sub-piles of them (5-20 stories of 1-10 articles, as a
# day's feeds give; bench/scratch sweeps): adjusted Rand 0.95 on the whole pile and 0.91-0.94 on
# the sub-piles for every threshold in 0.12-0.15 with attachment in 0.07-0.10 and fragments of
# 2 or 3; without attachment, at best 0.89-0.93 and on a narrow range. Middles taken.
STORY_SIMILARITY = 0.13
ATTACH_SIMILARITY = 0.09
FRAGMENT = 2


@dataclass(frozen=True, slots=True)
class Story:
    """Articles reporting one story, and the syndicated copies merged into them."""

    articles: tuple[Article, ...]
    copies: tuple[Article, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlets that carried the story, copies included: running a wire story is
        covering it. In order of first appearance."""
        carried = (*self.articles, *self.copies)
        return tuple(dict.fromkeys(outlet(a, i) for i, a in enumerate(carried)))


def outlet(article: Article, index: int = 0) -> str:
    """The outlet of ``article``; one with no outlet counts as its own (its URL or path)."""
    return article.outlet or article.url or article.path or f"article {index + 1}"


def stories(articles: Sequence[Article], similarity: float = STORY_SIMILARITY) -> tuple[Story, ...]:
    """``articles`` grouped into stories, syndicated copies merged first."""
    kept, copies = distinct(articles)
    labels = cluster(kept, similarity)
    found: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        found.setdefault(label, []).append(i)
    return tuple(
        Story(
            articles=tuple(kept[i] for i in members),
            copies=tuple(c for i in members for c in copies[i]),
        )
        for members in found.values()
    )


def distinct(
    articles: Sequence[Article],
) -> tuple[tuple[Article, ...], tuple[tuple[Article, ...], ...]]:
    """(the articles that are not copies, and for each of them its copies), in input order.

    Of a text carried several times, the longest version is kept (the first of equal ones).
    """
    shingles = [_shingles(a.text) for a in articles]
    longest_first = sorted(range(len(articles)), key=lambda i: -len(articles[i].text))
    kept: list[int] = []
    copies: dict[int, list[int]] = {}
    for i in longest_first:
        original = next((k for k in kept if _contained(shingles[i], shingles[k])), None)
        if original is None:
            kept.append(i)
            copies[i] = []
        else:
            copies[original].append(i)
    order = sorted(kept)
    return (
        tuple(articles[k] for k in order),
        tuple(tuple(articles[c] for c in sorted(copies[k])) for k in order),
    )


def cluster(
    articles: Sequence[Article],
    similarity: float = STORY_SIMILARITY,
    attach: float = ATTACH_SIMILARITY,
) -> tuple[int, ...]:
    """A story label per article (0, 1, ... in order of first appearance)."""
    if len(articles) < 2:
        return tuple(range(len(articles)))
    vectors = _tfidf([_terms(a) for a in articles])
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    raw = [int(label) for label in fcluster(tree, t=1.0 - similarity, criterion="distance")]
    labels = _attach(1.0 - distance, raw, attach)
    first: dict[int, int] = {}
    return tuple(first.setdefault(label, len(first)) for label in labels)


def _attach(similarity: np.ndarray, labels: list[int], threshold: float) -> list[int]:
    """Each fragment (at most FRAGMENT articles) joins the larger story it is most like, if the
    mean similarity reaches ``threshold``; larger stories are never merged here."""
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    large = [label for label, group in members.items() if len(group) > FRAGMENT]
    joined = list(labels)
    for group in members.values():
        if len(group) > FRAGMENT or not large:
            continue
        score, target = max(
            (float(similarity[np.ix_(group, members[other])].mean()), -other) for other in large
        )
        if score >= threshold:
            for i in group:
                joined[i] = -target
    return joined


def _terms(article: Article) -> tuple[str, ...]:
    lead = segment.words(article.text)[:LEAD_WORDS]
    title = segment.words(article.title) if article.title else ()
    return segment.terms(title + lead)


def _tfidf(documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Rows: sublinear tf (1 + log tf) x smoothed idf, L2-normalised."""
    vocab: dict[str, int] = {}
    rows, cols, data = [], [], []
    for r, terms in enumerate(documents):
        counts: dict[int, int] = {}
        for term in terms:
            column = vocab.setdefault(term, len(vocab))
            counts[column] = counts.get(column, 0) + 1
        for column, count in sorted(counts.items()):
            rows.append(r)
            cols.append(column)
            data.append(1.0 + np.log(count))
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(documents), len(vocab)))
    df = np.bincount(matrix.indices, minlength=len(vocab))
    idf = np.log((1.0 + len(documents)) / (1.0 + df)) + 1.0
    weighted = sparse.csr_matrix(matrix.multiply(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    tokens = [w.lower() for w in segment.words(text)]
    return frozenset(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def _contained(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    smaller = min(len(a), len(b))
    return smaller > 0 and len(a & b) >= COPY_CONTAINMENT * smaller
