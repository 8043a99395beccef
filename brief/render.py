"""Brief -> Markdown, HTML and JSON.

Markdown is the source of truth: HTML is rendered from it by markdown-it-py with raw HTML off
(brief.markup), so no article text can reach a page as markup. The layout lives in templates/;
what goes on each line is decided here.
"""

from __future__ import annotations

import json as jsonlib
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from brief import markup
from brief.models import Brief, Item, Source

SCHEMA = "brief/1"


def templates() -> Any:
    """The package's own templates (templates/ ships as brief.templates), never a folder that
    happens to sit beside wherever the package is installed."""
    from importlib import resources

    return resources.files("brief.templates")


@cache
def environment() -> Any:
    import jinja2

    folder = templates()
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def citation(item: Item) -> str:
    """'[1, 3]': every source that states the item, in source order."""
    ids = sorted({s.source for s in item.support})
    return "[" + ", ".join(str(i) for i in ids) + "]"


def item_line(key: str, item: Item) -> str:
    text = f"{markup.escape(item.text)} {citation(item)}"
    if key == "quotes" and item.speaker:
        return f"**{markup.escape(item.speaker)}:** {text}"
    return text


def source_line(source: Source) -> str:
    parts = [f"*{markup.inline(source.title)}*"]
    if source.outlet:
        parts.append(markup.inline(source.outlet))
    if source.published:
        parts.append(markup.inline(source.published))
    if source.url:
        parts.append(markup.link(source.url))
    elif source.path:
        parts.append(markup.code(source.path))
    return " — ".join(parts)


def byline(brief: Brief) -> str:
    n = len(brief.sources)
    return f"{brief.date} · {n} source{'s' if n != 1 else ''} · every line quoted from its sources"


def markdown(brief: Brief) -> str:
    sections = [
        {"key": s.key, "heading": s.heading, "lines": [item_line(s.key, i) for i in s.items]}
        for s in brief.sections
    ]
    text: str = (
        environment()
        .get_template("brief.md.j2")
        .render(
            title=markup.inline(brief.title),
            byline=byline(brief),
            sections=sections,
            sources=[source_line(s) for s in brief.sources],
        )
    )
    return text


def page(template: str, title: str, md: str) -> str:
    """A standalone HTML page: ``md`` rendered safely into ``template`` (templates/)."""
    from markupsafe import Markup

    body = Markup(markup.to_html(md))
    text: str = environment().get_template(template).render(title=title, body=body)
    return text


def html(brief: Brief, md: str | None = None) -> str:
    """A standalone HTML page rendered from the Markdown."""
    return page("brief.html.j2", brief.title, md if md is not None else markdown(brief))


def data(brief: Brief) -> dict[str, Any]:
    """The versioned JSON contract (schema brief/1) as plain data."""
    return {
        "schema": SCHEMA,
        "title": brief.title,
        "date": brief.date,
        "method": brief.method,
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "items": [
                    {
                        "text": i.text,
                        "speaker": i.speaker,
                        "support": [
                            {"source": p.source, "sentence": p.sentence} for p in i.support
                        ],
                    }
                    for i in s.items
                ],
            }
            for s in brief.sections
        ],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "outlet": s.outlet,
                "url": s.url,
                "published": s.published,
                "path": s.path,
            }
            for s in brief.sources
        ],
    }


def json(brief: Brief) -> str:
    return jsonlib.dumps(data(brief), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"md": markdown, "html": html, "json": json}


def texts(brief: Brief, formats: Sequence[str] = tuple(RENDERERS)) -> dict[str, str]:
    """The brief in each of ``formats``, the HTML rendered from the same Markdown."""
    md = markdown(brief)
    makers: dict[str, Callable[[], str]] = {
        "md": lambda: md,
        "html": lambda: html(brief, md),
        "json": lambda: json(brief),
    }
    return {fmt: makers[fmt]() for fmt in formats}


def render(brief: Brief, fmt: str) -> str:
    return RENDERERS[fmt](brief)
