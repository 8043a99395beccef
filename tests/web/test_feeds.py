"""brief.web.feeds: RSS and Atom -> entries; a malformed feed is one clear FetchError."""

from __future__ import annotations

import pytest

from brief.errors import FetchError
from brief.web import feeds
from brief.web.fetch import Page
from tests.servers.web import WEB

BASE = "http://127.0.0.1:8000"


def feed(name: str, content_type: str = "application/rss+xml") -> Page:
    url = f"{BASE}/{name}"
    body = (WEB / name).read_text().replace("{base}", BASE)
    return Page(url, url, content_type, body.encode())


def test_rss_entries_in_feed_order_with_utc_times() -> None:
    entries = feeds.entries(feed("gazette/feed.rss"))
    assert [e.url for e in entries][:2] == [
        f"{BASE}/gazette/storm-ellis.html",
        f"{BASE}/gazette/tram-extension.html",
    ]
    first = entries[0]
    assert first.title == "Storm Ellis cuts power to 40,000 homes on the northern coast"
    assert first.published == "2026-11-20T21:10:00+00:00"
    assert first.feed == "The Harbour Gazette"
    assert len(entries) == 5


def test_atom_entries() -> None:
    entries = feeds.entries(feed("courier/feed.atom", "application/atom+xml"))
    assert entries[0].url == f"{BASE}/courier/ports-closed-storm.html"
    assert entries[0].published == "2026-11-20T22:40:00+00:00"
    assert {e.feed for e in entries} == {"Northern Courier"}


def test_relative_links_resolve_against_the_feed() -> None:
    body = b'<rss version="2.0"><channel><title>T</title><item><link>/a.html</link></item>'
    url = f"{BASE}/news/feed.rss"
    (entry,) = feeds.entries(Page(url, url, "application/rss+xml", body + b"</channel></rss>"))
    assert (entry.url, entry.title, entry.published) == (f"{BASE}/a.html", None, None)


def test_malformed_xml_is_one_clear_error() -> None:
    with pytest.raises(FetchError, match=r"broken.rss: the feed is not well-formed XML \("):
        feeds.entries(feed("broken.rss"))


def test_a_page_that_is_not_a_feed_is_refused() -> None:
    url = f"{BASE}/not-a-feed.xml"
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        feeds.entries(Page(url, url, "application/xml", b"<?xml version='1.0'?><catalog/>"))
