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

# A first line of at most this many words, with no final period, reads as a headline.
HEADLINE_MAX_WORDS = 25
# A line with no final punctuation and at most this many words is a subheading or a caption.
CAPTION_MAX_WORDS = 16
# Shortest run repeated back to back that counts as a repeated standfirst (characters).
REPEAT_MIN_CHARS = 40
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
REPEAT_RE = re.compile(r"(\S.{%s,600}?\S)\s*\1".replace("%s", str(REPEAT_MIN_CHARS - 2)), re.DOTALL)


def clean(raw: str, headline: str | None = None) -> tuple[str | None, str]:
    """(headline or None, body with paragraphs separated by blank lines).

    With a ``headline`` already known (a Markdown ``# Title``), no paragraph is taken for one.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("``", "“").replace("''", "”")
    paras = list(_unwrap(text))
    paras = [p for part in paras for p in _split_repeat(part)]
    title = headline
    if title is None and paras and _is_headline(paras[0]):
        title = paras.pop(0)
    kept = []
    seen = {_key(title)} if title else set()
    for para in paras:
        para = _strip_prefixes(para)
        key = _key(para)
        if not key or key in seen or _is_caption(para):
            continue
        seen.add(key)
        kept.append(para)
    return title, "\n\n".join(kept)


def _unwrap(text: str) -> Iterator[str]:
    """Paragraphs: blank-line blocks; a hard-wrapped block is joined, others split by line."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
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
    short = sum(len(line) <= WRAP_MAX_CHARS for line in body)
    open_ended = sum(not line.endswith(TERMINAL) for line in body)
    return short >= 0.8 * len(body) and open_ended >= 0.4 * len(body)


def _split_repeat(para: str) -> Iterable[str]:
    """'Headline Standfirst Standfirst Body' -> 'Headline', 'Standfirst', 'Body'."""
    if not _may_repeat(para[:1400]):
        return [para]
    match = REPEAT_RE.search(para[:1400])
    if not match or match.start() > 300:
        return [para]
    head, once, rest = para[: match.start()], match.group(1), para[match.end() :]
    return [p.strip() for p in (head, once, rest) if p.strip()]


# Characters of a probe for a repeat (at most REPEAT_MIN_CHARS): long enough that ordinary text
# seldom repeats one (then the exact test runs), short enough for few probes (17 apart at 24).
PROBE = 24


def _may_repeat(window: str) -> bool:
    """Whether REPEAT_RE can match at or before offset 300, tested in C time.

    A match starting at i repeats at least REPEAT_MIN_CHARS characters, so the text at
    i..i+REPEAT_MIN_CHARS occurs again later in the window. The regex alone backtracks through
    every start and length (about 30 ms per article); this test rules out nearly all articles.
    """
    n = REPEAT_MIN_CHARS
    starts = min(301, len(window) - n)
    # A repeat starting at i covers the PROBE characters at the next multiple k of ``step``, and
    # repeats them at k + n or later: a dozen probes rule out what 300 finds would.
    step = n - PROBE + 1
    probes = range(0, max(starts, 0) + step - 1, step)
    if not any(window.find(window[k : k + PROBE], k + n) >= 0 for k in probes):
        return False
    return any(window.find(window[i : i + n], i + n) >= 0 for i in range(starts))


def _is_headline(para: str) -> bool:
    words = para.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not para.endswith(
        (".", "!", "?", ":", "。", "！", "？", "：")
    )


def _is_caption(para: str) -> bool:
    if BOILERPLATE_RE.match(para):
        return True
    # A short line ending in ")" is a reading-list entry or a credit: "Title (CNN)".
    return len(para.split()) <= CAPTION_MAX_WORDS and not para.endswith(CLOSED)


def _strip_prefixes(para: str) -> str:
    for pattern in (LABEL_RE, BULLET_RE, DATELINE_RE):
        para = pattern.sub("", para, count=1)
    return para.strip()


def _key(para: str | None) -> str:
    return " ".join((para or "").lower().split())


def one_line(value: object) -> str | None:
    """A metadata value (title, author, outlet) on one line; None when empty."""
    return " ".join(str(value).split()) or None if value else None
