"""Articles -> sentences with offsets, words and terms; no downloaded NLTK data, ever.

Two stages, run one after the other by ``corpus``: ``cut`` segments an article (its sentences'
texts and offsets), then ``vectorise`` finds the words and terms of those sentences.
Sentences come from the Punkt algorithm run with parameters we ship (a news abbreviation list
and common sentence starters) instead of the ``punkt_tab`` model, which these machines cannot
download: brief.punkt makes NLTK's decisions without its per-token objects, and
``reference_spans`` (NLTK's own classes) is what it is held to. Words come from one regular
expression; terms are Snowball stems of the words that are not in sumy's bundled English
stop-word list.

Invariant (property-tested): for every sentence, ``article.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from brief import punkt
from brief.models import Article, Corpus, Sentence

# Lower-case, without the final period, as Punkt stores them. Titles, months, days, US states
# as newsrooms abbreviate them (AP style), company suffixes, "Alex." of the firm BT Alex. Brown
# and the usual Latin.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov lt col gen maj capt sgt cpl pvt adm cmdr cmndr rev hon pres supt
    st mt ft jr sr messrs mmes msgr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo n.h n.j n.m n.y n.c n.d s.c s.d w.va
    inc corp co cos ltd llc plc bros dept univ assn intl natl mfg est no nos vol vs etc approx
    alex
    e.g i.e cf al viz ca
    u.s u.k u.n e.u u.s.a u.s.s.r d.c l.a a.m p.m b.c a.d ph.d m.d
    """.split()
)

