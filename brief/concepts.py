"""Concept coverage: the default method's objective and its budgeted choice (prototype)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from brief import segment
from brief.models import Corpus, Sentence

Concept = tuple[str, str]
TOKEN_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Params:
    min_words: int = 10
    max_words: int = 200
    min_docs: int = 3
    rouge_tokens: bool = True
    drop_quotes: bool = True
    drop_questions: bool = True
    position_bonus: float = 0.0
    first_k: int = 0
    solver: str = "ilp"
    lead_eps: float = 1e-3
    unigrams: float = 0.0
    weight_pow: float = 1.0
    max_position: int = 10_000
    pos_decay: float = 0.0
    relative: bool = False
    balanced: bool = False
    pronoun: bool = False
    initials: bool = False
    strict: bool = False


P = Params()


def tokens(sentence: Sentence, rouge: bool) -> tuple[str, ...]:
    if rouge:
        raw = TOKEN_RE.findall(sentence.text.lower())
    else:
        raw = [w.lower() for w in sentence.words]
    return tuple(segment.stem(w) for w in raw)


def concepts_of(sentence: Sentence, p: Params = P) -> set[Concept]:
    stops = segment.stop_words()
    if p.rouge_tokens:
        raw = TOKEN_RE.findall(sentence.text.lower())
    else:
        raw = [w.lower() for w in sentence.words]
    stems = [segment.stem(w) for w in raw]
    out = set()
    for i in range(len(raw) - 1):
        if raw[i] in stops and raw[i + 1] in stops:
            continue
        if p.strict and (raw[i] in stops or raw[i + 1] in stops):
            continue
        out.add((stems[i], stems[i + 1]))
    if p.unigrams:
        for w, s in zip(raw, stems, strict=True):
            if w not in stops:
                out.add((s, ""))
    return out


def length(sentence: Sentence) -> int:
    return max(len(sentence.words), len(sentence.text.split()))


def eligible(sentence: Sentence, p: Params = P) -> bool:
    n = length(sentence)
    if n < p.min_words or n > p.max_words:
        return False
    if sentence.position > p.max_position:
        return False
    text = sentence.text
    if p.drop_questions and text.rstrip("”\"' ").endswith("?"):
        return False
    if p.drop_quotes and (text.startswith(("“", '"')) ):
        return False
    if p.balanced and not _balanced(text):
        return False
    if p.pronoun and text.split()[0].lower().strip(",") in PRONOUNS:
        return False
    if p.initials and INITIALS_END.search(text):
        return False
    return True


PRONOUNS = frozenset("he she they it his her their its this these those i we our my you".split())
INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def weights(corpus: Corpus, p: Params = P) -> dict[Concept, float]:
    docs: dict[Concept, set[int]] = {}
    firsts: Counter[Concept] = Counter()
    best: dict[tuple[Concept, int], float] = {}
    for s in corpus.sentences:
        cs = concepts_of(s, p)
        for c in cs:
            docs.setdefault(c, set()).add(s.article)
            v = (1 + s.position) ** -p.pos_decay
            if v > best.get((c, s.article), 0.0):
                best[(c, s.article)] = v
        if s.position < p.first_k:
            firsts.update(cs)
    out = {}
    for c, d in docs.items():
        n = len(d)
        if n < p.min_docs:
            continue
        w = n**p.weight_pow
        if p.pos_decay:
            w = sum(best[(c, a)] for a in d)
        if c[1] == "":
            w *= p.unigrams
        w += p.position_bonus * firsts[c]
        out[c] = w
    return out


def choose(corpus: Corpus, words: int | None, sentences: int | None, p: Params = P) -> tuple[int, ...]:
    w = weights(corpus, p)
    seen: set[str] = set()
    cand: list[int] = []
    cand_concepts: list[list[Concept]] = []
    for i, s in enumerate(corpus.sentences):
        if not eligible(s, p):
            continue
        key = " ".join(tokens(s, True))
        if key in seen:
            continue
        seen.add(key)
        cs = sorted(c for c in concepts_of(s, p) if c in w)
        if not cs:
            continue
        cand.append(i)
        cand_concepts.append(cs)
    if p.solver == "ilp":
        picked = _ilp(corpus, cand, cand_concepts, w, words or 100, p)
    else:
        picked = _greedy(corpus, cand, cand_concepts, w, words or 100, p)
    return tuple(sorted(picked, key=lambda i: (corpus.sentences[i].article, corpus.sentences[i].position)))


def _ilp(corpus, cand, cand_concepts, w, budget, p):
    index: dict[Concept, int] = {}
    for cs in cand_concepts:
        for c in cs:
            index.setdefault(c, len(index))
    n, m = len(cand), len(index)
    cvec = np.zeros(n + m)
    for c, k in index.items():
        cvec[n + k] = -w[c]
    for j, i in enumerate(cand):
        s = corpus.sentences[i]
        cvec[j] = -p.lead_eps / (1 + s.position)
    rows, cols, vals = [], [], []
    for j, cs in enumerate(cand_concepts):
        for c in cs:
            rows.append(index[c]); cols.append(j); vals.append(-1.0)
    for k in range(m):
        rows.append(k); cols.append(n + k); vals.append(1.0)
    A = sparse.csr_matrix((vals, (rows, cols)), shape=(m, n + m))
    L = np.zeros(n + m)
    L[:n] = [length(corpus.sentences[i]) for i in cand]
    cons = [LinearConstraint(A, -np.inf, 0), LinearConstraint(L.reshape(1, -1), -np.inf, budget)]
    res = milp(cvec, constraints=cons, integrality=np.ones(n + m), bounds=Bounds(0, 1),
               options={"time_limit": 20})
    x = res.x
    return [cand[j] for j in range(n) if x[j] > 0.5]


def _greedy(corpus, cand, cand_concepts, w, budget, p):
    covered: set[Concept] = set()
    chosen = []
    used = 0
    remaining = list(range(len(cand)))
    while True:
        best, best_val = None, 0.0
        for j in remaining:
            l = length(corpus.sentences[cand[j]])
            if used + l > budget:
                continue
            gain = sum(w[c] for c in cand_concepts[j] if c not in covered)
            val = gain / l
            if val > best_val:
                best, best_val = j, val
        if best is None:
            break
        chosen.append(cand[best])
        covered.update(cand_concepts[best])
        used += length(corpus.sentences[cand[best]])
        remaining.remove(best)
    return chosen
