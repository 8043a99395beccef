"""Paths and stdin -> cleaned Articles.

Reads plain text, Markdown (optional YAML front matter; read as Markdown, so a leading
``# Title`` is the headline and markup becomes its text), JSON articles and saved web pages
(.html, .htm: extracted as fetched pages are), from files, folders (recursively) or ``-`` for
stdin, and cleans what real articles carry: a standfirst or a whole body repeated inside one
article, captions, subheadings and boilerplate lines, label prefixes of briefing-style articles
("The Lede:"), bullets, TeX-style quotes and hard line wraps.

Cleaning only removes text or joins lines: every sentence left is verbatim in the source file,
up to white space and quote style (and, in Markdown and HTML, up to markup: the text as read).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from brief.errors import FetchError, InputError
from brief.models import Article

log = logging.getLogger("brief")

MARKDOWN = (".md", ".markdown")
HTML = (".html", ".htm")
SUFFIXES = (".txt", *MARKDOWN, ".json", *HTML)
WEB_PREFIXES = ("http://", "https://")
# An article is a few thousand words; 5 MB is a book, or a file that is not an article at all.
MAX_BYTES = 5_000_000
# A first line of at most this many words, with no final period, reads as a headline.
HEADLINE_MAX_WORDS = 25
# A line with no final punctuation and at most this many words is a subheading or a caption.
CAPTION_MAX_WORDS = 16
# Shortest run repeated back to back that counts as a repeated standfirst (characters).
REPEAT_MIN_CHARS = 40
# Hard-wrapped text: most lines shorter than this, many ending mid-sentence (DUC, wire copy).
WRAP_MAX_CHARS = 100

TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":")
CLOSED = (".", "!", "?", '"', "”", "’", "'")
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


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def read(
    paths: Sequence[str], stdin: TextIO | None = None, progress: Progress | None = None
) -> tuple[Article, ...]:
    """Every article under ``paths`` (files, folders, ``-``), in a stable order.

    ``progress`` hears ("fetching", done, total) as web pages are fetched.
    """
    if not paths:
        raise InputError("no input: give files, folders or - for standard input")
    articles: list[Article] = []
    web = [name for name in paths if name.startswith(WEB_PREFIXES)]
    if web:
        articles.extend(_fetch(web, progress))
    for name in paths:
        if name.startswith(WEB_PREFIXES):
            continue
        if name == "-":
            articles.extend(_parse(_stdin_text(stdin), "stdin.txt", None))
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or folder")
        if path.is_dir():
            articles.extend(_read_folder(path))
        else:
            articles.extend(_parse(_decode(path), path.name, str(path)))
    if not articles:
        raise InputError(f"no readable articles in {', '.join(paths)}")
    return tuple(articles)


def _fetch(urls: Sequence[str], progress: Progress | None = None) -> Iterator[Article]:
    """Articles from web addresses (brief.web); a failed page is a warning."""
    from brief.web import extract, fetch

    total = len(dict.fromkeys(urls))
    done = iter(range(1, total + 1))

    def fetched(url: str) -> None:
        log.info("requested %s", url)
        if progress:
            progress("fetching", next(done), total)

    with fetch.Fetcher() as client:
        pages, failures = fetch.fetch_all(client, urls, progress=fetched)
    for failure in failures:
        log.warning("skipped %s", failure.reason)
    for page in pages:
        try:
            yield extract.article(page)
        except FetchError as error:
            log.warning("skipped %s", error)


def _stdin_text(stdin: TextIO | None) -> str:
    text = (stdin or sys.stdin).read()
    if not text.strip():
        raise InputError("standard input is empty")
    return text


def _read_folder(folder: Path) -> Iterator[Article]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    found = 0
    for path in files:
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            parsed = list(_parse(_decode(path), path.name, str(path)))
        except InputError as error:
            log.warning("skipped %s", error)
            continue
        found += len(parsed)
        yield from parsed
    if not found:
        raise InputError(
            f"no readable articles in {folder}/: 0 of {len(files)} files "
            f"({', '.join(SUFFIXES)}) held article text"
        )


def _decode(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte cap for an article"
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: a binary file, not article text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not UTF-8; read as Windows-1252", path)
        return data.decode("cp1252", errors="replace")


def _parse(text: str, name: str, path: str | None) -> Iterator[Article]:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        yield from _parse_json(text, name, path)
        return
    if suffix in HTML:
        from brief.web import extract

        yield extract.saved(text, path or name)
        return
    meta, body = _front_matter(text, name)
    headline = None
    if suffix in MARKDOWN:
        from brief import markup

        headline, body = markup.plain(body)
    article = _article(body, meta, path, headline)
    if article is None:
        raise InputError(f"{name}: no article text found")
    yield article


def _parse_json(text: str, name: str, path: str | None) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{name}: not valid JSON ({error.msg}, line {error.lineno})") from None
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f'{name}: article {i + 1} needs a "text" string')
        article = _article(record["text"], record, path)
        if article is None:
            raise InputError(f"{name}: article {i + 1} has no text")
        yield article


def _front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.DOTALL)
    if not match:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise InputError(f"{name}: front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be key: value lines")
    return meta, text[match.end() :]


def _field(meta: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return None


def _article(
    body: str, meta: dict[str, Any], path: str | None, headline: str | None = None
) -> Article | None:
    title, text = clean(body, headline)
    if not text:
        return None
    article = Article(
        text=text,
        title=_field(meta, "title", "headline") or title,
        outlet=_field(meta, "source", "outlet", "publisher", "site"),
        url=_field(meta, "url", "link"),
        published=_field(meta, "published", "date", "pubdate"),
        author=_field(meta, "author", "byline"),
        path=path,
    )
    return replace(article, published=article.published[:10] if article.published else None)


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


def _may_repeat(window: str) -> bool:
    """Whether REPEAT_RE can match at or before offset 300, tested in C time.

    A match starting at i repeats at least REPEAT_MIN_CHARS characters, so the text at
    i..i+REPEAT_MIN_CHARS occurs again later in the window. The regex alone backtracks through
    every start and length (about 30 ms per article); this test rules out nearly all articles.
    """
    n = REPEAT_MIN_CHARS
    return any(window.find(window[i : i + n], i + n) >= 0 for i in range(min(301, len(window) - n)))


def _is_headline(para: str) -> bool:
    words = para.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not para.endswith((".", "!", "?", ":"))


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
