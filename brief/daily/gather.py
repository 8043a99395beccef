"""Gathering the day's articles: feeds (entries inside the window) and listed URLs, fetched
politely within the caps, and folders read; each failure a Skipped with its reason.

The window is UTC throughout: a past day's window ends at midnight UTC, today's at the moment of
the run.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from brief import config, ingest
from brief.daily import workers
from brief.daily.digest import Skipped
from brief.errors import BriefError, ConfigError
from brief.models import Article, Progress
from brief.web import extract, feeds, fetch

log = logging.getLogger("brief")

Plan = config.Daily  # the [daily] table, validated (brief.config)


def fetching(chosen: Plan, out: Path) -> fetch.Options:
    """How the daily run fetches: the [daily] settings over the fetcher's polite defaults."""
    cache = (chosen.cache or out / ".cache" / "http") if chosen.cached else None
    defaults = fetch.Options()
    return replace(
        defaults,
        robots=chosen.robots,
        delay=defaults.delay if chosen.delay is None else chosen.delay,
        timeout=defaults.timeout if chosen.timeout is None else chosen.timeout,
        cache=cache,
        allow_hosts=chosen.allow_hosts,
    )


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.datetime | None
    end: dt.datetime

    def holds(self, when: str | None) -> bool:
        """True for a time or date inside the window, and for an unknown one."""
        if not when or self.start is None:
            return True
        if len(when) == 10:  # a date only: it overlaps the window or not
            day = dt.date.fromisoformat(when)
            return self.start.date() <= day <= self.end.date()
        stamp = dt.datetime.fromisoformat(when)
        stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
        return self.start <= stamp <= self.end

    def bounds(self) -> str:
        """``2026-11-20 06:30 to 2026-11-21 06:30 UTC``, for a person."""
        start = f"{self.start.astimezone(dt.UTC):%Y-%m-%d %H:%M}" if self.start else "any time"
        return f"{start} to {self.end.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"

    def left_out(self, count: int) -> str:
        """What the window dropped, said once: "" when it dropped nothing."""
        if not count:
            return ""
        entries = "entry" if count == 1 else "entries"
        return f"left out {count} {entries} published outside the window {self.bounds()}"


def window(date: str, span: dt.timedelta | None, now: dt.datetime) -> Window:
    """``span`` up to now; for a day that is over (not today), up to its end (midnight UTC)."""
    day = dt.date.fromisoformat(date)
    try:
        end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC)
    except OverflowError:  # 9999-12-31: the calendar ends before the day does
        end_of_day = dt.datetime.max.replace(tzinfo=dt.UTC)
    end = now if day == now.astimezone(dt.UTC).date() else min(now, end_of_day)
    if span is None:
        return Window(None, end)
    try:
        return Window(end - span, end)
    except OverflowError:
        raise ConfigError(
            f"a window of {span.days:,} days before {end:%Y-%m-%d} starts before year 1: "
            "give a shorter `since` setting"
        ) from None


@dataclass(frozen=True, slots=True)
class Gathered:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    outside: int  # feed entries and articles published outside the window


def gather(
    chosen: Plan,
    span: Window,
    fetcher: fetch.Fetcher,
    progress: Progress | None = None,
    run: workers.Run = workers.here,
) -> Gathered:
    """Every article of the configured sources inside the window, and what was left out.
    Folders are read through ``run`` (brief.daily.workers); pages are fetched here."""
    skipped: list[Skipped] = []
    dated: dict[str, str | None] = {url: None for url in chosen.urls}
    outside: set[str] = set()  # by URL or path: a feed entry and its page count once
    for url in chosen.feeds:
        try:
            entries = feeds.entries(fetcher.get(url, fetch.FEED_TYPES))
        except BriefError as error:
            skipped.append(_skip(url, error))
            continue
        inside = [e for e in entries if span.holds(e.published)]
        outside.update(e.url for e in entries if not span.holds(e.published))
        if len(inside) > chosen.max_entries:
            skipped.append(
                Skipped(
                    url,
                    _past(
                        len(inside) - chosen.max_entries,
                        "entries",
                        chosen.max_entries,
                        "per feed",
                        "max_entries",
                    ),
                )
            )
        for entry in inside[: chosen.max_entries]:
            dated.setdefault(entry.url, entry.published)
    outside -= set(dated)
    if len(dated) > chosen.max_pages:
        past = len(dated) - chosen.max_pages
        skipped.append(
            Skipped("this run", _past(past, "pages", chosen.max_pages, "per run", "max_pages"))
        )
        dated = dict(list(dated.items())[: chosen.max_pages])
    articles: list[Article] = []
    for done, (url, published) in enumerate(dated.items(), 1):
        try:
            log.info("requested %s", url)
            article = extract.article(fetcher.get(url))
        except BriefError as error:
            skipped.append(_skip(url, error))
        else:
            if not article.published and published:
                article = replace(article, published=published[:10])
            if span.holds(article.published):
                articles.append(article)
            else:
                outside.add(url)
        if progress:
            progress("fetching", done, len(dated))
    for folder in chosen.folders:
        try:
            found = ingest.read(
                [folder], skip=lambda path, why: skipped.append(Skipped(path, why)), run=run
            )
        except BriefError as error:
            skipped.append(_skip(folder, error))
            continue
        articles.extend(a for a in found if span.holds(a.published))
        outside.update(f"{a.path}#{i}" for i, a in enumerate(found) if not span.holds(a.published))
    return Gathered(tuple(articles), tuple(skipped), len(outside))


def _past(extra: int, what: str, cap: int, per: str, key: str) -> str:
    return (
        f"{extra:,} more {what} past the cap of {cap:,} {per} were not fetched ({key} in [daily])"
    )


def _skip(source: str, error: BriefError) -> Skipped:
    """The source and the error's reason, without the source repeated at its head."""
    return Skipped(source, str(error).removeprefix(f"{source}: "))
