"""Punkt's sentence breaks for one paragraph: (start, end) spans, as NLTK's Punkt finds them.

NLTK's ``PunktSentenceTokenizer`` (Kiss and Strunk 2006) builds an object per word token and
runs its patterns through a time-out-guarded engine; with parameters we ship (an abbreviation
list and sentence starters, no trained collocations or orthographic statistics) its decision
reduces to a few tests on the one or two word tokens around each candidate end. This module
makes the same decisions: the candidate ends come from one compiled pattern over the paragraph,
each is decided from its context string (remembered: news repeats "said. The"), and the
boundaries are realigned past closing quotes and brackets as Punkt does.

Identical spans to NLTK's own classes: on every paragraph of DUC 2004 and 2006
(bench/front.py) and in tests/test_punkt.py, against ``brief.segment.reference_spans``.
The patterns are Punkt's English ones as NLTK 3.10 writes them (``PunktLanguageVars``,
Apache License 2.0), fixed here so the sentences do not change with the installed NLTK.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# PunktLanguageVars: characters that cannot be inside a word (curly quotes and guillemets
# included, so a period against one is still an end), multi-character punctuation, and the
# characters no word token starts with.
NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

# Punkt's word tokens (periods stay on their word: "U.S.", "said.").
WORD_TOKEN = re.compile(
    rf"""(
        {MULTI_CHAR}
        |
        (?={WORD_START})\S+?  # word characters until an end is found
        (?=
            \s|
            $|
            {NON_WORD}|{MULTI_CHAR}|
            ,(?=$|\s|{NON_WORD}|{MULTI_CHAR})
        )
        |
        \S
    )""",
    re.UNICODE | re.VERBOSE,
)
# A candidate end: .?! before other punctuation (group 1 alone) or before white space and the
# next token (group 2).
CANDIDATE = re.compile(rf"[\.\?!](?=({NON_WORD}|\s+(\S+)))", re.UNICODE)
# Closing quotes and brackets after an end belong to the sentence they close.
REALIGN = re.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)',
    re.MULTILINE,
)
# The characters REALIGN can start with (tested before the pattern runs).
CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
# Token classes of PunktToken.
ELLIPSIS = re.compile(r"\.\.+$")
NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
# What Punkt counts as white space when it looks back for the word before an end
# (string.whitespace, narrower than the pattern's \s).
WHITE = " \t\n\r\x0b\x0c"
SENT_END = (".", "?", "!")
PUNCTUATION = (";", ":", ",", ".", "!", "?")
# Contexts whose decisions are remembered (a context is a few dozen characters).
DECISIONS = 200_000

Spans = list[tuple[int, int]]


def splitter(abbreviations: Collection[str], starters: Collection[str]) -> Callable[[str], Spans]:
    """A function from a paragraph to its sentence spans, for these Punkt parameters:
    ``abbreviations`` lower-case without the final period (``u.s``), ``starters`` lower-case
    words that end a sentence after an abbreviation when capitalised."""
    decide = _decider(frozenset(abbreviations), frozenset(starters))
    decided: dict[str, bool] = {}

    def spans(text: str) -> Spans:
        if len(decided) >= DECISIONS:
            decided.clear()
        return _realign(text, _slices(text, decided, decide))

    return spans


def _slices(text: str, decided: dict[str, bool], decide: Callable[[str], bool]) -> Spans:
    """Punkt's ``_slices_from_text``: sentence slices before realignment.

    The word before a candidate is the text after the last white space since the previous
    candidate, or (when there is none, or it is that text's first character) the previous
    candidate's word extended; a candidate whose word the next one's overlaps is dropped, so a
    run like "!!!" is decided once, at its last mark. Each decision depends on its context
    ("said. The") alone, and is remembered in ``decided``.
    """
    white = [c for c in WHITE if c in text]
    space = " " if white == [" "] else None  # most paragraphs: one rfind per candidate
    found: Spans = []
    last_break = word_start = word_stop = 0
    pending = None
    for match in CANDIDATE.finditer(text):
        at = match.start()
        if space is not None:
            white_at = text.rfind(space, word_stop, at)
        else:
            white_at = max([text.rfind(c, word_stop, at) for c in white], default=-1)
        start = white_at + 1 if white_at > word_stop else word_start
        if pending is not None and word_stop <= start:
            context = text[word_start : pending.end(1)]  # inline: once per candidate
            ends = decided.get(context)
            if ends is None:
                ends = decided[context] = decide(context)
            if ends:
                last_break = _cut(found, last_break, pending)
        pending, word_start, word_stop = match, start, at
    if pending is not None:
        context = text[word_start : pending.end(1)]
        ends = decided.get(context)
        if ends is None:
            ends = decided[context] = decide(context)
        if ends:
            last_break = _cut(found, last_break, pending)
    found.append((last_break, len(text.rstrip())))
    return found


def _cut(found: Spans, last_break: int, match: re.Match[str]) -> int:
    """Close the sentence at ``match``; where the next one starts."""
    found.append((last_break, match.end()))
    following = match.start(2)
    return following if following >= 0 else match.end()


def _realign(text: str, slices: Spans) -> Spans:
    """Punkt's ``_realign_boundaries``: closing quotes and brackets move to the sentence before."""
    out: Spans = []
    realign = 0
    last = len(slices) - 1
    for i, (start, end) in enumerate(slices):
        start += realign
        if i == last:
            if start < end:
                out.append((start, end))
            break
        following, following_end = slices[i + 1]
        match = None
        if following < following_end and text[following] in CLOSING:
            match = REALIGN.match(text, following, following_end)
        if match:
            out.append((start, following + len(match.group(0).rstrip())))
            realign = match.end() - following
        else:
            realign = 0
            if start < end:
                out.append((start, end))
    return out


def _decider(abbreviations: frozenset[str], starters: frozenset[str]) -> Callable[[str], bool]:
    """Punkt's ``text_contains_sentbreak`` with empty collocation and orthographic tables: a
    context breaks when a token before its last ends a sentence."""

    def first_pass(token: str) -> str:
        """'break', 'abbr', 'ellipsis' or '' from the token alone."""
        if token in SENT_END:
            return "break"
        if ELLIPSIS.match(token):
            return "ellipsis"
        if token.endswith(".") and not token.endswith(".."):
            low = token[:-1].lower()
            if low in abbreviations or low.split("-")[-1] in abbreviations:
                return "abbr"
            return "break"
        return ""

    def ends(token: str, following: str) -> bool:
        kind = first_pass(token)
        if not token.endswith("."):
            return kind == "break"
        typ = _without_period(_type(token))
        next_type = _type(following)
        if first_pass(following) == "break":
            next_type = _without_period(next_type)
        initial = INITIAL.match(token) is not None
        upper = following[0].isupper()
        if kind in ("abbr", "ellipsis") and not initial and upper and next_type in starters:
            return True  # an abbreviation before a capitalised sentence starter
        if initial or typ == "##number##":
            if following in PUNCTUATION or following[0].islower():
                return False  # orthography says the next word does not start a sentence
            if initial and upper:
                return False  # an initial before a capitalised word: J. Bach
        return kind == "break"

    def decide(context: str) -> bool:
        if "\n" in context:  # Punkt tokenizes line by line
            tokens = [t for line in context.split("\n") for t in WORD_TOKEN.findall(line)]
        else:
            tokens = WORD_TOKEN.findall(context)
        return any(ends(tokens[i], tokens[i + 1]) for i in range(len(tokens) - 1))

    return decide


def _type(token: str) -> str:
    return NUMERIC.sub("##number##", token.lower())


def _without_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ
