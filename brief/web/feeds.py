"""Fetched feeds -> entries (feedparser): the article URLs an RSS or Atom feed lists.

A feed that is not well-formed XML is reported and skipped as a whole (feedparser's lenient
parser can recover entries from a broken feed, but not ones we can trust); other sources go on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import xml.sax
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from brief import clean
from brief.errors import FetchError
from brief.web.fetch import Page


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed; ``published`` is an ISO 8601 UTC time, or None if the feed has none."""

    url: str
    title: str | None
    published: str | None
    feed: str | None  # the feed's title, often the outlet's name


def entries(page: Page) -> tuple[Entry, ...]:
    """The entries of the RSS or Atom feed in ``page``, in feed order, links made absolute."""
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(page.body),
        response_headers={"content-location": page.final_url, "content-type": page.content_type},
    )
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXException):
        raise FetchError(f"{page.url}: the feed is not well-formed XML ({error})")
    if not parsed.get("version"):
        raise FetchError(f"{page.url}: not an RSS or Atom feed")
    name = clean.one_line(parsed.feed.get("title"))
    found = []
    for item in parsed.entries:
        link = clean.one_line(item.get("link"))
        if link:
            found.append(
                Entry(
                    urljoin(page.final_url, link),
                    clean.one_line(item.get("title")),
                    _when(item),
                    name,
                )
            )
    return tuple(found)


def _when(item: Any) -> str | None:
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    if not parsed:
        return None
    stamp = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    return stamp.isoformat()
