"""People in a story: who its articles name as persons (by a title, a speech verb or an
apposition), their surnames, and whether a text names someone by surname alone before the
reader has met the full name.

``standalone`` holds an item to "no person by surname alone before the brief introduced them";
``speakers`` finds who is quoted with the same patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from brief import segment
from brief.models import Corpus

# A person: a capitalised pair after a title, or one that speaks or is described.
TITLES = (
    r"(?:Mr|Mrs|Ms|Dr|Rev|Sen|Gov|Rep|Gen|Col|Lt|Capt|President|Premier|Minister|Secretary|"
    r"Prince|Princess|King|Queen|Judge|Justice|Chancellor|Pope|Bishop|Cardinal|Sheikh)"
)
PERSON_RES = (
    re.compile(
        rf"\b{TITLES}\.?\s+(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
    ),
    re.compile(
        r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?),?\s+"
        r"(?:said|says|told|added|who|a|an|the)\b"
    ),
    re.compile(r"\b(?:said|says|told)\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+)\b"),
)
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)


# "Tony Hall" is named once; "Hall said", "said Zha" alone elsewhere: a word that stands both
# next to a given name and alone as a speaker is a person's name, though no title or
# description marks it (the patterns above miss "The congressman, Tony Hall, D-Ohio" and a
# family name written first, "Zha Jianguo").
SPEAKS_ALONE_RE = re.compile(
    r"(?:^|[^\w\s.-]\s*|\b(?!(?:the|a|an|this|that)\s)[a-z][\w-]*\s+)([A-Z][a-z]+)\s+(?:said|says|told|added|noted|argued)\b|"
    r"\b(?:said|says|told)\s+([A-Z][a-z]+)\s*[,.;]"
)
# "in Madrid", "the Democrats": a place or a body, not a person, follows these.
PLACE_WORDS = frozenset("the in at near into across outside inside throughout".split())
# "Monsanto Co.", "Xinhua News Agency": a body's name, not a person's.
BODY_WORDS = frozenset(
    "Co Corp Inc Ltd Company Corporation News Agency University Party Group Bank Association "
    "Council Institute Foundation Center Committee Airlines Times Post Press".split()
)
TITLE_WORDS = frozenset(TITLES[3:-1].split("|")) | {"Mr", "Mrs", "Ms"}
# Words that open a sentence in capitals but are no name ("While Eberstadt counsels…"); a closed
# list, as sumy's stop words hold "new" ("New York") and "will" ("Will Smith").
FUNCTION_WORDS = frozenset(
    "the a an in on at by for with from to of and or but nor so yet while when where whether if "
    "as although though because since after before until unless once during under over about "
    "against between into through without within despite like unlike than that this these "
    "those there here he she it they we i you his her its their our my your also even only "
    "then still however meanwhile instead thus according both each every all some any no not "
    "many most more such other another what which who whom whose why how now today yesterday "
    "based given following last next".split()
)
PUNCTUATION_RE = re.compile(r"[,;:()“”\"—]|\s-+\s|\s_\s")
# Lower-case words inside names: "F.W. de Klerk", "Osama bin Laden" ("De Klerk's challenge"
# opening a sentence names him by surname alone).
PARTICLES = frozenset("de da di du van von der den al bin ben le la".split())


def surnames(corpus: Corpus) -> frozenset[str]:
    """Surnames of the people the articles name in full ("Louis Farrakhan said")."""
    titled, *described = PERSON_RES
    texts = [a.text for a in corpus.articles]
    by_title = {m.group(1) for t in texts for m in titled.finditer(t)}
    by_role = {m.group(1) for t in texts for rx in described for m in rx.finditer(t)}
    speaking = {
        w
        for s in corpus.sentences
        for m in SPEAKS_ALONE_RE.finditer(s.text)
        for w in m.groups()
        if w
    }
    # A name is paired only in a sentence that holds it: only those are read.
    holds_speaker = _any_of(speaking)
    paired = {w for s in corpus.sentences if holds_speaker(s.text) for w in _paired(s.text)}
    # A word also written in lower case ("house") is no name; nor, unless a title went before
    # it, one written after "the" ("a Georgia Republican said", "the Republican leaders").
    lower = {w for s in corpus.sentences for w in s.words if w.islower()}
    after_the = {
        w
        for s in corpus.sentences
        for b, w in zip(s.words, s.words[1:], strict=False)
        if b.lower() in ("the", "a", "an")
    }
    candidates = (by_role - after_the) | (speaking & paired)
    placed = _places_and_bodies(corpus, candidates)
    found = by_title | (by_role - after_the - placed) | (speaking & paired) - placed - TITLE_WORDS
    return frozenset(w for w in found - CALENDAR if w.lower() not in lower)


def _any_of(words: Collection[str]) -> Callable[[str], bool]:
    """Whether a text holds one of ``words`` (as a substring: a quick sieve, not a word test)."""
    if not words:
        return lambda text: False
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words)))
    return lambda text: pattern.search(text) is not None


def _places_and_bodies(corpus: Corpus, among: Collection[str]) -> set[str]:
    """Those of ``among`` that name a place or a body: they speak too ("Madrid said", "Xinhua
    said"), but follow a preposition of place or "the" ("in Madrid", "the Democrats"), or go
    before a body's word ("Monsanto Co.") and never after a given name ("Mary Douglass Brown").
    Only sentences that hold one of them are read."""
    places, bodies, given = set(), set(), set()
    holds = _any_of(among)
    texts = (s.text for s in corpus.sentences if holds(s.text))
    for words in (segment.words(c) for text in texts for c in _phrases(text)):
        for b, w, a in zip(["", *words], words, [*words[1:], ""], strict=False):
            if b.lower() in PLACE_WORDS and not _name_word(a):  # "at Brown University" is none
                places.add(w)
            if a.rstrip(".") in BODY_WORDS:
                bodies.add(w)
            if _name_word(b):
                given.add(w)
    return (places | (bodies - given)) & set(among)


POSSESSIVE_RE = re.compile(r"[’']s?$")


def bare(word: str) -> str:
    return POSSESSIVE_RE.sub("", word)


NO_NAME = FUNCTION_WORDS | PARTICLES
COMPOUND_RE = re.compile(r"-[a-z]")


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name: not "While" in "While Eberstadt
    counsels…", nor "De" in "De Klerk's challenge"."""
    return (
        word[:1].isupper()
        and word.lower() not in NO_NAME
        and not COMPOUND_RE.search(word)  # "St. Louis-based Monsanto": no given name
    )


def _phrases(text: str) -> list[str]:
    """``text`` cut at punctuation: "With warnings on Celebrex, Monsanto…" pairs no names."""
    return PUNCTUATION_RE.split(text)


def _paired(text: str) -> set[str]:
    """The words of ``text`` written next to another name word ("Tony Hall", "Zha Jianguo"),
    a particle between them ("F.W. de Klerk", "Rancho La Puerta")."""
    found: set[str] = set()
    for phrase in _phrases(text):
        plain = [bare(w) for w in segment.words(phrase)]
        for k, word in enumerate(plain):
            before = k - 1
            while before > 0 and plain[before].lower() in PARTICLES:
                before -= 1
            if _name_word(word) and 0 <= before < k and _name_word(plain[before]):
                found.update((word, plain[before]))
    return found


def named_in_full(texts: Iterable[str]) -> frozenset[str]:
    """Words written next to another name word: "Farrakhan" in "Louis Farrakhan", "Zha" in
    "Zha Jianguo"."""
    return frozenset(w for text in texts for w in _paired(text))


def unintroduced(text: str, people: Collection[str], introduced: Collection[str]) -> set[str]:
    """The surnames ``text`` uses alone, wherever they stand, that neither it nor
    ``introduced`` names in full."""
    words = [bare(w) for w in segment.words(text)]
    # "the Clinton administration" names an institution by its head, not the person
    alone = {
        w
        for b, w, a in zip(["", *words], words, [*words[1:], ""], strict=False)
        if not (b.lower() == "the" and a[:1].islower())
    }
    return (alone & set(people)) - named_in_full([text]) - set(introduced)