# An abbreviation that is followed by one of these, capitalised, ends its sentence anyway:
# "... imposed by the U.S. The move ..." (Punkt's sent_starters parameter).
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there
    but and so yet however meanwhile still also in on at for after before when while if as
    mr mrs ms dr
    """.split()
)

# Letters and digits, joined by apostrophes, hyphens or inner periods: U.S, 3.5, don't, chip-maker.
# Han, kana and their compatibility forms are written without spaces: each character is a word.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Possessive (Python 3.11): the same tokens, as nothing follows a run that could take some
# back, about a tenth faster.
WORD_RE = re.compile(rf"[^\W_{CJK}]++(?:['’.\-][^\W_{CJK}]++)*+|[{CJK}]")
# Full-width sentence ends (Chinese, Japanese), with the closing quotes that may follow them.
CJK_END_RE = re.compile(r"[。！？]+[」』”’)）]*")
CLOSERS = "\"'”’)]»"


@contextmanager
def _bare_nltk() -> Iterator[None]:
    """Import single NLTK modules without running ``nltk/__init__.py``.

    That file imports most of NLTK, scipy.stats among it: about 2 s, for the Punkt and Snowball
    modules that need none of it. Stand-in packages hold the submodule paths while they load;
    afterwards sys.modules is left as it was, so a later ``import nltk`` (sumy's) is complete.
    """
    if "nltk" in sys.modules:
        yield
        return
    import importlib.util
    import types

    spec = importlib.util.find_spec("nltk")
    root = Path(spec.origin if spec and spec.origin else ".").parent
    before = set(sys.modules)
    for name in ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus"):
        package = types.ModuleType(name)
        package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
        sys.modules[name] = package
    # Snowball imports NLTK's stop-word corpus reader; it is used only with ignore_stopwords.
    sys.modules["nltk.corpus"].stopwords = None  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


def _nltk_module(name: str) -> Any:
    """NLTK module ``name``, loaded bare if this NLTK allows it, else by a plain import."""
    import importlib

    try:
        with _bare_nltk():
            return importlib.import_module(name)
    except (ImportError, AttributeError):  # an NLTK whose modules need its __init__ after all
        return importlib.import_module(name)


@cache
def _punkt() -> Callable[[str], list[tuple[int, int]]]:
    """Punkt with the shipped parameters: a paragraph -> its sentence spans (brief.punkt)."""
    return punkt.splitter(ABBREVIATIONS, SENTENCE_STARTERS)


@cache
def _reference() -> Any:
    punkt_module = _nltk_module("nltk.tokenize.punkt")
    params = punkt_module.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return punkt_module.PunktSentenceTokenizer(params)


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's spans by NLTK's own classes with the same parameters: what brief.punkt must
    match (tests/test_punkt.py, bench/front.py). Several times slower; never on the path."""
    return list(_reference().span_tokenize(text))


@cache
def stop_words() -> frozenset[str]:
    """sumy's bundled English stop words (read as data: importing sumy is not needed)."""
    data = resources.files("sumy").joinpath("data/stopwords/english.txt").read_text("utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip())


@cache
def _stemmer() -> object:
    return _nltk_module("nltk.stem.snowball").EnglishStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word, memoised: news repeats its vocabulary."""
    return str(_stemmer().stem(word))  # type: ignore[attr-defined]


def words(text: str) -> tuple[str, ...]:
    """Word tokens as written, in order."""
    return tuple(WORD_RE.findall(text))


# Words whose terms are remembered, as written ("Said" and "said" are two entries): news
# repeats its vocabulary, and one lookup per word replaces lower(), the stop list and the stem
# cache. The bound, the stem cache's, keeps a long-running process (brief daily) from growing
# without end: the 1,450 DUC articles hold 42,471 distinct words as written.
TERMS_REMEMBERED = 200_000
# Word as written -> its stem, or "" for a stop word (so that filter() drops it). A word whose
# stem is "" (Snowball gives none for a word words() finds) is never remembered: it takes the
# slow path every time, and keeps its "" term there.
_TERMS: dict[str, str] = {}


def terms(tokens: Sequence[str]) -> tuple[str, ...]:
    """Stems of the lower-cased tokens that are not stop words."""
    try:
        return tuple(filter(None, map(_TERMS.__getitem__, tokens)))
    except KeyError:
        return tuple([t for t in _learn(tokens) if t is not None])


def _learn(tokens: Sequence[str]) -> list[str | None]:
    """Each token's stem (None for a stop word), remembered for the next time."""
    if len(_TERMS) >= TERMS_REMEMBERED:
        _TERMS.clear()
    stops = stop_words()
    found: list[str | None] = []
    for token in tokens:
        low = token.lower()
        term = None if low in stops else stem(low)
        if term != "":
            _TERMS[token] = term or ""
        found.append(term)
    return found


# The words WORD_RE finds, matched from a table of ASCII letters and digits instead of Unicode
# categories: 30-40% faster. The same words in any text whose other characters are ASCII or
# among TABLE_SAFE: ’ joins as WORD_RE's does; the rest are neither word characters nor joiners
# (quotes, including those clean.py makes of TeX's `` and '', dashes, the ellipsis, the
# no-break space). Most news holds no other; a text that does (é, Chinese) takes WORD_RE.
TABLE_WORD_RE = re.compile(r"[A-Za-z0-9]++(?:['’.\-][A-Za-z0-9]++)*+")
TABLE_SAFE = ("“", "”", "’", "—", "–", "‘", "…", "\xa0")
Cut = list[tuple[int, int, int, str]]  # (paragraph, start, end, text) of each sentence


def cut(article: Article) -> Cut:
    """Segmentation: (paragraph, start, end, text) of each sentence of ``article``, in order,
    offsets into ``article.text``. A span without words is dropped later (``records``)."""
    found: Cut = []
    text = article.text
    for p, (p_start, p_end) in enumerate(paragraphs(text)):
        block = text[p_start:p_end]
        found.extend(
            (p, p_start + start, p_start + end, block[start:end]) for start, end in spans(block)
        )
    return found


Vectors = tuple[list[tuple[str, ...]], list[tuple[str, ...]]]


def vectorise(texts: Sequence[str]) -> Vectors:
    """Vectorising: the words (``words``) and terms (``terms``) of each text, in order. The
    pattern is chosen once for all the texts (an article's sentences: one non-ASCII article
    does not slow the rest)."""
    probe = "\n".join(texts)
    for mark in TABLE_SAFE:
        if probe.isascii():
            break
        probe = probe.replace(mark, " ")
    find = (TABLE_WORD_RE if probe.isascii() else WORD_RE).findall
    found = [tuple(find(text)) for text in texts]
    return found, [terms(tokens) for tokens in found]


ATTRIBUTION_RE = re.compile(r"[–—-]\s*\S")


def _merge_attributions(text: str, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'“Quote.” – Senator Jim Risch.' is one sentence: the dash line names the speaker."""
    merged: list[tuple[int, int]] = []
    for start, end in raw:
        quoted = merged and text[merged[-1][1] - 1] in '"”'
        if quoted and ATTRIBUTION_RE.match(text, start) and end - start < 120:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


INITIALS_RE = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,3}$")
FIRST_WORD_RE = re.compile(r"[\"'“‘(]*([A-Za-z]+)")


# The longest run INITIALS_RE can match: a space and three initials.
INITIALS_CHARS = 7


def _merge_initials(text: str, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'President B.J.' + 'Habibie said…' is one sentence: runs of initials are not ends.

    Punkt knows only the initials it was given (U.S., U.N.); a run it does not know ends a
    sentence only when a sentence starter follows ("…by the F.B.I. The agency…").
    """
    merged: list[tuple[int, int]] = []
    for start, end in raw:
        # A capital before the last character (or a line break last) is needed: most spans end
        # "word." and are passed over without a call.
        if (
            merged
            and ("A" <= text[merged[-1][1] - 2] <= "Z" or text[merged[-1][1] - 1] == "\n")
            and _ends_in_initials(text, *merged[-1])
        ):
            first = FIRST_WORD_RE.match(text, start)
            if first is not None and first.group(1).lower() not in SENTENCE_STARTERS:
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _ends_in_initials(text: str, start: int, end: int) -> bool:
    """INITIALS_RE in text[start:end], looked for only where it can end: at a capital and a
    period, last or before a final line break (where $ also matches)."""
    last = end - 2 if text[end - 1] == "\n" else end - 1
    if last <= start or text[last] != "." or not "A" <= text[last - 1] <= "Z":
        return False
    return INITIALS_RE.search(text, max(start, end - INITIALS_CHARS - 1), end) is not None


def _split_cjk(text: str, span: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """A span cut after each full-width sentence end (。！？): Punkt only knows .?!"""
    start, end = span
    for found in CJK_END_RE.finditer(text, start, end):
        if found.end() < end:
            yield start, found.end()
            start = found.end()
    yield start, end


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one paragraph, closing quotes kept with their sentence."""
    raw = _punkt()(text)
    if len(raw) > 1:
        raw = _merge_attributions(text, _merge_initials(text, raw))
    if any(mark in text for mark in "。！？"):  # CJK_END_RE's first characters
        raw = [part for span in raw for part in _split_cjk(text, span)]
    size = len(text)
    found = []
    for i, (start, end) in enumerate(raw):
        # Punkt may leave a closing quote at the head of the next sentence: give it back.
        while start < end and text[start] in CLOSERS and i > 0 and text[start - 1] not in " \n":
            start += 1
        while end < size and text[end] in CLOSERS and (end + 1 == size or text[end + 1].isspace()):
            end += 1
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            found.append((start, end))
    return found


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines."""
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        yield match.start(), match.end()


def article_sentences(article: Article, index: int) -> list[Sentence]:
    """The sentences of ``article``, the ``index``-th of its corpus: ``cut``, then ``vectorise``."""
    found = cut(article)
    return records(index, found, vectorise([c[3] for c in found]))


def records(index: int, found: Cut, vectors: Vectors) -> list[Sentence]:
    """Records of one article's cut sentences and their vectors; a span without words (a lone
    mark, a run of dashes) is no sentence, and takes no position."""
    made = []
    position = 0
    for (p, start, end, text), tokens, stems in zip(found, *vectors, strict=True):
        if tokens:
            # Positional: about a third cheaper than keywords, for every sentence read.
            # Sentence(article, position, paragraph, text, start, end, words, terms)
            made.append(Sentence(index, position, p, text, start, end, tokens, stems))
            position += 1
    return made


def corpus(articles: Sequence[Article]) -> Corpus:
    """The one preprocessing pass: every sentence of every article, in article order.

    The stages run one after the other, each over every article (bench/speed.py --front
    times them apart): segmentation, then vectorising, then the records."""
    cuts = [cut(a) for a in articles]
    vectors = [vectorise([c[3] for c in found]) for found in cuts]
    made: list[Sentence] = []
    for i, (found, v) in enumerate(zip(cuts, vectors, strict=True)):
        made.extend(records(i, found, v))
    return Corpus(articles=tuple(articles), sentences=tuple(made))
