"""Sentence scoring: the METHODS registry, name -> Method.

A method rates every sentence of a Corpus (higher is better); ``select`` then chooses within a
budget. sumy's summarizers run through sumy's own classes (see ``sumy_adapter``); ``brief`` is
the project's default. CLI choices, ``brief methods`` and the README table come from METHODS.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from brief.errors import ConfigError
from brief.models import Corpus

Scores = tuple[float, ...]

# The "centroid" method (the default until the concept ILP measured better on DUC 2004). Weights
# chosen by reading the seeds brief and DUC 2004 output; see select.py
# for redundancy control. Lead sentences of news carry the story: a sentence's position bonus
# decays as 1/(1 + position)^LEAD_DECAY.
LEAD_DECAY = 0.5
LEAD_WEIGHT = 0.5
# Facts that several outlets report matter more: each further article that carries a similar
# sentence (cosine >= SUPPORT_COSINE) adds SUPPORT_WEIGHT.
SUPPORT_COSINE = 0.35
SUPPORT_WEIGHT = 0.25


# A method that chooses a whole summary at once (a coverage objective is not a per-sentence
# score): (corpus, words, sentences) -> indices into corpus.sentences, in summary order.
Chooser = Callable[[Corpus, int | None, int | None], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    summary: str
    rate: Callable[[Corpus], Scores]
    choose: Chooser | None = None


def _sumy(name: str, corpus: Corpus) -> Scores:
    from brief.scoring import oracle as sumy_adapter

    return sumy_adapter.rate(name, corpus)


def _centroid(corpus: Corpus) -> Scores:
    """Centrality (cosine to the cluster's tf-idf centroid) x lead position x outlet support."""
    from brief import vectors

    sentences = corpus.sentences
    if not sentences:
        return ()
    matrix = vectors.tfidf(corpus)
    centrality = vectors.centroid_cosine(matrix)
    support = vectors.article_support(corpus, matrix, SUPPORT_COSINE)
    scores = []
    for s, c, n in zip(sentences, centrality, support, strict=True):
        lead = 1.0 / math.pow(1.0 + s.position, LEAD_DECAY)
        scores.append(float(c) * (1.0 + LEAD_WEIGHT * lead) * (1.0 + SUPPORT_WEIGHT * n))
    return tuple(scores)


# sumy's summarizers, computed by scoring.fast with sumy's ratings (the oracle tests check it).
SUMY_SUMMARIES = {
    "lexrank": "LexRank as sumy rates it: power method on a tf-idf cosine graph (Erkan & Radev)",
    "textrank": "TextRank as sumy rates it: PageRank over word overlap (Mihalcea & Tarau)",
    "lsa": "LSA as sumy rates it: norm over all singular vectors (favours many distinct words)",
    "luhn": "Luhn as sumy rates it: clusters of significant words (Luhn 1958)",
    "kl": "KL-Sum as sumy rates it: greedy least KL divergence to the input's words",
    "sumbasic": "SumBasic as sumy rates it: word probabilities, squared after each pick",
    "edmundson": "Edmundson as sumy rates it: cue, title and location words (Edmundson 1969)",
    "reduction": "Reduction as sumy rates it: summed word-overlap similarity",
    "random": "Random as sumy rates it: a seeded shuffle, the floor every method must beat",
}
# Corrected variants of methods whose sumy implementation has a known defect (see brief/fast).
CORRECTED_SUMMARIES = {
    "lexrank-converged": "LexRank with damping, run to convergence as the paper defines it",
    "lsa-topics": "LSA on the leading topics (Steinberger & Jezek 2004), not every dimension",
}
# name -> function in brief.scoring.fast computing it (vectorised, same ratings as sumy's class).
FAST = {
    "lexrank": "graphs.lexrank",
    "textrank": "graphs.textrank",
    "lsa": "lexical.lsa",
    "luhn": "lexical.luhn",
    "kl": "greedy.kl",
    "sumbasic": "greedy.sumbasic",
    "edmundson": "lexical.edmundson",
    "reduction": "graphs.reduction",
    "random": "lexical.random_",
    "lexrank-converged": "graphs.lexrank_converged",
    "lsa-topics": "lexical.lsa_topics",
}
# sumy's own classes stay reachable as sumy-<name>: the oracle, and the baseline the bench times.
ORACLE_PREFIX = "sumy-"


def _fast(name: str, corpus: Corpus) -> Scores:
    import importlib

    from brief.scoring.fast import prep

    if not corpus.sentences:
        return ()
    if name == "random":  # a seeded shuffle: no need for the shared matrix
        from brief.scoring.fast import lexical

        return tuple(
            float(x) for x in lexical.shuffle(tuple(s.text.strip() for s in corpus.sentences))
        )
    module, function = FAST[name].split(".")
    rate_all = getattr(importlib.import_module(f"brief.scoring.fast.{module}"), function)
    return tuple(float(x) for x in rate_all(prep.prepare(corpus)))


def _concepts_rate(corpus: Corpus) -> Scores:
    from brief.scoring import concepts

    return concepts.rate(corpus)


def _concepts_choose(corpus: Corpus, words: int | None, sentences: int | None) -> tuple[int, ...]:
    from brief.scoring import concepts

    return concepts.choose(corpus, words, sentences)


DEFAULT = "brief"
METHODS: dict[str, Method] = {
    DEFAULT: Method(
        DEFAULT,
        "brief's default: most weight of the story's key bigrams within the budget (bounded ILP)",
        _concepts_rate,
        _concepts_choose,
    ),
    "centroid": Method("centroid", "centrality x lead x outlet support (tf-idf)", _centroid),
    **{
        name: Method(name, summary, partial(_fast, name))
        for name, summary in (SUMY_SUMMARIES | CORRECTED_SUMMARIES).items()
    },
    **{
        ORACLE_PREFIX + name: Method(
            ORACLE_PREFIX + name,
            f"sumy's own {name} class, unchanged (slow: the oracle and the bench baseline)",
            partial(_sumy, name),
        )
        for name in SUMY_SUMMARIES
    },
}


def method(name: str) -> Method:
    try:
        return METHODS[name]
    except KeyError:
        choices = ", ".join(METHODS)
        raise ConfigError(f"unknown method {name!r}: choose one of {choices}") from None


def rate(corpus: Corpus, name: str = DEFAULT) -> Scores:
    """Every sentence's score under method ``name``, in corpus order."""
    return method(name).rate(corpus)
