"""The default method: cover the cluster's important concepts within the budget.

Takes a Corpus; gives sentence scores (``rate``) and a budgeted choice (``choose``).

Concepts are word bigrams, stemmed, that are not made only of stop words (Gillick & Favre 2009,
the ICSISumm system). A concept's weight is its document frequency with a position discount:
each article that states it adds 1 / sqrt(1 + position of the first sentence that does), so a
bigram in five ledes outweighs one in five closing paragraphs. Concepts stated by fewer than
floor(sqrt(articles)) articles are dropped. ``choose`` solves the integer program (scipy's
HiGHS, bounded by a node limit, never by the clock): the sentences whose concepts weigh most,
each concept counted once, within the word (or sentence) budget. Counting a concept once is what
removes redundancy: a second outlet's copy of a fact adds nothing and costs words.

Measured on DUC 2004 and DUC 2006 (bench/quality.py; bench/results/quality.md has the tables).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence

import numpy as np

from brief import segment, select
from brief.models import Corpus, Sentence

Concept = tuple[str, str]
Scores = tuple[float, ...]

# An article's vote for a concept decays with the position of its first mention:
# (1 + position) ** -POSITION_DECAY. Plain document frequency: -1.1 R-2; decays 0.25 and 1.0:
# -0.2 and -0.5. 0.5 is the middle of that range, not a tuned optimum.
POSITION_DECAY = 0.5
# Candidates come from the first sentences of each article, where news states its facts:
# positions 0..MAX_POSITION. +0.3 R-2 on DUC 2004 against no cap; caps 7-15 all within 0.2.
MAX_POSITION = 10
# Shorter sentences rarely hold a whole fact (ICSISumm's cut). 6, 8 and 12 were within noise.
MIN_WORDS = 10
# Readable alone: no quotation opened or closed elsewhere, and not cut from its neighbour by a
# sentence break after initials or an abbreviation the segmenter did not know ("President B.J." /
# "Habibie said...", "cleared Cmndr." / "Zejnil Delalic, of the..."): vowel-less Capitalised
# words ("Cmndr.", "Sgt.") and runs of initials are abbreviations, not sentence ends, unless the
# segmenter knows them ("U.S.": it ends a sentence only before a sentence starter).
CUT_END_RE = re.compile(r"\b((?:[A-Z]\.){2,}|[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-z]{1,5}\.)$")
# A sentence that opens with a pronoun or a demonstrative leans on a sentence the reader does not
# have ("She was there before...", "This is..."), and "I"/"we" outside a quotation is the tail of
# one. Dropping them cost nothing on DUC 2004 (within 0.05 R-2).
PRONOUN_START = frozenset("he she they it his her their its this these those i we you".split())
# Tie-break inside the integer program: prefer earlier sentences, worth far less than any concept.
LEAD_EPSILON = 1e-3
# Bounds on the integer program, both counts, so the answer never depends on the machine's load
# (a wall-clock limit would). POOL_LIMIT: candidates that enter it, the best by stand-alone
# concept weight per word. DUC clusters have 39-190 after the rules, so it binds only on large
# inputs: a 100k-sentence story keeps 1,000, solves at the root in 1-5 s, and the whole run
# takes about as long as --method lexrank (bench/bigstory.py). NODE_LIMIT: branch-and-bound nodes;
# no DUC 2004 or 2006 cluster needed more than 29, so 200 leaves a wide margin while bounding
# the worst case. At the limit the better of HiGHS's best solution and the greedy cover is taken.
POOL_LIMIT = 1_000
NODE_LIMIT = 200
# rate(): a sentence ``choose`` would never take (a quotation, a late paragraph) counts at this
# share, so it can still lead a section (Key quotes) but ranks below the facts. 0.2-0.5 score
# the same on DUC 2004.
INELIGIBLE_FACTOR = 0.5
# A sentence that adds no new concept keeps this share of its stand-alone value: ranked below
# every sentence that adds something, still ordered among its kind.
ZERO_GAIN_SHARE = 1e-3


def stems(sentence: Sentence) -> tuple[str, ...]:
    """Stems of every word of the sentence, stop words included, in order."""
    return tuple(segment.stem(w.lower()) for w in sentence.words)


def concepts(sentence: Sentence) -> frozenset[Concept]:
    """Stemmed bigrams of the sentence that are not made only of stop words."""
    stops = segment.stop_words()
    lowered = [w.lower() for w in sentence.words]
    tokens = stems(sentence)
    return frozenset(
        (tokens[i], tokens[i + 1])
        for i in range(len(tokens) - 1)
        if not (lowered[i] in stops and lowered[i + 1] in stops)
    )


def word_count(sentence: Sentence) -> int:
    """Conservative length: ROUGE counts white-space tokens ("_" too), we count words."""
    return max(len(sentence.words), select.word_count(sentence.text))


def weights(
    corpus: Corpus, found: Sequence[frozenset[Concept]] | None = None
) -> dict[Concept, float]:
    """Position-discounted document frequency of each concept stated by enough articles
    (``found``: each sentence's concepts, when the caller has them)."""
    found = [concepts(s) for s in corpus.sentences] if found is None else found
    first: dict[Concept, dict[int, int]] = {}
    for s, held in zip(corpus.sentences, found, strict=True):
        for c in held:
            seen = first.setdefault(c, {})
            seen[s.article] = min(seen.get(s.article, s.position), s.position)
    needed = min_docs(len(corpus.articles))
    return {
        c: sum((1.0 + p) ** -POSITION_DECAY for p in where.values())
        for c, where in first.items()
        if len(where) >= needed
    }


def min_docs(articles: int) -> int:
    """Articles that must state a bigram for it to count: floor(sqrt(articles)).

    Grows with the cluster, more slowly than it: 3 of DUC 2004's 10 (ICSISumm's threshold), 5 of
    DUC 2006's 25, 2 of 4-8, 1 of 1-3. A fixed share of the articles did not carry over: 30%,
    tuned on DUC 2004, asks 8 of DUC 2006's 25 and lost 1.1 ROUGE-2 there (bench/ablation.py).
    """
    return max(1, math.isqrt(articles))


def candidates(corpus: Corpus) -> tuple[bool, ...]:
    """For each sentence, whether ``choose`` may take it: whole, informative, early, readable."""
    sentences = corpus.sentences
    cut = [_cut(s.text) for s in sentences]
    return tuple(
        _readable(s)
        and not cut[i]
        and not (i > 0 and cut[i - 1] and _same_paragraph(sentences[i - 1], s))
        for i, s in enumerate(sentences)
    )


def _cut(text: str) -> bool:
    match = CUT_END_RE.search(text)
    return match is not None and match.group(1).lower().rstrip(".") not in segment.ABBREVIATIONS


def _same_paragraph(a: Sentence, b: Sentence) -> bool:
    return a.article == b.article and a.paragraph == b.paragraph


def _readable(sentence: Sentence) -> bool:
    text = sentence.text
    return (
        select.eligible(sentence)
        and word_count(sentence) >= MIN_WORDS
        and sentence.position <= MAX_POSITION
        and not text.startswith(("“", '"'))
        and _quotes_balanced(text)
        and sentence.words[0].lower() not in PRONOUN_START
    )


def _quotes_balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "“") - (ch == "”")
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0


