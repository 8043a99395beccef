"""What the CLI calls: the pipeline with files at its two ends (read, then render and write)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from brief import deliver, ingest, pipeline, render, segment
from brief.config import Settings
from brief.errors import ConfigError
from brief.models import Article, Brief

log = logging.getLogger("brief")


@dataclass(frozen=True, slots=True)
class Built:
    brief: Brief
    texts: dict[str, str]  # format -> rendered text

    @property
    def slug(self) -> str:
        return pipeline.slug(self.brief.title)


def build(paths: Sequence[str], settings: Settings, *, split: bool = False) -> tuple[Built, ...]:
    """Read, group into stories, brief and render; nothing is written.

    One brief of the largest story (a warning names the others), or with ``split`` one brief
    per story, largest first.
    """
    found = stories(ingest.read(paths))
    if len(found) > 1 and not split:
        others = "; ".join(_named(story) for story in found[1:])
        log.warning(
            "the input holds %d stories: briefed %s; left out %s (--split briefs each)",
            len(found),
            _named(found[0]),
            others,
        )
        found = found[:1]
    return tuple(_built(story, settings) for story in found)


def _built(articles: Sequence[Article], settings: Settings) -> Built:
    made = pipeline.brief(articles, settings)
    return Built(made, render.texts(made, settings.formats))


def stories(articles: Sequence[Article]) -> tuple[tuple[Article, ...], ...]:
    """``articles`` grouped by story (the daily digest's grouping), the largest first.

    A syndicated copy stays with its story: its outlet backs the same facts. Articles keep
    their input order within a story; stories of equal size keep the order of their first.
    """
    if len(articles) < 2:
        return (tuple(articles),)
    from brief.daily import stories as grouping

    found = []
    for story in grouping.stories(articles):
        members = {id(a) for a in (*story.articles, *story.copies)}
        found.append(tuple(a for a in articles if id(a) in members))
    return tuple(sorted(found, key=len, reverse=True))


def _named(articles: Sequence[Article]) -> str:
    first = articles[0]
    name = first.title or pipeline.opening(first.text)
    count = f"{len(articles)} article{'s' if len(articles) > 1 else ''}"
    return f"“{name}” ({count})"


def write(built: Sequence[Built], settings: Settings) -> tuple[deliver.Written, ...]:
    """Every brief's files, all or none; two stories with one slug get -2, -3..."""
    files: dict[Path, str] = {}
    for one in built:
        slug = one.slug
        stem = slug
        n = 1
        while any(p.name.startswith(f"{one.brief.date}-{stem}.") for p in files):
            n += 1
            stem = f"{slug}-{n}"
        for fmt, text in one.texts.items():
            files[settings.out / deliver.name(one.brief.date, stem, fmt)] = text
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
