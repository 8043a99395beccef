"""The records that flow through the pipeline: frozen, slotted, equal by content.

    paths -> Article -> Sentence (in a Corpus) -> Group -> Item -> Section -> Brief

Positions, not texts, identify sentences: two outlets may carry the same wire sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``text`` holds paragraphs separated by a blank line."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; ``text == article.text[start:end]`` always holds."""

    article: int  # index into Corpus.articles
    position: int  # index of the sentence within its article
    paragraph: int  # index of the paragraph within its article
    text: str
    start: int
    end: int
    words: tuple[str, ...]  # word tokens as written
    terms: tuple[str, ...]  # lower-cased stems of the words that are not stop words


@dataclass(frozen=True, slots=True)
class Corpus:
    """All articles of one run and their sentences, made in one preprocessing pass."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences (indices into Corpus.sentences) stating the same fact; the first is shown."""

    members: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Support:
    """One source that states an item, and the sentence in which it does."""

    source: int  # 1-based number in Brief.sources
    sentence: str


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a brief: a verbatim sentence and every source that states it."""

    text: str
    speaker: str | None
    support: tuple[Support, ...]


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # lede | known | background | outlook | quotes
    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    path: str | None


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    date: str  # YYYY-MM-DD
    method: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of each section a brief holds; ``words`` caps the whole body."""

    lede: int
    known: int
    background: int
    outlook: int
    quotes: int
    words: int | None
    differ: int = 0  # facts shown under "Where sources differ" (not counted in ``words``)


# How long work reports how far it got: (stage, done, total), e.g. ("fetching", 3, 14). The
# library calls it; brief.progress draws it for a person.
Progress = Callable[[str, int, int], None]
