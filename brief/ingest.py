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

import datetime as dt
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from brief import clean
from brief.errors import InputError
from brief.models import Article

log = logging.getLogger("brief")

MARKDOWN = (".md", ".markdown")
HTML = (".html", ".htm")
SUFFIXES = (".txt", *MARKDOWN, ".json", *HTML)
WEB_PREFIXES = ("http://", "https://")
# An article is a few thousand words; 5 MB is a book, or a file that is not an article at all.
MAX_BYTES = 5_000_000
# Folders nested deeper than this are not searched: real article trees are a few levels deep
# (outlet/year/month/day); 1,500 levels is an attack or a symlink farm, not an archive.
MAX_DEPTH = 32


Fetch = Callable[[Sequence[str]], Iterable[Article]]
Skip = Callable[[str, str], None]  # (file, reason): a file in a folder that was left out
Run = Callable[[Callable[[Any], Any], Sequence[Any]], Sequence[Any]]  # map, results in order
# Files read by one task when a folder is read on several workers (brief.daily.workers): large
# enough that a task's overhead (a few milliseconds) is small beside reading 200 articles.
CHUNK = 200


def _here(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    return [fn(item) for item in items]


def _warn(path: str, reason: str) -> None:
    log.warning("skipped %s: %s", path, reason)


def read(
    paths: Sequence[str],
    stdin: TextIO | None = None,
    *,
    fetch: Fetch | None = None,
    skip: Skip = _warn,
    run: Run = _here,
) -> tuple[Article, ...]:
    """Every article under ``paths`` (files, folders, ``-``), in a stable order.

    Web addresses go to ``fetch`` (brief.web.articles, as ``brief.read`` passes it): this module
    reads files and never touches the network itself. A named file that cannot be read is an
    InputError; a file inside a folder is skipped, and ``skip`` hears which and why (by default
    a warning in the log). ``run`` maps the reading of chunks of a folder's files: in this
    process by default, on Dask workers for brief.daily.workers.
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
            raise InputError(f"{_shown(name)}: no such file or folder")
        if path.is_dir():
            articles.extend(_read_folder(path, skip, run))
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


def _read_folder(folder: Path, skip: Skip, run: Run) -> tuple[Article, ...]:
    files = sorted(_walk(folder, skip))
    chunks = [tuple(files[i : i + CHUNK]) for i in range(0, len(files), CHUNK)]
    found: list[Article] = []
    for articles, skipped in run(read_files, chunks):
        for path, why in skipped:
            skip(path, why)
        found.extend(articles)
    if not found:
        raise InputError(
            f"no readable articles in {folder}/: 0 of {len(files)} files "
            f"({', '.join(SUFFIXES)}) held article text"
        )
    return tuple(found)


def read_files(
    paths: Sequence[Path],
) -> tuple[tuple[Article, ...], tuple[tuple[str, str], ...]]:
    """The articles of these files in order, and (file, reason) for each file left out: one
    task of a folder read on several workers (a task cannot call back to ``skip``)."""
    found: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        try:
            found.extend(_parse(_decode(path), path.name, str(path)))
        except InputError as error:
            skipped.append((_shown(str(path)), str(error).removeprefix(f"{_shown(path.name)}: ")))
    return tuple(found), tuple(skipped)


def _walk(folder: Path, skip: Skip) -> Iterator[Path]:
    """Article files under ``folder``, hidden ones and symlinked folders left out.

    Iterative, with a depth cap: ``Path.rglob`` recurses once per level and a folder nested
    1,500 deep raised RecursionError.
    """
    stack = [(folder, 0)]
    while stack:
        here, depth = stack.pop()
        try:
            with os.scandir(here) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as error:
            skip(_shown(str(here)), f"could not read the folder ({error.strerror or error})")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth + 1 >= MAX_DEPTH:
                        skip(_shown(str(path)), f"folders nested over {MAX_DEPTH} deep")
                    else:
                        stack.append((path, depth + 1))
                elif entry.is_file() and path.suffix.lower() in SUFFIXES:
                    yield path
            except OSError as error:
                skip(_shown(str(path)), f"could not read ({error.strerror or error})")


def _decode(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte cap for an article"
            )
        with path.open("rb") as handle:
            # The size stat gives, and a byte more: asking for MAX_BYTES + 1 at once allocates a
            # 5 MB buffer per file (half the time of reading an article). Only a file that grew
            # since the stat, or whose size stat cannot tell (/proc), is read on to the cap.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except OSError as error:
        raise InputError(
            f"{_shown(str(path))}: could not read ({error.strerror or error})"
        ) from None
    if len(data) > MAX_BYTES:  # a file that grew, or one whose size stat cannot tell (/proc)
        raise InputError(f"{path}: over the {MAX_BYTES:,}-byte cap for an article")
    if not data or data.isspace():
        raise InputError(f"{path}: the file is empty")
    if data.find(b"\x00", 0, 8192) >= 0:
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
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deep to be an article") from None
    except ValueError as error:  # an integer past Python's 4,300-digit conversion limit
        raise InputError(f"{name}: not usable JSON ({_why(error)})") from None
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
        meta = yaml.load(match.group(1), Loader=_loader(match.group(1))) or {}
    except yaml.YAMLError as error:
        raise InputError(f"{name}: front matter is not valid YAML ({_yaml_why(error)})") from None
    except (ValueError, OverflowError, RecursionError) as error:  # 2026-13-45, a huge number
        raise InputError(
            f"{name}: front matter has a value YAML cannot read ({_why(error)})"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be key: value lines")
    return meta, text[match.end() :]


def _loader(front: str) -> Any:
    """A safe loader that refuses aliases. Without a ``*`` there is no alias to refuse, and
    libyaml's safe loader (when PyYAML has it) reads the same values about ten times faster."""
    import yaml

    if "*" not in front and hasattr(yaml, "CSafeLoader"):
        return yaml.CSafeLoader
    return _alias_free()


@cache
def _alias_free() -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe YAML without anchors and aliases: front matter never needs them, and nested
        aliases (a "billion laughs") expand to billions of items when a value is printed."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
            return super().compose_node(parent, index)

    return Loader


# Field values are one line of text: a title longer than this is not a title.
FIELD_MAX_CHARS = 2_000
SCALARS = (str, int, float, dt.date)


def _field(meta: dict[str, Any], name: str, *keys: str) -> str | None:
    """A one-line text field; a list, a table or a number too long to print is refused."""
    for key in keys:
        value = meta.get(key)
        if value in (None, "") or isinstance(value, bool):
            continue
        if not isinstance(value, SCALARS):
            raise InputError(f"{name}: {key!r} must be text, not a {type(value).__name__}")
        try:
            text = " ".join(str(value).split())
        except ValueError:  # an integer past the 4,300-digit conversion limit
            raise InputError(f"{name}: {key!r} is a number too long to be a {key}") from None
        return text[:FIELD_MAX_CHARS] or None
    return None


def _published(text: str | None, name: str) -> str | None:
    """The date a ``published`` value starts with (YYYY-MM-DD), checked to be a real day."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise InputError(f"{name}: published {text[:40]!r} is not a date: use YYYY-MM-DD") from None


def _url(text: str | None, name: str) -> str | None:
    """An http(s) address, or None: any other value could put Markdown into a brief."""
    if text is None or re.fullmatch(r"https?://[^\s<>]+", text, re.IGNORECASE):
        return text
    log.warning("%s: ignored url %r (not an http:// or https:// address)", name, text[:80])
    return None


def _article(
    body: str, meta: dict[str, Any], path: str | None, headline: str | None = None
) -> Article | None:
    title, text = clean.clean(body, headline)
    if not text:
        return None
    name = _shown(Path(path).name if path else "stdin.txt")
    return Article(
        text=text,
        title=_field(meta, name, "title", "headline") or title,
        outlet=_field(meta, name, "source", "outlet", "publisher", "site"),
        url=_url(_field(meta, name, "url", "link"), name),
        published=_published(_field(meta, name, "published", "date", "pubdate"), name),
        author=_field(meta, name, "author", "byline"),
        path=path,
    )


def _yaml_why(error: Exception) -> str:
    """PyYAML's complaint on one line: the problem and where (its text spans lines)."""
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None)
    where = f", line {mark.line + 1} of the front matter" if mark is not None else ""
    return " ".join(f"{problem}{where}".split())


def _why(error: Exception) -> str:
    """A parser's complaint, without Python's advice on raising its integer digit limit."""
    text = str(error) or type(error).__name__
    return "a number too long to read" if "integer string conversion" in text else text


def _shown(name: str) -> str:
    """A file name as one line in a message (a name may hold a line break)."""
    return name.encode("unicode_escape").decode("ascii") if not name.isprintable() else name
