"""Corpus -> Prepared: the one preprocessing pass every fast scorer shares.

Every word of every sentence becomes an integer id in one flat token stream; each distinct word is
lower-cased, checked against the stop list and stemmed once (``segment.stem`` is memoised). The
sparse sentence x stem count matrix over non-stop words is ``Sentence.terms`` as a matrix.

sumy sees article titles as headings (``sumy_adapter.document``): they count in the document's
words (Luhn, LSA, Edmundson) but are not sentences, so their tokens are kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse

from brief import segment
from brief.models import Corpus


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    n: int  # sentences
    keys: tuple[str, ...]  # what sumy hashes a sentence by: its stripped text
    duplicates: bool  # some keys repeat: sumy's dicts collapse those sentences
    offsets: Any  # (n + 1,) token stream offsets of each sentence
    sentence: Any  # token -> sentence index
    raw: Any  # token -> id of the word as written
    lower: Any  # token -> id of the lower-cased word
    stem: Any  # token -> id of the stem of the lower-cased word
    stop: Any  # token -> lower-cased word is a stop word
    is_lower: Any  # raw id -> the word as written is already lower case
    heading_stems: Any  # stem ids of every heading word, in order
    heading_stop: Any  # heading word (lower-cased) is a stop word
    stems: tuple[str, ...]  # stem id -> stem
    counts: Any  # CSR sentences x stems, counts of non-stop words (Sentence.terms)
    paragraph: Any  # sentence -> paragraph index in sumy's document
    first_in_paragraph: Any  # sentence opens its paragraph
    last_in_paragraph: Any  # sentence closes its paragraph

    def stem_ids(self, words: tuple[str, ...]) -> frozenset[int]:
        """Ids of the stems of ``words`` (lower-cased) that occur in the corpus."""
        index = {s: i for i, s in enumerate(self.stems)}
        found = (index.get(segment.stem(w.lower())) for w in words)
        return frozenset(i for i in found if i is not None)


@lru_cache(maxsize=1)
def prepare(corpus: Corpus) -> Prepared:
    """The shared token stream and matrices of ``corpus`` (memoised for the last corpus)."""
    sentences = corpus.sentences
    titles = _heading_words(corpus)
    stream = tuple(chain.from_iterable(s.words for s in sentences))
    words = {w: i for i, w in enumerate(dict.fromkeys(chain(stream, titles)))}
    tokens = np.fromiter(map(words.__getitem__, stream), dtype=np.int64, count=len(stream))
    heading = np.fromiter(map(words.__getitem__, titles), dtype=np.int64, count=len(titles))
    lengths = np.fromiter((len(s.words) for s in sentences), dtype=np.int64, count=len(sentences))
    lower, stem, stop, is_lower, stems = _vocabulary(tuple(words))
    offsets = np.zeros(len(sentences) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    owner = np.repeat(np.arange(len(sentences)), lengths)
    keys = tuple(s.text.strip() for s in sentences)
    paragraph, first, last = _paragraphs(corpus)
    return Prepared(
        n=len(sentences),
        keys=keys,
        duplicates=len(set(keys)) < len(keys),
        offsets=offsets,
        sentence=owner,
        raw=tokens,
        lower=lower[tokens],
        stem=stem[tokens],
        stop=stop[tokens],
        is_lower=is_lower,
        heading_stems=stem[heading],
        heading_stop=stop[heading],
        stems=stems,
        counts=matrix(owner, stem[tokens], ~stop[tokens], len(sentences), len(stems)),
        paragraph=paragraph,
        first_in_paragraph=first,
        last_in_paragraph=last,
    )


def matrix(rows: Any, cols: Any, keep: Any, n: int, width: int) -> Any:
    """CSR n x width of how often each (row, col) pair occurs among the kept tokens."""
    data = np.ones(int(keep.sum()), dtype=np.float64)
    out = sparse.csr_matrix((data, (rows[keep], cols[keep])), shape=(n, width))
    out.sum_duplicates()
    return out


def _heading_words(corpus: Corpus) -> list[str]:
    """Words of the titles sumy's document carries: articles that have sentences."""
    seen = sorted({s.article for s in corpus.sentences})
    return [w for a in seen if corpus.articles[a].title for w in _title_words(corpus, a)]


def _title_words(corpus: Corpus, article: int) -> tuple[str, ...]:
    return segment.words(corpus.articles[article].title or "")


def _vocabulary(raw: tuple[str, ...]) -> tuple[Any, Any, Any, Any, tuple[str, ...]]:
    """Per distinct word: lower-case id, stem id, stop flag, already-lower flag; stem strings."""
    stops = segment.stop_words()
    lowers: dict[str, int] = {}
    stems: dict[str, int] = {}
    lower = np.empty(len(raw), dtype=np.int64)
    stem = np.empty(len(raw), dtype=np.int64)
    stop = np.empty(len(raw), dtype=bool)
    is_lower = np.empty(len(raw), dtype=bool)
    for i, word in enumerate(raw):
        low = word.lower()
        lower[i] = lowers.setdefault(low, len(lowers))
        stem[i] = stems.setdefault(segment.stem(low), len(stems))
        stop[i] = low in stops
        is_lower[i] = low == word
    return lower, stem, stop, is_lower, tuple(stems)


def _paragraphs(corpus: Corpus) -> tuple[Any, Any, Any]:
    """sumy's paragraph of each sentence (a new one at each (article, paragraph) change)."""
    n = len(corpus.sentences)
    paragraph = np.zeros(n, dtype=np.int64)
    current = -1
    key: tuple[int, int] | None = None
    for i, s in enumerate(corpus.sentences):
        if (s.article, s.paragraph) != key:
            key = (s.article, s.paragraph)
            current += 1
        paragraph[i] = current
    first = np.ones(n, dtype=bool)
    first[1:] = paragraph[1:] != paragraph[:-1]
    last = np.ones(n, dtype=bool)
    last[:-1] = paragraph[1:] != paragraph[:-1]
    return paragraph, first, last


def collapse_last(values: Any, keys: tuple[str, ...]) -> Any:
    """Each sentence gets the value of the last sentence with its key (``dict(zip(...))``)."""
    last: dict[str, float] = {}
    for k, v in zip(keys, values.tolist(), strict=True):
        last[k] = v
    return np.fromiter((last[k] for k in keys), dtype=np.float64, count=len(keys))


def collapse_sum(values: Any, keys: tuple[str, ...]) -> Any:
    """Each sentence gets the sum over the sentences with its key (``ratings[s] += ...``)."""
    total: dict[str, float] = {}
    for k, v in zip(keys, values.tolist(), strict=True):
        total[k] = total.get(k, 0.0) + v
    return np.fromiter((total[k] for k in keys), dtype=np.float64, count=len(keys))


def collapse_picks(order: Any, keys: tuple[str, ...]) -> Any:
    """Ratings of a greedy pick order as sumy stores them: ``ratings[s] = -len(ratings)``."""
    ratings: dict[str, float] = {}
    for i in order.tolist():
        ratings[keys[i]] = -float(len(ratings))
    return np.fromiter((ratings[k] for k in keys), dtype=np.float64, count=len(keys))
