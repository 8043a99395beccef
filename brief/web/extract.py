"""Web pages, fetched or saved as files -> Articles (trafilatura): title, outlet, date, author
and main text.

A page that holds no article is a FetchError saying why, so a batch reports it and skips it:
a paywall stub ("Subscribe to read"), a teaser too short to brief, or no text at all. Text is
cleaned as ingest cleans files, so a fetched article and a saved one brief alike.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from brief import clean
from brief.errors import BriefError, FetchError, InputError
from brief.models import Article
from brief.web.fetch import Page

# Fewer words than this is a teaser or a stub, not an article. Wire briefs can be short (2 of
# the 200 DUC 2004 development articles are under 50 words: 35 and 48), while a paywall teaser
# is a headline and a 20-45 word standfirst.
MIN_WORDS = 50
# A page asking the reader to subscribe is a paywall stub when it holds fewer words than this;
# a full article may end with a subscription appeal and is kept.
PAYWALL_MAX_WORDS = 300
PAYWALL_RE = re.compile(
    r"\b(?:subscribe(?: now)? to (?:read|continue|keep reading|unlock)|"
    r"to (?:continue|keep) reading|already a subscriber|for subscribers only|subscribers only|"
    r"(?:sign|log) in to (?:read|continue)|create a free account to (?:read|continue)|"
    r"reached your (?:free )?(?:article|story) limit|this (?:article|story|content) is "
    r"(?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members))",
    re.IGNORECASE,
)
# htmldate: dates from the page's markup only, the first published rather than the updated.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def article(page: Page) -> Article:
    """The article on ``page``; FetchError if the page holds a stub, a teaser or no text."""
    found, text, headline = _extract(page.body, page.final_url, page.url, FetchError)
    return Article(
        text=text,
        title=clean.one_line(found.get("title")) or headline,
        outlet=clean.one_line(found.get("sitename")) or outlet_of(page.final_url),
        url=page.url,
        published=found.get("date") or None,
        author=clean.one_line(found.get("author")),
        path=None,
    )


def saved(html: str | bytes, path: str) -> Article:
    """A web page saved as a file, read as a fetched one; InputError where a page is refused.

    Title, date, author and outlet come from the page's metadata, and the address from its
    canonical link (``og:url``) when it has one; the outlet is then its host if not named.
    """
    found, text, headline = _extract(html, None, Path(path).name, InputError)
    url = clean.one_line(found.get("url"))
    url = url if url and url.startswith(("http://", "https://")) else None
    return Article(
        text=text,
        title=clean.one_line(found.get("title")) or headline,
        outlet=clean.one_line(found.get("sitename")) or (outlet_of(url) if url else None),
        url=url,
        published=found.get("date") or None,
        author=clean.one_line(found.get("author")),
        path=path,
    )


def _extract(
    html: str | bytes, url: str | None, where: str, refuse: type[BriefError]
) -> tuple[dict[str, Any], str, str | None]:
    """(trafilatura's metadata, the cleaned text, a headline from the text) of one page."""
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    found: dict[str, Any] = doc.as_dict() if isinstance(doc, Document) else (doc or {})
    raw = str(found.get("text") or "")
    stub = PAYWALL_RE.search(raw)
    count = len(raw.split())
    if stub and count < PAYWALL_MAX_WORDS:
        raise refuse(f"{where}: a paywall stub ({stub.group(0)!r})")
    headline, text = clean.clean(raw.replace("\n", "\n\n"))
    count = len(text.split())
    if not count:
        raise refuse(f"{where}: no article text found on the page")
    if count < MIN_WORDS:
        raise refuse(
            f"{where}: only {count} words of text, a teaser or a stub "
            f"(an article has at least {MIN_WORDS})"
        )
    return found, text, headline


def outlet_of(url: str) -> str:
    """The host name of ``url`` without ``www.``: the outlet when the page does not name one."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
