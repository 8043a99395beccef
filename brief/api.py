"""The library's calls: the pipeline with files at its two ends (read, then render and write)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from brief import config, deliver, ingest, pipeline, render, segment
from brief.config import Settings
from brief.errors import ConfigError
from brief.models import Article, Brief, Progress

log = logging.getLogger("brief")

# Settings from brief.toml, the environment and flags (see brief.config.load).
load_settings = config.load


@dataclass(frozen=True, slots=True)
class Built:
    brief: Brief
    texts: dict[str, str]  # format -> rendered text

    @property
    def slug(self) -> str:
        return pipeline.slug(self.brief.title)


def read(
    paths: Sequence[str],
    stdin: TextIO | None = None,
    *,
    allow_hosts: Sequence[str] = (),
    progress: Progress | None = None,
) -> tuple[Article, ...]:
    """Articles from files, folders, ``-`` (stdin) and web addresses, in the order given.

    Web addresses resolving to private, loopback or reserved addresses are refused unless their
    host is in ``allow_hosts``; ``progress`` hears ("fetching", done, total) as pages are
    fetched."""

    def fetch(urls: Sequence[str]) -> tuple[Article, ...]:
        from brief import web  # httpx and trafilatura: loaded only when an address is given

        return web.read(urls, allow_hosts, progress)

    articles = ingest.read(paths, stdin, fetch=fetch)
    log.info("read %d article(s) from %s", len(articles), ", ".join(paths))
    return articles


def build(
    paths: Sequence[str], settings: Settings | None = None, progress: Progress | None = None
) -> Built:
    """Read, brief and render; nothing is written. Undated settings brief as of today (UTC).

    A brief is about one story: when the articles hold several (stories), the largest is
    briefed and a warning names the others (build_stories briefs each).
    """
    settings = settings or Settings()
    articles = read(paths, allow_hosts=settings.daily.allow_hosts, progress=progress)
    found = stories(articles)
    if len(found) > 1:
        log.warning(
            "the input holds %d stories: briefed %s; left out %s (--split briefs each)",
            len(found),
            _named(found[0]),
            "; ".join(_named(story) for story in found[1:]),
        )
    return _built(found[0], settings)


def build_stories(
    paths: Sequence[str], settings: Settings | None = None, progress: Progress | None = None
) -> tuple[Built, ...]:
    """One brief per story in the articles under ``paths``, the largest story first."""
    settings = settings or Settings()
    articles = read(paths, allow_hosts=settings.daily.allow_hosts, progress=progress)
    return tuple(_built(story, settings) for story in stories(articles))


def _built(articles: Sequence[Article], settings: Settings) -> Built:
    made = pipeline.brief(articles, settings, settings.date or config.today())
    return Built(made, render.texts(made, settings.formats))


def stories(articles: Sequence[Article]) -> tuple[tuple[Article, ...], ...]:
    """``articles`` grouped by story (the daily digest's grouping), the largest first.

    A syndicated copy from another named outlet stays with its story: that outlet backs the
    same facts. Other versions of one text (an outlet's earlier editions, a copy whose outlet is
    unknown) are left out, so one text is never cited as several sources; of a wire story's
    write-throughs the newest is briefed. Articles keep their input order within a story;
    stories of equal size keep the order of their first.
    """
    if len(articles) < 2 or len(articles) > pipeline.MAX_ARTICLES:
        return (tuple(articles),)  # over the cap, pipeline.brief says so before any grouping
    from brief.daily import stories as grouping

    found = []
    for story in grouping.stories(articles):
        outlets = {a.outlet for a in story.articles}
        backing = [c for c in story.copies if c.outlet and c.outlet not in outlets]
        members = {id(a) for a in (*story.articles, *backing)}
        found.append(tuple(a for a in articles if id(a) in members))
    return tuple(sorted(found, key=len, reverse=True))


def _named(articles: Sequence[Article]) -> str:
    first = articles[0]
    name = first.title or pipeline.opening(first.text)
    count = f"{len(articles)} article{'s' if len(articles) > 1 else ''}"
    return f"“{name}” ({count})"


def write(built: Built, settings: Settings) -> tuple[deliver.Written, ...]:
    return write_all([built], settings)


def write_all(built: Sequence[Built], settings: Settings) -> tuple[deliver.Written, ...]:
    """Every brief's files, all or none; two stories with one slug get -2, -3..."""
    files: dict[Path, str] = {}
    for one in built:
        stem, n = one.slug, 1
        while any(p.name.startswith(f"{one.brief.date}-{stem}.") for p in files):
            n += 1
            stem = f"{one.slug}-{n}"
        for fmt, text in one.texts.items():
            files[settings.out / deliver.name(one.brief.date, stem, fmt)] = text
    return deliver.write(files, force=settings.force)


def summarize(
    paths: Sequence[str],
    method: str = config.DEFAULT_METHOD,
    *,
    words: int | None = None,
    sentences: int | None = None,
) -> tuple[str, ...]:
    """A plain summary of the articles under ``paths``: its sentences, best first."""
    for name, value in (("words", words), ("sentences", sentences)):
        if value is not None and value < 1:
            raise ConfigError(f"{name} must be at least 1")
    if words is None and sentences is None:
        sentences = DEFAULT_SENTENCES
    corpus = segment.corpus(read(paths))
    chosen = pipeline.summarize(corpus, method, words=words, sentences=sentences)
    return tuple(" ".join(s.text.split()) for s in chosen)


# A summary with no budget given: five sentences, about a hundred words of news.
DEFAULT_SENTENCES = 5
