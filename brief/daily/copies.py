"""Articles -> the texts to brief and their copies: syndicated copies and wire write-throughs.

Two articles whose word 5-gram sets overlap by at least ``COPY_CONTAINMENT`` of the smaller set
are versions of one text (a wire story syndicated, a page under two addresses, a copy trimmed at
the end, a wire write-through). Versions are found without comparing every pair: each article's
5-grams are hashed and summarised by a MinHash signature of ``PERMUTATIONS`` values; articles
sharing a band of ``BAND`` values are candidates (locality-sensitive hashing), and only
candidates are compared exactly. Time and memory grow with the number of articles, not with its
square.

Of the versions of one text, one is briefed, the others become its copies (listed with the
story; their outlets count as coverage):
- a version that adds nothing (at least ``SUBSET`` of its 5-grams are in a longer version) is a
  copy: a syndicated or trimmed text;
- of the versions that each carry text the others lack, the newest is kept (then the longest):
  a write-through of a wire story updates the story with its newest text instead of being
  dropped as a copy of the first version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from brief import segment
from brief.models import Article

# Share of the smaller article's word 5-grams found in the other for the two to be one text.
# On the DUC 2004 development articles (19,900 pairs), 26 pairs of different texts on one event
# share 10-30%, 11 share 30-60% (partial wire write-throughs), and 39 over 60%: write-throughs
# of one dispatch, and two texts that appear in two clusters verbatim. A syndicated copy with a
# new headline or a trimmed ending keeps over 90%.
COPY_CONTAINMENT = 0.6
# A version with at least this share of its 5-grams inside a longer version adds nothing of its
# own: a syndicated copy keeps over 90% (see above); a write-through's new paragraphs put it below.
SUBSET = 0.9
SHINGLE = 5
# 128 hash values cut into bands of 2: a pair with Jaccard similarity J is a candidate with
# probability 1 - (1 - J^2)^64, 0.98 at J = 0.25 (containment 0.6 of a text half as long as the
# other) and 0.15 at J = 0.05 (two different texts on one event): few candidates to check, and
# nearly no copy missed.
PERMUTATIONS = 128
BAND = 2
# Articles in one band's bucket compared pairwise up to this many; a larger bucket (one wire
# story run by many outlets) is compared with its first member only, which keeps its cost linear.
BUCKET = 50
_SEEDS = np.random.default_rng(20041998).integers(1, 2**63, size=(2, PERMUTATIONS), dtype=np.uint64)
_MULTIPLY = _SEEDS[0] | np.uint64(1)  # odd multipliers: a permutation of 64-bit values
_ADD = _SEEDS[1]


def distinct(
    articles: Sequence[Article],
) -> tuple[tuple[Article, ...], tuple[tuple[Article, ...], ...]]:
    """(the articles that are not copies, and for each of them its copies), in input order."""
    hashes = _WordHashes()
    signatures = np.stack([_signature(hashes.shingles(a.text)) for a in articles] or [_EMPTY])
    sets: dict[int, Any] = {}

    def shingles(i: int) -> Any:
        if i not in sets:
            sets[i] = np.unique(hashes.shingles(articles[i].text))
        return sets[i]

    root = list(range(len(articles)))
    for i, j in _candidates(signatures[: len(articles)]):
        a, b = shingles(i), shingles(j)
        smaller = min(len(a), len(b))
        shared = len(np.intersect1d(a, b, assume_unique=True))
        if smaller and shared >= COPY_CONTAINMENT * smaller:
            root[_find(root, i)] = _find(root, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(articles)):
        groups.setdefault(_find(root, i), []).append(i)
    kept: dict[int, list[int]] = {}
    for members in groups.values():
        chosen = _newest(articles, members, shingles) if len(members) > 1 else members[0]
        kept[chosen] = [m for m in members if m != chosen]
    order = sorted(kept)
    return (
        tuple(articles[k] for k in order),
        tuple(tuple(articles[c] for c in kept[k]) for k in order),
    )


def _newest(articles: Sequence[Article], members: list[int], shingles: Any) -> int:
    """The version of one text to brief: the newest of those that add text of their own."""
    longest_first = sorted(members, key=lambda i: (-len(articles[i].text), i))
    own = [
        i
        for rank, i in enumerate(longest_first)
        if not any(_inside(shingles(i), shingles(k)) for k in longest_first[:rank])
    ]
    return max(own, key=lambda i: (articles[i].published or "", len(articles[i].text), -i))


def _inside(a: Any, b: Any) -> bool:
    return bool(len(a)) and len(np.intersect1d(a, b, assume_unique=True)) >= SUBSET * len(a)


def _candidates(signatures: Any) -> list[tuple[int, int]]:
    """Pairs of rows that agree on all the values of at least one band, each pair once."""
    pairs: set[tuple[int, int]] = set()
    has_text = signatures[:, 0] != _EMPTY[0]
    rows = np.flatnonzero(has_text)
    for start in range(0, PERMUTATIONS, BAND):
        band = signatures[rows, start : start + BAND]
        _, bucket = np.unique(band, axis=0, return_inverse=True)
        bucket = bucket.ravel()
        order = np.argsort(bucket, kind="stable")
        edges = np.flatnonzero(np.diff(bucket[order])) + 1
        for group in np.split(rows[order], edges):
            if len(group) < 2:
                continue
            members = group.tolist()
            if len(members) > BUCKET:
                pairs.update((members[0], m) for m in members[1:])
            else:
                pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    return sorted(pairs)


_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)


def _signature(shingles: Any) -> Any:
    """Per permutation, the least permuted 5-gram hash (MinHash); all-max for no 5-grams."""
    if not len(shingles):
        return _EMPTY
    permuted = shingles[:, None] * _MULTIPLY[None, :] + _ADD[None, :]
    return np.asarray(permuted.min(axis=0))


class _WordHashes:
    """Stable 64-bit hashes of lower-cased words and of their 5-grams.

    blake2b, not Python's ``hash``: that is salted per process, and the digest must be the same
    on every run and on every Dask worker.
    """

    def __init__(self) -> None:
        self.known: dict[str, int] = {}

    def shingles(self, text: str) -> Any:
        tokens = segment.WORD_RE.findall(text.lower())
        known = self.known
        for token in set(tokens).difference(known):
            digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
            known[token] = int.from_bytes(digest, "little")
        words = np.fromiter(map(known.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
        m = len(words) - SHINGLE + 1
        if m <= 0:
            return np.zeros(0, dtype=np.uint64)
        mixed = words[:m].copy()
        for k in range(1, SHINGLE):
            mixed = mixed * np.uint64(1099511628211) + words[k : k + m]  # wraps modulo 2^64
        return mixed


def _find(root: list[int], i: int) -> int:
    while root[i] != i:
        root[i] = root[root[i]]
        i = root[i]
    return i
