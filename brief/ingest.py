"""Paths and stdin -> cleaned Articles.

Reads plain text, Markdown (optional YAML front matter) and JSON articles, from files, folders
(recursively) or ``-`` for stdin, and cleans what real articles carry: a standfirst or a whole body
repeated inside one article, captions, subheadings and boilerplate lines, label prefixes of
briefing-style articles ("The Lede:"), bullets, TeX-style quotes and hard line wraps.

Cleaning only removes text or joins lines: every sentence left is verbatim in the source file,
up to white space and quote style.
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

from brief import clean
from brief.errors import InputError
from brief.models import Article

log = logging.getLogger("brief")

SUFFIXES = (".txt", ".md", ".markdown", ".json")
WEB_PREFIXES = ("http://", "https://")
# An article is a few thousand words; 5 MB is a book, or a file that is not an article at all.
MAX_BYTES = 5_000_000


Fetch = Callable[[Sequence[str]], Iterable[Article]]


def read(
    paths: Sequence[str], stdin: TextIO | None = None, *, fetch: Fetch | None = None
) -> tuple[Article, ...]:
    """Every article under ``paths`` (files, folders, ``-``), in a stable order.

    Web addresses go to ``fetch`` (brief.web.articles, as ``brief.read`` passes it): this module
    reads files and never touches the network itself.
    """
    if not paths:
        raise InputError("no input: give files, folders or - for standard input")
    articles: list[Article] = []
    web = [name for name in paths if name.startswith(WEB_PREFIXES)]
    if web:
        if fetch is None:
            raise InputError(f"{web[0]}: web addresses need a fetcher (use brief.read)")
        articles.extend(fetch(web))
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
            articles.extend(read_folder(path))
        else:
            articles.extend(_parse(_decode(path), path.name, str(path)))
    if not articles:
        raise InputError(f"no readable articles in {', '.join(paths)}")
    return tuple(articles)


def _stdin_text(stdin: TextIO | None) -> str:
    text = (stdin or sys.stdin).read()
    if not text.strip():
        raise InputError("standard input is empty")
    return text


Run = Callable[[Callable[[Any], Any], Sequence[Any]], Sequence[Any]]
# Files read by one task when a folder is read on several workers (brief.daily.workers): large
# enough that a task's overhead (a few milliseconds) is small beside reading 200 articles.
CHUNK = 200


def _here(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    return [fn(item) for item in items]


def read_folder(folder: Path, run: Run = _here) -> tuple[Article, ...]:
    """Every article under ``folder`` in path order; ``run`` maps the reading of chunks of
    files (in this process by default; on Dask workers for brief.daily.workers)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    shown = [p for p in files if not any(x.startswith(".") for x in p.relative_to(folder).parts)]
    chunks = [tuple(shown[i : i + CHUNK]) for i in range(0, len(shown), CHUNK)]
    found = tuple(a for part in run(read_files, chunks) for a in part)
    if not found:
        raise InputError(
            f"no readable articles in {folder}/: 0 of {len(files)} files "
            f"({', '.join(SUFFIXES)}) held article text"
        )
    return found


def read_files(paths: Sequence[Path]) -> tuple[Article, ...]:
    """The articles of these files, in order; a file that is not an article is a warning."""
    found: list[Article] = []
    for path in paths:
        try:
            found.extend(_parse(_decode(path), path.name, str(path)))
        except InputError as error:
            log.warning("skipped %s", error)
    return tuple(found)


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
    if name.lower().endswith(".json"):
        yield from _parse_json(text, name, path)
        return
    meta, body = _front_matter(text, name)
    article = _article(body, meta, path)
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

    # libyaml's safe loader when PyYAML has it: the same values, ten times faster per file.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = yaml.load(match.group(1), Loader=loader) or {}
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


def _article(body: str, meta: dict[str, Any], path: str | None) -> Article | None:
    title, text = clean.clean(body)
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
