"""Raw article text -> (headline, clean text): what real articles carry, removed.

A standfirst or a whole body repeated inside one article, captions, subheadings and boilerplate
lines, label prefixes of briefing-style articles ("The Lede:"), bullets, datelines, TeX-style
quotes and hard line wraps. Cleaning only removes text or joins lines: every sentence left is
verbatim in the source, up to white space and quote style. Used for files (brief.ingest) and for
web pages (brief.web.extract) alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from operator import methodcaller

# A first line of at most this many words, with no final period, reads as a headline.
HEADLINE_MAX_WORDS = 25
# A line with no final punctuation and at most this many words is a subheading or a caption.
CAPTION_MAX_WORDS = 16
# Shortest and longest run repeated back to back that counts as a repeated standfirst or body
# (characters), the latest it may start, and the head of a paragraph searched for it.
REPEAT_MIN_CHARS = 40
REPEAT_MAX_CHARS = 602
REPEAT_LAST_START = 300
REPEAT_WINDOW = 1400
# Hard-wrapped text: most lines shorter than this, many ending mid-sentence (DUC, wire copy).
WRAP_MAX_CHARS = 100

# Chinese and Japanese end sentences with full-width marks and close quotes with 」 and 』.
TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", "。", "！", "？", "」", "』")
CLOSED = (".", "!", "?", '"', "”", "’", "'", "。", "！", "？", "」", "』")
LABEL_RE = re.compile(
    r"^(?:the lede|lede|what we know|the background|background|likely outcomes\s*/\s*takeaway|"
    r"likely outcomes|takeaway|the takeaway|why it matters|the big picture|key quotes|"
    r"what's next|what’s next|the bottom line|bottom line)\s*:\s*",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^(?:[•·▪●◦‣\-*–]|\d{1,2}[.)])\s+")
# "WASHINGTON (AP) --", "PHNOM PENH, Cambodia (AP) _", "LONDON (Reuters) -"
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][\w.' ]+)?\s*(?:\([A-Za-z .&]+\))?\s*(?:--|_|—|–|-)\s+"
)
BOILERPLATE_RE = re.compile(
    r"^(?:advertisement|subscribe\b|sign up\b|read more\b|related:|photo:|image:|credit:|"
    r"click here|share this|follow us|copyright|©|all rights reserved)",
    re.IGNORECASE,
)


def clean(raw: str, headline: str | None = None) -> tuple[str | None, str]:
    """(headline or None, body with paragraphs separated by blank lines).

    With a ``headline`` already known (a Markdown ``# Title``), no paragraph is taken for one.
    """
    text = raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("``", "“").replace("''", "”")
    paras = list(_unwrap(text))
    paras = [p for part in paras for p in _split_repeat(part)]
    title = headline
    if title is None and paras and _is_headline(paras[0]):
        title = paras.pop(0)
    kept = []
    seen: Seen = {}
    if title:
        _remember(title, seen)
    for para in paras:
        para = _strip_prefixes(para)
        if not para or _is_seen(para, seen) or _is_caption(para):
            continue
        _remember(para, seen)
        kept.append(para)
    return title, "\n\n".join(kept)


# Paragraphs kept so far, by signature. Keys (lower case, white space collapsed) are built only
# for paragraphs with the same first and last two words: building one for every paragraph of a
# long article costs more than reading it.
Seen = dict[tuple[str, ...], list[str]]


def _is_seen(para: str, seen: Seen) -> bool:
    same = seen.get(_signature(para))
    if not same:
        return False
    key = _key(para)
    return any(_key(other) == key for other in same)


def _remember(para: str, seen: Seen) -> None:
    seen.setdefault(_signature(para), []).append(para)


def _signature(para: str) -> tuple[str, ...]:
    """The first and last two words of ``para``'s key, without building the key."""
    return tuple(w.lower() for w in (*para.split(None, 2)[:2], *para.rsplit(None, 2)[-2:]))


def _unwrap(text: str) -> Iterator[str]:
    """Paragraphs: blank-line blocks; a hard-wrapped block is joined, others split by line."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in map(str.strip, block.split("\n")) if line]
        if not lines:
            continue
        if _hard_wrapped(lines):
            yield " ".join(lines)
        else:
            yield from lines


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    body = lines[:-1]
    short = sum(map(WRAP_MAX_CHARS.__ge__, map(len, body)))
    open_ended = len(body) - sum(map(methodcaller("endswith", TERMINAL), body))
    return short >= 0.8 * len(body) and open_ended >= 0.4 * len(body)


def _split_repeat(para: str) -> Iterable[str]:
    """'Headline Standfirst Standfirst Body' -> 'Headline', 'Standfirst', 'Body'."""
    window = para[:REPEAT_WINDOW]
    found = _repeat(window, _repeat_starts(window))
    if found is None:
        return [para]
    start, end, stop = found
    head, once, rest = para[:start], para[start:end], para[stop:]
    return [p.strip() for p in (head, once, rest) if p.strip()]


# Characters of a probe for a repeat (at most REPEAT_MIN_CHARS): long enough that ordinary text
# seldom repeats one, short enough for few probes (17 apart at 24).
PROBE = 24


def _repeat_starts(window: str) -> list[int]:
    """Where a repeat (``_repeat``) can start, in order, found in C time: usually nowhere.

    A repeat starting at i covers the PROBE characters at the next multiple k of ``step``, and
    repeats them at k + REPEAT_MIN_CHARS or later: only the starts before a probe that recurs
    can begin one, and a dozen probes rule out nearly every article.
    """
    n = REPEAT_MIN_CHARS
    last = min(REPEAT_LAST_START, len(window) - n)
    step = n - PROBE + 1
    return [
        start
        for k in range(0, max(last + 1, 0) + step - 1, step)
        if window.find(window[k : k + PROBE], k + n) >= 0
        for start in range(max(0, k - step + 1), min(k, last) + 1)
    ]


def _repeat(window: str, starts: Iterable[int]) -> tuple[int, int, int] | None:
    """(start, end of the run, end of its copy) of the first run of REPEAT_MIN_CHARS to
    REPEAT_MAX_CHARS characters, starting and ending in non-space, that white space alone
    separates from a copy of itself, beginning at one of ``starts`` (increasing); the earliest
    start, then the shortest run: what ``(\\S.{38,600}?\\S)\\s*\\1`` finds first, without
    the regex's backtracking through every start and length (milliseconds per article).

    Each place the run's first REPEAT_MIN_CHARS characters recur fixes the one length that
    can repeat there (up to the last non-space before it); later places give longer runs.
    """
    n = REPEAT_MIN_CHARS
    for start in starts:
        if window[start].isspace():
            continue
        probe = window[start : start + n]
        copy = window.find(probe, start + n)
        while copy >= 0:
            end = copy
            while window[end - 1].isspace():
                end -= 1
            if end - start > REPEAT_MAX_CHARS:
                break
            if end - start >= n and window.startswith(window[start:end], copy):
                return start, end, copy + end - start
            copy = window.find(probe, copy + 1)
    return None


def _is_headline(para: str) -> bool:
    if para.endswith((".", "!", "?", ":", "。", "！", "？", "：")):
        return False
    return 0 < _words_up_to(para, HEADLINE_MAX_WORDS) <= HEADLINE_MAX_WORDS


def _is_caption(para: str) -> bool:
    if BOILERPLATE_RE.match(para):
        return True
    # A short line ending in ")" is a reading-list entry or a credit: "Title (CNN)".
    return not para.endswith(CLOSED) and _words_up_to(para, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS


def _words_up_to(text: str, most: int) -> int:
    """The number of words in ``text``, or ``most + 1`` when there are more than ``most``."""
    return len(text.split(None, most))


def _strip_prefixes(para: str) -> str:
    for pattern in (LABEL_RE, BULLET_RE, DATELINE_RE):
        para = pattern.sub("", para, count=1)
    return para.strip()


def _key(para: str | None) -> str:
    return " ".join((para or "").lower().split())


def one_line(value: object) -> str | None:
    """A metadata value (title, author, outlet) on one line; None when empty."""
    return " ".join(str(value).split()) or None if value else None