def rate(corpus: Corpus) -> Scores:
    """Every sentence's marginal concept weight per word, in the greedy cover of the cluster.

    The greedy takes, again and again, the sentence that adds the most uncovered weight per word
    (lazily: gains only shrink); a sentence's score is its gain when taken. A sentence that adds
    nothing new keeps ZERO_GAIN_SHARE of what it would add alone, so it ranks below every
    sentence that adds something; one ``choose`` may not take counts at INELIGIBLE_FACTOR.
    """
    found = [concepts(s) for s in corpus.sentences]
    table = weights(corpus, found)
    # Sorted: gains are float sums, and their order must not follow Python's string hashing.
    covers = [sorted(c for c in held if c in table) for held in found]
    factor = [
        (1.0 if ok else INELIGIBLE_FACTOR) / word_count(s)
        for s, ok in zip(corpus.sentences, candidates(corpus), strict=True)
    ]
    alone = [sum(table[c] for c in cs) * f for cs, f in zip(covers, factor, strict=True)]
    scores = [0.0] * len(alone)
    heap = [(-value, i) for i, value in enumerate(alone) if value > 0]
    heapq.heapify(heap)
    covered: set[Concept] = set()
    while heap:
        _, i = heapq.heappop(heap)
        gain = sum(table[c] for c in covers[i] if c not in covered) * factor[i]
        if gain <= 0:
            scores[i] = ZERO_GAIN_SHARE * alone[i]
        elif heap and gain < -heap[0][0]:
            heapq.heappush(heap, (-gain, i))
        else:
            scores[i] = gain
            covered.update(covers[i])
    return tuple(scores)


def choose(corpus: Corpus, words: int | None, sentences: int | None) -> tuple[int, ...]:
    """Indices of the sentences that cover the most concept weight within the budget.

    Earliest in their articles first (ledes lead, as in a news story), then by article. Whole
    sentences only; their ``word_count`` sums to at most ``words``. When no candidate fits (a
    few short sentences, a tiny budget), ``rate`` ranks the eligible sentences instead.
    """
    table = weights(corpus)
    pool = _pool(corpus, table)
    picked = _solve(corpus, pool, table, words, sentences) if pool else []
    if not picked:  # too few words or sentences for the rules: rank what there is instead
        picked = list(select.top(corpus, rate(corpus), words=words, sentences=sentences))
    return tuple(sorted(picked, key=lambda i: _place(corpus, i)[::-1]))


def _place(corpus: Corpus, i: int) -> tuple[int, int]:
    return corpus.sentences[i].article, corpus.sentences[i].position


def _pool(corpus: Corpus, table: dict[Concept, float]) -> list[tuple[int, list[Concept]]]:
    """Candidates with the concepts they cover; a repeated sentence only once.

    At most POOL_LIMIT of them, the best by stand-alone weight per word (ties: earlier in its
    article, then earlier article), in corpus order.
    """
    seen: set[tuple[str, ...]] = set()
    pool = []
    for i, (s, ok) in enumerate(zip(corpus.sentences, candidates(corpus), strict=True)):
        if not ok:
            continue
        key = stems(s)
        covered = sorted(c for c in concepts(s) if c in table)
        if key in seen or not covered:
            continue
        seen.add(key)
        pool.append((i, covered))
    if len(pool) <= POOL_LIMIT:
        return pool

    def value(entry: tuple[int, list[Concept]]) -> tuple[float, int, int]:
        i, covered = entry
        alone = sum(table[c] for c in covered) / word_count(corpus.sentences[i])
        return (-alone, *_place(corpus, i)[::-1])

    return sorted(sorted(pool, key=value)[:POOL_LIMIT])


def _solve(
    corpus: Corpus,
    pool: Sequence[tuple[int, list[Concept]]],
    table: dict[Concept, float],
    words: int | None,
    sentences: int | None,
) -> list[int]:
    """max sum(weight * covered) s.t. covered <= sum(chosen containing it), budget.

    Exact unless HiGHS reaches NODE_LIMIT: then the better of its best solution so far and the
    greedy cover, both fixed by the input alone.
    """
    from scipy import sparse  # loaded only here: most of a brief's import time otherwise
    from scipy.optimize import Bounds, LinearConstraint, milp

    index: dict[Concept, int] = {}
    for _, covered in pool:
        for c in covered:
            index.setdefault(c, len(index))
    n, m = len(pool), len(index)
    objective = np.zeros(n + m)
    for j, (i, _) in enumerate(pool):
        objective[j] = -LEAD_EPSILON / (1.0 + corpus.sentences[i].position)
    for c, k in index.items():
        objective[n + k] = -table[c]
    rows, cols, values = [], [], []
    for j, (_, covered) in enumerate(pool):
        for c in covered:
            rows.append(index[c])
            cols.append(j)
            values.append(-1.0)
    rows.extend(range(m))
    cols.extend(range(n, n + m))
    values.extend([1.0] * m)
    coverage = sparse.csr_matrix((values, (rows, cols)), shape=(m, n + m))
    constraints = [LinearConstraint(coverage, -np.inf, 0.0)]
    if words is not None:
        lengths = np.zeros(n + m)
        lengths[:n] = [word_count(corpus.sentences[i]) for i, _ in pool]
        constraints.append(LinearConstraint(lengths.reshape(1, -1), -np.inf, words))
    if sentences is not None:
        counts = np.zeros(n + m)
        counts[:n] = 1.0
        constraints.append(LinearConstraint(counts.reshape(1, -1), -np.inf, sentences))
    result = milp(
        objective,
        constraints=constraints,
        integrality=np.ones(n + m),
        bounds=Bounds(0.0, 1.0),
        options={"node_limit": NODE_LIMIT},
    )
    x = result.x
    found = [] if x is None else [i for j, (i, _) in enumerate(pool) if x[j] > 0.5]
    if result.status == 0:  # solved to optimality
        return found
    greedy = _greedy(corpus, pool, table, words, sentences)
    return max(found, greedy, key=lambda picked: _covered_weight(corpus, picked, table))


def _covered_weight(corpus: Corpus, picked: Sequence[int], table: dict[Concept, float]) -> float:
    covered = {c for i in picked for c in concepts(corpus.sentences[i]) if c in table}
    return sum(table[c] for c in sorted(covered))


def _greedy(
    corpus: Corpus,
    pool: Sequence[tuple[int, list[Concept]]],
    table: dict[Concept, float],
    words: int | None,
    sentences: int | None,
) -> list[int]:
    """Best new concept weight per word first (Khuller et al.'s budgeted cover)."""
    covered: set[Concept] = set()
    chosen: list[int] = []
    used = 0
    left = list(pool)
    while left and (sentences is None or len(chosen) < sentences):
        best: tuple[float, int, int, int] | None = None
        for k, (i, cs) in enumerate(left):
            n = word_count(corpus.sentences[i])
            if words is not None and used + n > words:
                continue
            gain = sum(table[c] for c in cs if c not in covered) / n
            key = (-gain, *_place(corpus, i), k)
            if gain > 0 and (best is None or key < best):
                best = key
        if best is None:
            break
        i, cs = left.pop(best[3])
        chosen.append(i)
        covered.update(cs)
        used += word_count(corpus.sentences[i])
    return chosen
