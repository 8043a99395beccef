"""The library's calls: the pipeline with files at its two ends (read, then render and write)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from brief import config, deliver, ingest, pipeline, render, segment
from brief.config import Settings
from brief.errors import ConfigError
from brief.models import Article, Brief

# Settings from brief.toml, the environment and flags (see brief.config.load).
load_settings = config.load

log = logging.getLogger("brief")


@dataclass(frozen=True, slots=True)
class Built:
    brief: Brief
    texts: dict[str, str]  # format -> rendered text

    @property
    def slug(self) -> str:
        return pipeline.slug(self.brief.title)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


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
    """Read, brief and render; nothing is written. Undated settings brief as of today (UTC)."""
    settings = settings or Settings()
    articles = read(paths, allow_hosts=settings.daily.allow_hosts, progress=progress)
    made = pipeline.brief(articles, settings, settings.date or config.today())
    return Built(made, render.texts(made, settings.formats))


def write(built: Built, settings: Settings) -> tuple[deliver.Written, ...]:
    files = {
        settings.out / deliver.name(built.brief.date, built.slug, fmt): text
        for fmt, text in built.texts.items()
    }
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
