"""Markdown -> safe HTML with markdown-it-py; and articles written in Markdown -> plain text.

``js-default`` turns raw HTML off (the default preset passes ``<script>`` through) and links are
kept only for http, https and mailto: article text can never put live markup into a brief.

Articles are read from markdown-it-py's tokens, not with regular expressions: emphasis, links,
code and HTML become their text, so a brief never quotes ``**`` or ``[`` from its source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
# Characters Markdown would read as markup at any position in article text.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
# ... and at the start of a line (or of an item's text, which follows "- "): list markers.
LIST_MARKER = re.compile(r"^(\s*)([-+]|\d{1,9}[.)])", re.MULTILINE)
# What CommonMark accepts inside an autolink <...>: no white space, control characters or <>.
AUTOLINK = re.compile(r"[^\x00-\x20\x7f<>]+")


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


def inline(text: str) -> str:
    """A field (title, outlet, file name) as literal Markdown on one line: a line break in it
    could otherwise start a heading, a list or a link definition."""
    return escape(" ".join(text.split()))


def link(url: str) -> str:
    """``<url>`` for an http(s) or mailto address with nothing that ends an autolink early;
    anything else as literal text."""
    if SAFE_LINK.match(url) and AUTOLINK.fullmatch(url):
        return f"<{url}>"
    return inline(url)


def code(text: str) -> str:
    """A file name in a code span when it fits in one (no backtick, no line break or control
    character); otherwise as literal text with its control characters spelled out."""
    if text.isprintable() and "`" not in text:
        return f"`{text}`"
    return inline(text.encode("unicode_escape").decode("ascii"))


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


# -- articles written in Markdown -----------------------------------------------------------


@cache
def _reader() -> MarkdownIt:
    """CommonMark with raw HTML recognised (so it can be dropped), plus GFM tables and ~~."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def plain(markdown: str) -> tuple[str | None, str]:
    """(the leading ``# Title`` or None, the text: one paragraph per block, blank-line separated).

    Emphasis, links and inline code keep their text; images (their alt text is a caption, not
    the article's prose), struck-out text and inline HTML tags are dropped; an HTML block keeps
    its text, a code block its lines. A wrapped line goes on its paragraph, as Markdown shows it.
    """
    tokens = _reader().parse(markdown)
    headline: str | None = None
    blocks: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline(token.children or ())
            title = i > 0 and tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h1"
            if title and not blocks and headline is None:
                headline = " ".join(text.split()) or None
                continue
            blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content)
        elif token.type == "html_block":
            blocks.append(_html_text(token.content))
    return headline, "\n\n".join(b.strip() for b in blocks if b.strip())


def _inline(children: Sequence[Token]) -> str:
    parts: list[str] = []
    struck = 0  # inside ~~struck-out~~ text: the author's deletion, not the article's words
    for child in children:
        struck += (child.type == "s_open") - (child.type == "s_close")
        if struck:
            continue
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":  # a wrapped line: the paragraph goes on
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    # What was dropped leaves its spaces behind: one space between words, as it reads.
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


class _Text(HTMLParser):
    """The text of an HTML fragment, without the contents of script and style elements."""

    HIDDEN = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in self.HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _html_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return html.unescape("".join(parser.parts))
