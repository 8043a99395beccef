"""SumBasic and KL-Sum: sumy's greedy orders, with incremental updates instead of rescans.

Both rank every sentence by the iteration in which sumy's greedy loop picks it (rating
-iteration). A pick changes the statistics of a few words only, so only the sentences holding
those words are rescored; the pick itself is an arg-max / arg-min over the sentences left.

SumBasic is bit-exact: a sentence's score is recomputed as sumy computes it (a left-to-right sum
of word probabilities, as CPython 3.11's ``sum`` adds floats), so even exact ties break as in
sumy. A word's probability is squared at each pick and reaches 0.0 after about ten: past that a
pick changes nothing, which keeps the total work linear.

KL-Sum's divergence is kept as per-sentence sums updated by differences; candidates within
``KL_TIE`` (relative) of the minimum count as tied and the first one wins, as in sumy's
``kls.index(min(kls))`` when the values are equal.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from brief.fast.prep import Prepared, collapse_picks

# Relative gap under which two KL divergences count as equal: sumy's own sums carry rounding
# noise of about 1e-15 relative, ours about 1e-13 after many incremental updates.
KL_TIE = 1e-10


def sumbasic(p: Prepared) -> Any:
    """sumy's SumBasic: pick the highest mean word probability, square the picked words'."""
    content = ~p.stop
    terms = p.stem[content]
    owner = p.sentence[content]
    lengths = np.bincount(owner, minlength=p.n)
    total = len(terms)
    prob = np.append(np.bincount(terms, minlength=len(p.stems)) / float(max(total, 1)), 0.0)
    pad = len(p.stems)  # index of the 0.0 used to pad rows
    buckets = _buckets(owner, terms, lengths, pad)
    holders = sparse.csc_matrix(
        (np.ones(total), (owner, terms)), shape=(p.n, len(p.stems))
    )  # which sentences hold each word
    scores = np.zeros(p.n)
    for rows, ids in buckets:
        scores[rows] = _means(prob, ids, lengths[rows])
    alive = np.ones(p.n, dtype=bool)
    order = np.empty(p.n, dtype=np.int64)
    starts = np.zeros(p.n + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    bucket_of, slot_of = _slots(buckets, p.n)
    masked = np.where(alive, scores, -np.inf)
    for step in range(p.n):
        best = int(np.argmax(masked))
        order[step] = best
        alive[best] = False
        masked[best] = -np.inf
        changed = _square(prob, terms[starts[best] : starts[best + 1]])
        if not changed:
            continue
        rows = np.unique(holders[:, changed].indices)
        rows = rows[alive[rows]]
        for b, (_, ids) in enumerate(buckets):
            mine = rows[bucket_of[rows] == b]
            if len(mine):
                masked[mine] = _means(prob, ids[slot_of[mine]], lengths[mine])
    return collapse_picks(order, p.keys)


def _square(prob: Any, words: Any) -> list[int]:
    """sumy's update: each occurrence of a picked word squares its probability."""
    changed = []
    for w in words.tolist():
        before = prob[w]
        prob[w] = before * before
        if prob[w] != before:
            changed.append(w)
    return changed


def _means(prob: Any, ids: Any, lengths: Any) -> Any:
    """Mean probability of each row's words, summed left to right as sumy's ``sum`` does."""
    if ids.shape[1] == 0:
        return np.zeros(len(ids))
    sums = np.add.accumulate(prob[ids], axis=1)[:, -1]
    return np.where(lengths > 0, sums / np.maximum(lengths, 1), 0.0)


def _buckets(owner: Any, terms: Any, lengths: Any, pad: int) -> list[tuple[Any, Any]]:
    """Sentences grouped by length class (1, 2, 4, 8, ...), word ids padded to the class width."""
    width_class = np.zeros(len(lengths), dtype=np.int64)
    nonzero = lengths > 0
    width_class[nonzero] = np.ceil(np.log2(lengths[nonzero])).astype(np.int64) + 1
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    column = np.arange(len(terms)) - starts[owner]
    out = []
    for c in np.unique(width_class).tolist():
        rows = np.flatnonzero(width_class == c)
        width = int(lengths[rows].max())
        ids = np.full((len(rows), width), pad, dtype=np.int64)
        local = np.full(len(lengths), -1, dtype=np.int64)
        local[rows] = np.arange(len(rows))
        take = local[owner] >= 0
        ids[local[owner[take]], column[take]] = terms[take]
        out.append((rows, ids))
    return out


