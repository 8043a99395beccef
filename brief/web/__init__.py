"""The web edge: addresses -> fetched pages -> Articles, politely (robots.txt, delays, a cache).

    fetch     one polite HTTP client: robots.txt, per-host delay, retries, size and time limits
    robots    robots.txt, read once per origin
    cache     an on-disk cache of pages (ETag / Last-Modified revalidation)
    extract   a page's main text, title, date and outlet (trafilatura) -> Article
    feeds     RSS and Atom -> entries

``articles`` is the one call the rest of brief makes: URLs in, Articles and failures out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from brief.errors import FetchError
from brief.models import Article
from brief.web import extract, fetch

log = logging.getLogger("brief")


def articles(
    urls: Sequence[str], options: fetch.Options | None = None
) -> tuple[tuple[Article, ...], tuple[fetch.Failure, ...]]:
    """Each address fetched and extracted: the articles, and what failed with its reason."""
    with fetch.Fetcher(options or fetch.Options()) as client:
        pages, failures = fetch.fetch_all(client, urls)
    found: list[Article] = []
    failed = list(failures)
    for page in pages:
        try:
            found.append(extract.article(page))
        except FetchError as error:
            failed.append(fetch.Failure(page.url, str(error)))
    return tuple(found), tuple(failed)


def read(urls: Sequence[str]) -> tuple[Article, ...]:
    """``articles`` for ``brief.ingest.read``: a page that fails is a warning, not an error."""
    found, failed = articles(urls)
    for failure in failed:
        log.warning("skipped %s", failure.reason)
    return found
