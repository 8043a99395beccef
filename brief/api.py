"""What the CLI calls: the pipeline with files at its two ends (read, then render and write)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief import deliver, ingest, pipeline, render, segment
from brief.config import Settings
from brief.errors import ConfigError
from brief.models import Brief

log = logging.getLogger("brief")


@dataclass(frozen=True, slots=True)
class Built:
    brief: Brief
    texts: dict[str, str]  # format -> rendered text

    @property
    def slug(self) -> str:
        return pipeline.slug(self.brief.title)


def build(
    paths: Sequence[str],
    settings: Settings,
    progress: Callable[[str, int, int], None] | None = None,
) -> Built:
    """Read, brief and render; nothing is written. ``progress`` hears of pages fetched."""
    articles = ingest.read(paths, progress=progress)
    log.info("read %d article(s) from %s", len(articles), ", ".join(paths))
    made = pipeline.brief(articles, settings)
    return Built(made, render.texts(made, settings.formats))


def write(built: Built, settings: Settings) -> tuple[deliver.Written, ...]:
    files = {
        settings.out / deliver.name(built.brief.date, built.slug, fmt): text
        for fmt, text in built.texts.items()
    }
    return deliver.write(files, force=settings.force)


def summarize(
    paths: Sequence[str], method: str, *, words: int | None, sentences: int | None
) -> tuple[str, ...]:
    for flag, value in (("--words", words), ("--sentences", sentences)):
        if value is not None and value < 1:
            raise ConfigError(f"{flag} must be at least 1")
    if words is None and sentences is None:
        sentences = DEFAULT_SENTENCES
    corpus = segment.corpus(ingest.read(paths))
    chosen = pipeline.summarize(corpus, method, words=words, sentences=sentences)
    return tuple(" ".join(s.text.split()) for s in chosen)


# A summary with no budget given: five sentences, about a hundred words of news.
DEFAULT_SENTENCES = 5