def _slots(buckets: list[tuple[Any, Any]], n: int) -> tuple[Any, Any]:
    bucket_of = np.zeros(n, dtype=np.int64)
    slot_of = np.zeros(n, dtype=np.int64)
    for b, (rows, _) in enumerate(buckets):
        bucket_of[rows] = b
        slot_of[rows] = np.arange(len(rows))
    return bucket_of, slot_of


def kl(p: Prepared) -> Any:
    """sumy's KL-Sum: repeatedly pick the sentence whose words, joined to the summary so far,
    give the least KL(document || summary); sumy keeps the document's own words by exact string.
    """
    state = _KLState(p)
    order = np.empty(p.n, dtype=np.int64)
    for step in range(p.n):
        best = state.pick()
        order[step] = best
        state.add(best)
    return collapse_picks(order, p.keys)


class _KLState:
    """Per-sentence parts of KL_i = G + X_i + log(n_i + |R|) (M + U_i), R the summary's words.

    With D the document's word distribution, s_ik a sentence's counts and r_k the summary's:
    X_i sums D_k (log r_k - log(s_ik + r_k)) over its words in the summary and
    D_k (log D_k - log s_ik) over the others, whose D_k U_i adds up; G and M are the summary
    words' own D_k (log D_k - log r_k) and D_k.
    """

    def __init__(self, p: Prepared) -> None:
        keys = int(p.lower.max()) + 1 if len(p.lower) else 0
        # sumy counts the document's words when the word as written is not a stop word.
        in_doc = ~(p.stop & p.is_lower[p.raw])
        doc = np.bincount(p.lower[in_doc], minlength=keys).astype(np.float64)
        self.d = doc / max(doc.sum(), 1.0)
        content = ~p.stop
        counts = sparse.csr_matrix(
            (np.ones(int(content.sum())), (p.sentence[content], p.lower[content])),
            shape=(p.n, keys),
        )
        counts.sum_duplicates()
        self.by_word = counts.tocsc()
        self.lengths = np.bincount(p.sentence[content], minlength=p.n)
        rows = np.repeat(np.arange(p.n), np.diff(counts.indptr))
        d = self.d[counts.indices]
        self.x = np.bincount(rows, weights=d * (np.log(d) - np.log(counts.data)), minlength=p.n)
        self.x = self.x.astype(np.float64)  # bincount of nothing is an int array
        self.u = np.bincount(rows, weights=d, minlength=p.n).astype(np.float64)
        self.r = np.zeros(keys)
        self.g = 0.0
        self.m = 0.0
        self.summary = 0
        self.p = p
        self.alive = np.ones(p.n, dtype=bool)
        self.distinct, self.length_class = np.unique(self.lengths, return_inverse=True)

    def pick(self) -> int:
        size = self.distinct + self.summary
        with np.errstate(divide="ignore"):
            logs = np.where(size > 0, np.log(np.maximum(size, 1)), 0.0)
        values = self.g + self.x + logs[self.length_class] * (self.m + self.u)
        values[~self.alive] = np.inf
        least = float(values.min())
        tied = values <= least + KL_TIE * max(1.0, abs(least))
        best = int(np.argmax(tied))
        self.alive[best] = False
        return best

    def add(self, best: int) -> None:
        p = self.p
        tokens = p.raw[p.offsets[best] : p.offsets[best + 1]]
        self.summary += len(tokens)
        lower = p.lower[p.offsets[best] : p.offsets[best + 1]]
        matched = lower[p.is_lower[tokens] & (self.d[lower] > 0)]
        words, added = np.unique(matched, return_counts=True)
        for w, a in zip(words.tolist(), added.tolist(), strict=True):
            self._raise(w, float(a))

    def _raise(self, word: int, added: float) -> None:
        """The summary holds ``added`` more of ``word``: update G, M and its sentences' X, U."""
        d = self.d[word]
        old = self.r[word]
        new = old + added
        self.r[word] = new
        start, end = self.by_word.indptr[word], self.by_word.indptr[word + 1]
        rows = self.by_word.indices[start:end]
        s = self.by_word.data[start:end]
        if old > 0:
            self.g += d * (np.log(old) - np.log(new))
            before = d * (np.log(old) - np.log(s + old))
        else:
            self.g += d * (np.log(d) - np.log(new))
            self.m += d
            self.u[rows] -= d
            before = d * (np.log(d) - np.log(s))
        self.x[rows] += d * (np.log(new) - np.log(s + new)) - before
