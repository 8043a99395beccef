"""Run sumy's own summarizer classes on our sentences and read their ratings back by position.

sumy hashes sentences by text, so ratings are read per position: each sentence of our corpus gets
the rating sumy gives the sentence object at the same index of ``document.sentences``. sumy's
own tokenizer would need NLTK's downloaded punkt data; we hand it our words instead.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from brief import segment
from brief.models import Corpus

# Edmundson's cue method needs cue words; these are the hedges and emphasis words of news copy.
BONUS_WORDS = ("significant", "important", "major", "first", "announced", "said", "new", "key")
STIGMA_WORDS = ("reportedly", "allegedly", "perhaps", "maybe", "rumor", "unconfirmed")
# RandomSummarizer shuffles with the global random module: seed it so runs are repeatable.
RANDOM_SEED = 2004


class _Words:
    """A sumy tokenizer that tokenizes with brief's word pattern (no NLTK data)."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return segment.words(text)

    def to_sentences(self, text: str) -> tuple[str, ...]:  # pragma: no cover - never asked
        return (text,)


def document(corpus: Corpus) -> Any:
    """A sumy document: one paragraph per article paragraph, article titles as headings."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    words = _Words()
    paragraphs: list[Any] = []
    current: list[Any] = []
    key: tuple[int, int] | None = None
    for s in corpus.sentences:
        if (s.article, s.paragraph) != key:
            if current:
                paragraphs.append(Paragraph(current))
            current = []
            title = corpus.articles[s.article].title
            if s.position == 0 and title:
                current.append(SumySentence(title, words, is_heading=True))
            key = (s.article, s.paragraph)
        current.append(SumySentence(s.text, words))
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


def summarizer(name: str) -> Any:
    """A configured sumy summarizer, as sumy's own command line sets it up (English)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers import (
        edmundson,
        kl,
        lex_rank,
        lsa,
        luhn,
        reduction,
        sum_basic,
        text_rank,
    )
    from sumy.summarizers import random as sumy_random

    classes: dict[str, Callable[..., Any]] = {
        "lexrank": lex_rank.LexRankSummarizer,
        "textrank": text_rank.TextRankSummarizer,
        "lsa": lsa.LsaSummarizer,
        "luhn": luhn.LuhnSummarizer,
        "kl": kl.KLSummarizer,
        "sumbasic": sum_basic.SumBasicSummarizer,
        "edmundson": edmundson.EdmundsonSummarizer,
        "reduction": reduction.ReductionSummarizer,
        "random": sumy_random.RandomSummarizer,
    }
    instance = classes[name](Stemmer("english"))
    stops = segment.stop_words()
    if hasattr(type(instance), "stop_words"):
        instance.stop_words = stops
    if name == "edmundson":
        instance.bonus_words = BONUS_WORDS
        instance.stigma_words = STIGMA_WORDS
        instance.null_words = stops
    return instance


def rate(name: str, corpus: Corpus) -> tuple[float, ...]:
    """sumy's rating of every sentence of ``corpus``, by position."""
    if not corpus.sentences:
        return ()
    doc = document(corpus)
    captured: list[float] = []

    def capture(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple[()]:
        rate_one = rating.__getitem__ if isinstance(rating, dict) else rating
        captured.extend(float(rate_one(s, *args, **kwargs)) for s in sentences)
        return ()

    instance = summarizer(name)
    instance._get_best_sentences = capture
    state = random.getstate()
    random.seed(RANDOM_SEED)
    try:
        instance(doc, len(corpus.sentences))
    finally:
        random.setstate(state)
    if len(captured) != len(corpus.sentences):  # pragma: no cover - a sumy change
        raise RuntimeError(f"sumy {name} rated {len(captured)} of {len(corpus.sentences)}")
    return tuple(captured)
