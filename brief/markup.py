"""Markdown -> safe HTML with markdown-it-py.

``js-default`` turns raw HTML off (the default preset passes ``<script>`` through) and links are
kept only for http, https and mailto: article text can never put live markup into a brief.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
# Characters Markdown would read as markup at any position in article text.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
# ... and at the start of a line (or of an item's text, which follows "- "): list markers.
LIST_MARKER = re.compile(r"^(\s*)([-+]|\d{1,9}[.)])", re.MULTILINE)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default")
    md.validateLink = lambda url: bool(SAFE_LINK.match(url.strip()))  # type: ignore[method-assign]
    return md


def to_html(markdown: str) -> str:
    """An HTML fragment for ``markdown``; raw HTML is shown as text, unsafe links dropped."""
    md = _parser()
    return str(md.renderer.render(_tokens(markdown), md.options, {}))


def _tokens(markdown: str) -> list[Token]:
    """Parsed tokens; a code fence's info string is dropped, so text never becomes a class."""
    tokens = _parser().parse(markdown)
    for token in _walk(tokens):
        if token.type == "fence":
            token.info = ""
    return tokens


def escape(text: str) -> str:
    """Article text made literal inside Markdown (no emphasis, links, HTML, headings or lists)."""
    text = MD_SPECIAL.sub(r"\\\1", text)
    return LIST_MARKER.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)


def to_styled_html(markdown: str, styles: Mapping[str, str]) -> str:
    """``to_html`` with an inline ``style`` on every tag named in ``styles``.

    For email: many mail clients drop ``<style>`` blocks and only inline styles hold up. The
    styles are set on parser tokens, so article text never reaches an attribute.
    """
    md = _parser()
    tokens = _tokens(markdown)
    for token in _walk(tokens):
        if token.nesting >= 0 and token.tag in styles:
            token.attrSet("style", styles[token.tag])
    return str(md.renderer.render(tokens, md.options, {}))


def _walk(tokens: Iterable[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _walk(token.children or ())
