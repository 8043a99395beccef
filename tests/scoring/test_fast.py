"""Oracle tests: every fast scorer gives the ratings sumy's own class gives (sumy_adapter.rate).

Generated articles draw from a small vocabulary that exercises what sumy's code is sensitive to:
stop words written with a capital (KL-Sum counts "The" but not "the"), words that stem alike,
repeated words, Edmundson's cue words, one-word sentences and titles.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from brief import ingest, segment
from brief import scoring as score
from brief.models import Article, Corpus
from brief.scoring import oracle as sumy_adapter
from brief.scoring.fast import graphs, greedy, lexical, prep
from tests.conftest import SEEDS

FAST = {
    "lexrank": graphs.lexrank,
    "textrank": graphs.textrank,
    "reduction": graphs.reduction,
    "lsa": lexical.lsa,
    "luhn": lexical.luhn,
    "edmundson": lexical.edmundson,
    "random": lexical.random_,
    "sumbasic": greedy.sumbasic,
    "kl": greedy.kl,
}
VOCABULARY = (
    "the The a of and in said it It is was storm storms stormy flood floods flooding city "
    "cities mayor river rivers water officials official rescue rescued significant new "
    "reportedly allegedly major rain Rain people homes home power thousands thousand"
).split()


def oracle(name: str, corpus: Corpus) -> Any:
    """sumy's ratings; NaN where sumy divides by zero, None where it rates nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sumy LSA warns on short texts, LexRank on 0/0
        try:
            return np.asarray(sumy_adapter.rate(name, corpus))
        except RuntimeError:  # LSA with no content word returns no sentence at all
            return None


def assert_same(name: str, corpus: Corpus) -> None:
    mine = np.asarray(FAST[name](prep.prepare(corpus)))
    expected = oracle(name, corpus)
    if expected is None or np.isnan(expected).any():
        assert not mine.any(), f"{name}: sumy rates nothing; fast rates all 0"
        return
    scale = max(1.0, float(np.abs(expected).max()))
    np.testing.assert_allclose(mine, expected, rtol=1e-9, atol=1e-9 * scale, err_msg=name)


def corpus_of(articles: list[tuple[str | None, list[list[str]]]]) -> Corpus:
    built = [
        Article(text="\n\n".join(" ".join(p) for p in paragraphs), title=title)
        for title, paragraphs in articles
    ]
    return segment.corpus(built)


sentence = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=3)
article = st.tuples(
    st.one_of(st.none(), st.sampled_from(["Storm floods city", "The mayor said", "Rain"])),
    st.lists(paragraph, min_size=1, max_size=3),
)
articles = st.lists(article, min_size=1, max_size=3)


def unique(corpus: Corpus) -> bool:
    texts = [s.text for s in corpus.sentences]
    return len(set(texts)) == len(texts)


@pytest.mark.parametrize("name", sorted(FAST))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(articles)
def test_generated_texts_rate_as_sumy(name: str, data: list[Any]) -> None:
    corpus = corpus_of(data)
    assume(corpus.sentences and unique(corpus))  # a skipped example is not counted as a pass
    assert_same(name, corpus)


@pytest.mark.parametrize("name", sorted(FAST))
def test_seeds_rate_as_sumy(name: str, seeds: Corpus) -> None:
    assert_same(name, seeds)


@pytest.mark.parametrize("name", sorted(FAST))
def test_duplicate_sentences_collapse_as_in_sumy(name: str) -> None:
    """Two outlets carry the same wire sentence: sumy's dicts merge them by text."""
    wire = ["Floods cut power to thousands of homes.", "The mayor said rescue crews were out."]
    corpus = corpus_of(
        [
            ("Storm floods city", [[wire[0], "Rain fell for six hours on the city."], [wire[1]]]),
            (None, [["River water rose in the night.", wire[0]], [wire[1], "Power is back."]]),
            ("Rain", [[wire[1]], ["Officials reportedly closed the river road.", wire[0]]]),
        ]
    )
    assert not unique(corpus)
    assert_same(name, corpus)


