"""A day's briefs -> one digest: Markdown (the source), HTML from it, and JSON.

Contents first, then each story (most covered first) with its sections and numbered sources,
then what was skipped and why. Each story's lines are the pipeline's, rendered as
brief.render renders a single brief; the layout is in templates/digest.*.j2.
"""

from __future__ import annotations

import json as jsonlib
from dataclasses import dataclass
from typing import Any

from brief import markup, render
from brief.models import Article, Brief

SCHEMA = "brief-daily/1"


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str  # a URL, a feed, a folder or a story's title
    reason: str


@dataclass(frozen=True, slots=True)
class Covered:
    """One story of the digest: its brief, its outlets and the syndicated copies merged in."""

    brief: Brief
    outlets: tuple[str, ...]
    copies: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    date: str
    stories: tuple[Covered, ...]
    articles: int  # articles gathered
    dropped: int  # stories told by too few outlets
    skipped: tuple[Skipped, ...]


def title(digest: Digest) -> str:
    return f"Daily brief — {digest.date}"


def byline(digest: Digest) -> str:
    outlets = {o for s in digest.stories for o in s.outlets}
    return (
        f"{count(len(digest.stories), 'story', 'stories')} from "
        f"{count(digest.articles, 'article')} by {count(len(outlets), 'outlet')}"
        " · every line quoted from its sources"
    )


def count(n: int, one: str, many: str | None = None) -> str:
    """``1 outlet``, ``2 outlets``."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _coverage(story: Covered) -> str:
    return f"{count(len(story.outlets), 'outlet')}: " + ", ".join(story.outlets)


def _copy_line(article: Article) -> str:
    parts = [markup.inline(article.outlet or article.path or "unknown outlet")]
    if article.url:
        parts.append(markup.link(article.url))
    return " ".join(parts)


def _story(story: Covered) -> dict[str, Any]:
    made = story.brief
    return {
        "title": markup.inline(made.title),
        "coverage": markup.escape(_coverage(story)),
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "lines": [render.item_line(s.key, i) for i in s.items],
            }
            for s in made.sections
        ],
        "sources": [render.source_line(s) for s in made.sources],
        "copies": [_copy_line(a) for a in story.copies],
    }


def markdown(digest: Digest) -> str:
    text: str = (
        render.environment()
        .get_template("digest.md.j2")
        .render(
            title=title(digest),
            byline=byline(digest),
            stories=[_story(s) for s in digest.stories],
            skipped=[markup.inline(f"{s.source}: {s.reason}") for s in digest.skipped],
        )
    )
    return text


def html(digest: Digest, md: str | None = None) -> str:
    return render.page("digest.html.j2", title(digest), md if md is not None else markdown(digest))


def data(digest: Digest) -> dict[str, Any]:
    """The JSON contract (schema brief-daily/1): each story's brief is a brief/1 object."""
    return {
        "schema": SCHEMA,
        "date": digest.date,
        "articles": digest.articles,
        "dropped": digest.dropped,
        "stories": [
            {
                "rank": rank,
                "outlets": list(s.outlets),
                "copies": [{"outlet": a.outlet, "url": a.url, "path": a.path} for a in s.copies],
                "brief": render.data(s.brief),
            }
            for rank, s in enumerate(digest.stories, 1)
        ],
        "skipped": [{"source": s.source, "reason": s.reason} for s in digest.skipped],
    }


def json(digest: Digest) -> str:
    return jsonlib.dumps(data(digest), ensure_ascii=False, indent=2) + "\n"


def texts(digest: Digest) -> dict[str, str]:
    """Every format, the HTML rendered from the same Markdown."""
    md = markdown(digest)
    return {"md": md, "html": html(digest, md), "json": json(digest)}
