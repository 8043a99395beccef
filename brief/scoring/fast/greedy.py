"""SumBasic and KL-Sum: sumy's greedy orders, with incremental updates instead of rescans.

Both rank every sentence by the iteration in which sumy's greedy loop picks it (rating
-iteration). A pick changes the statistics of a few words only, so only the sentences holding
those words are rescored; the pick itself is an arg-max / arg-min over the sentences left.

SumBasic is bit-exact: a sentence's score is recomputed as sumy computes it (a left-to-right sum
of word probabilities, as CPython 3.11's ``sum`` adds floats), so even exact ties break as in
sumy. A word's probability is squared at each pick and reaches 0.0 after about ten: past that a
pick changes nothing, which keeps the total work linear.

KL-Sum's divergence is kept as per-sentence sums updated by differences. Candidates within
``KL_TIE`` (relative) of the least are tied as far as those sums can tell; among them the choice
is sumy's: their divergences are recomputed term by term in sumy's own order and float
arithmetic, and the least, first in order, wins (``kls.index(min(kls))``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import sparse

from brief.scoring.fast.prep import Prepared, collapse_picks

# Relative gap under which two KL divergences are settled by sumy's own arithmetic: rounding
# makes about 1e-15 (sumy) to 1e-13 (our incremental sums) of difference between equal values.
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
        held = [holders.indices[holders.indptr[w] : holders.indptr[w + 1]] for w in changed]
        rows = np.unique(np.concatenate(held))
        rows = rows[alive[rows]]
        classes = bucket_of[rows]
        for b in np.unique(classes).tolist():
            mine = rows[classes == b]
            masked[mine] = _means(prob, buckets[b][1][slot_of[mine]], lengths[mine])
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
    words' own D_k (log D_k - log r_k) and D_k. Per-sentence arrays hold the sentences still in
    the running (``live``, compacted as picks accumulate) so a pick scans only those.
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
        rows = np.repeat(np.arange(p.n), np.diff(counts.indptr))
        d = self.d[counts.indices]
        # float64 even when empty (a bincount of nothing is an int array)
        self.x = np.bincount(rows, d * (np.log(d) - np.log(counts.data)), p.n).astype(np.float64)
        self.u = np.bincount(rows, weights=d, minlength=p.n).astype(np.float64)
        lengths = np.bincount(p.sentence[content], minlength=p.n)
        self.distinct, self.length_class = np.unique(lengths, return_inverse=True)
        self.r = np.zeros(keys)
        self.g = 0.0
        self.m = 0.0
        self.summary = 0
        self.p = p
        self.live = np.arange(p.n)  # global index of each slot
        self.slot = np.arange(p.n)  # slot of each sentence; -1 once compacted away
        self.alive = np.ones(p.n, dtype=bool)  # per slot
        self.dead = 0
        self.picked: list[int] = []
        self.synced = 0  # picks already in summary_order
        self.summary_order: list[int] = []  # summary's document words, first occurrence order
        self.summary_seen: set[int] = set()

    def pick(self) -> int:
        """The first sentence left whose divergence is (within KL_TIE) the least."""
        size = self.distinct + self.summary
        with np.errstate(divide="ignore"):
            logs = np.where(size > 0, np.log(np.maximum(size, 1)), 0.0)
        values = self.x + logs[self.length_class] * (self.m + self.u)  # picked: x is inf
        least = self.g + float(values.min())
        tied = np.flatnonzero(values <= least - self.g + KL_TIE * max(1.0, abs(least)))
        at = int(tied[0]) if len(tied) == 1 else self._break_tie(tied)
        best = int(self.live[at])
        self.alive[at] = False
        self.x[at] = np.inf
        self.dead += 1
        if 2 * self.dead > len(self.live):
            self._compact()
        return best

    def _break_tie(self, tied: Any) -> int:
        """Among (near-)tied slots, sumy's choice: the least divergence as sumy's own float
        arithmetic gives it, first in order. Sentences with the same content words get the same
        bits, so only one of each is computed (copies of a wire sentence cost nothing)."""
        p = self.p
        keys = []
        for slot in tied.tolist():
            span = slice(p.offsets[self.live[slot]], p.offsets[self.live[slot] + 1])
            keys.append(tuple(p.lower[span][~p.stop[span]].tolist()))
        if len(set(keys)) == 1:
            return int(tied[0])
        self._sync_summary()
        exact = {key: self._sumy_divergence(key) for key in dict.fromkeys(keys)}
        least = min(exact.values())
        return next(int(slot) for slot, key in zip(tied, keys, strict=True) if exact[key] == least)

    def _sync_summary(self) -> None:
        p = self.p
        for best in self.picked[self.synced :]:
            span = slice(p.offsets[best], p.offsets[best + 1])
            for raw, low in zip(p.raw[span].tolist(), p.lower[span].tolist(), strict=True):
                if p.is_lower[raw] and self.d[low] > 0 and low not in self.summary_seen:
                    self.summary_seen.add(low)
                    self.summary_order.append(low)
        self.synced = len(self.picked)

    def _sumy_divergence(self, content: tuple[int, ...]) -> float:
        """KLSummarizer._kl_divergence(_joint_freq(content, summary), doc), term by term in
        sumy's order: the sentence's words, then the summary's."""
        counts: dict[int, int] = {}
        for k in content:
            counts[k] = counts.get(k, 0) + 1
        total = float(len(content) + self.summary)
        value = 0.0
        for k, c in counts.items():
            f = float(self.d[k])
            value += f * math.log(f / ((c + float(self.r[k])) / total))
        for k in self.summary_order:
            if k not in counts:
                f = float(self.d[k])
                value += f * math.log(f / (float(self.r[k]) / total))
        return value

    def _compact(self) -> None:
        keep = self.alive
        self.slot[self.live[~keep]] = -1
        self.live, self.x, self.u = self.live[keep], self.x[keep], self.u[keep]
        self.length_class = self.length_class[keep]
        self.slot[self.live] = np.arange(len(self.live))
        self.alive = np.ones(len(self.live), dtype=bool)
        self.dead = 0

    def add(self, best: int) -> None:
        """The summary takes sentence ``best``: update G, M and the X, U of sentences sharing
        a word with it (words as written that are document words: lower-case ones)."""
        p = self.p
        self.picked.append(best)
        span = slice(p.offsets[best], p.offsets[best + 1])
        self.summary += span.stop - span.start
        lower = p.lower[span]
        matched = lower[p.is_lower[p.raw[span]] & (self.d[lower] > 0)]
        if not len(matched):
            return
        words, added = np.unique(matched, return_counts=True)
        d, old = self.d[words], self.r[words]
        new = old + added
        self.r[words] = new
        seen = old > 0
        log_d, log_old, log_new = np.log(d), np.log(np.where(seen, old, 1.0)), np.log(new)
        self.g += float((d * np.where(seen, log_old, log_d) - d * log_new).sum())
        self.m += float(d[~seen].sum())
        starts = self.by_word.indptr[words]
        lengths = self.by_word.indptr[words + 1] - starts
        at = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        slots, s = self.slot[self.by_word.indices[at]], self.by_word.data[at]
        keep = slots >= 0
        slots, s = slots[keep], s[keep]
        d, seen = np.repeat(d, lengths)[keep], np.repeat(seen, lengths)[keep]
        old, new = np.repeat(old, lengths)[keep], np.repeat(new, lengths)[keep]
        before = np.where(
            seen, np.log(np.where(seen, old, 1.0)) - np.log(s + old), np.log(d) - np.log(s)
        )
        np.add.at(self.x, slots, d * (np.log(new) - np.log(s + new) - before))
        np.add.at(self.u, slots[~seen], -d[~seen])