@pytest.mark.parametrize("name", sorted(FAST))
def test_different_sentences_with_the_same_terms(name: str) -> None:
    """LexRank merges sentences with equal term counts into one node: results must not move."""
    corpus = corpus_of(
        [(None, [["Storm."], ["The storm.", "The.", "It."], ["Floods in the city."]])]
    )
    assert_same(name, corpus)


def test_kl_breaks_exact_ties_as_sumy() -> None:
    """'storm x3 stormy' and 'flood' have equal divergence in exact terms; sumy's rounding
    prefers 'flood', and so must we (hypothesis found this one)."""
    corpus = corpus_of(
        [
            (None, [["The.", "The floods floods.", "The storm storm storm stormy."]]),
            (None, [["The.", "The storms."], ["The.", "The.", "The flood."]]),
            (None, [["The.", "The flood.", "The flood flood."]]),
        ]
    )
    assert_same("kl", corpus)


def test_lexrank_with_no_shared_weight_rates_zero() -> None:
    """Every term is in all but one sentence (idf 0): sumy's power method gives NaN, fast 0."""
    corpus = corpus_of([(None, [["Storm city."], ["Storm."], ["City."]])])
    assert_same("lexrank", corpus)


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return segment.corpus(ingest.read([str(SEEDS)]))


def test_registry_serves_fast_methods_and_keeps_the_oracle(seeds: Corpus) -> None:
    fast = score.rate(seeds, "lexrank")
    sumy = score.rate(seeds, "sumy-lexrank")
    np.testing.assert_allclose(fast, sumy, rtol=1e-9, atol=1e-12)
    for name in score.FAST:
        assert len(score.rate(seeds, name)) == len(seeds.sentences)


def test_corrected_lexrank_is_a_converged_distribution(seeds: Corpus) -> None:
    ranks = graphs.lexrank_converged(prep.prepare(seeds))
    assert ranks.min() > 0
    assert ranks.sum() == pytest.approx(1.0)
    graph, _, _ = graphs.lexrank_graph(prep.prepare(seeds))
    assert (graph != graph.T).nnz == 0  # cosine is symmetric


def test_lsa_topics_is_deterministic(seeds: Corpus) -> None:
    p = prep.prepare(seeds)
    first, second = lexical.lsa_topics(p), lexical.lsa_topics(p)
    assert np.array_equal(first, second)
    assert (first >= 0).all()
    assert not np.array_equal(first.argsort(), lexical.lsa(p).argsort())  # they differ


def test_lsa_topics_on_a_small_matrix_uses_the_dense_svd() -> None:
    corpus = corpus_of([(None, [["Storm floods city."], ["Storm rain."]])])
    ranks = lexical.lsa_topics(prep.prepare(corpus))
    assert ranks.shape == (2,)
    assert (ranks > 0).all()


def test_empty_corpus_rates_nothing() -> None:
    assert score.rate(Corpus(articles=(), sentences=()), "lexrank") == ()


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (imports start from nothing) and return its output."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_cli_registry_and_config_import_nothing_heavy() -> None:
    """`brief --help` and `brief methods` stay fast: numpy, scipy, nltk, sumy load on demand."""
    loaded = _fresh(
        "import sys, brief.cli, brief.scoring, brief.config; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy','scipy','nltk','sumy'}))"
    )
    assert loaded == "[]"


def test_segment_loads_nltk_parts_and_leaves_nltk_importable() -> None:
    """Punkt and Snowball load without nltk/__init__; a later `import nltk` is the full package."""
    out = _fresh(
        "import sys; from brief import segment; segment._punkt(); segment._stemmer(); "
        "print('nltk' in sys.modules, 'scipy' in sys.modules); "
        "import nltk, nltk.stem.snowball; "
        "print(callable(nltk.word_tokenize), nltk.stem.snowball.EnglishStemmer().stem('floods'))"
    )
    assert out.splitlines() == ["False False", "True flood"]
