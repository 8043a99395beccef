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
from brief.models import Article, Progress
from brief.web import extract, fetch

log = logging.getLogger("brief")


def articles(
    urls: Sequence[str], options: fetch.Options | None = None, progress: Progress | None = None
) -> tuple[tuple[Article, ...], tuple[fetch.Failure, ...]]:
    """Each address fetched and extracted: the articles, and what failed with its reason.

    ``progress`` hears ("fetching", done, total) as each address is done with.
    """
    total = len(dict.fromkeys(urls))
    done = iter(range(1, total + 1))

    def fetched(url: str) -> None:
        log.info("requested %s", url)
        if progress:
            progress("fetching", next(done), total)

    with fetch.Fetcher(options or fetch.Options()) as client:
        pages, failures = fetch.fetch_all(client, urls, progress=fetched)
    found: list[Article] = []
    failed = list(failures)
    for page in pages:
        try:
            found.append(extract.article(page))
        except FetchError as error:
            failed.append(fetch.Failure(page.url, str(error)))
    return tuple(found), tuple(failed)


def read(
    urls: Sequence[str], allow_hosts: Sequence[str] = (), progress: Progress | None = None
) -> tuple[Article, ...]:
    """``articles`` for ``brief.ingest.read``: a page that fails is a warning, not an error."""
    found, failed = articles(urls, fetch.Options(allow_hosts=tuple(allow_hosts)), progress)
    for failure in failed:
        log.warning("skipped %s", failure.reason)
    return found
