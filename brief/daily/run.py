"""The daily digest: feeds, URLs and folders -> stories -> one cited digest a day.

    gather     feeds (entries in the window) + URLs -> fetched pages -> Articles; folders
    stories    syndicated copies merged, articles grouped into stories (brief.daily.stories)
    keep       stories covered by at least ``min_outlets`` outlets, most covered then newest first
    brief      each story briefed by the pipeline (``short`` preset by default)
    digest     contents, then each story with its sections and sources (templates/digest.*)
    deliver    out/YYYY-MM-DD-daily.{md,html,json}; mailed once a day (a sent marker)

A page, feed or story that fails is reported in the digest's "Skipped" list and the rest go on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from brief import config, deliver, ingest, pipeline
from brief.daily import digest, stories
from brief.daily.digest import Covered, Digest, Skipped
from brief.errors import BriefError, ConfigError, InputError, OutputError
from brief.models import Article
from brief.web import extract, feeds, fetch

log = logging.getLogger("brief")

# A morning digest covers what was published since the previous one.
DEFAULT_SINCE = "24h"
# Two outlets make a story "covered by several"; a story only one outlet tells is not news yet.
MIN_OUTLETS = 2
DEFAULT_LENGTH = "short"
SINCE_RE = re.compile(r"^\s*(\d+)\s*([mhd]?)\s*$")
UNITS = {"m": "minutes", "h": "hours", "d": "days", "": "hours"}

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Send = Callable[[Path, tuple[str, ...], str], None]  # (markdown file, recipients, subject)


@dataclass(frozen=True, slots=True)
class Plan:
    """The [daily] table of brief.toml, validated."""

    feeds: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    since: dt.timedelta | None = dt.timedelta(hours=24)  # None: no window
    min_outlets: int = MIN_OUTLETS
    length: str = DEFAULT_LENGTH
    method: str = "brief"
    recipients: tuple[str, ...] = ()
    fetching: fetch.Options = field(default_factory=fetch.Options)


@dataclass(frozen=True, slots=True)
class Result:
    digest: Digest
    written: tuple[deliver.Written, ...]
    sent: tuple[str, ...]  # recipients mailed by this run
    note: str  # what happened to the mail, for the person at the terminal
    left_out: str = ""  # how many entries the window left out, and its bounds ("" for none)


def since(text: str) -> dt.timedelta | None:
    """'24h', '90m', '2d' -> a window; '0' -> None (no window)."""
    match = SINCE_RE.match(str(text))
    if not match:
        raise ConfigError(f"--since {text!r} is not a duration: use e.g. 24h, 90m or 2d")
    amount, unit = int(match.group(1)), match.group(2)
    return dt.timedelta(**{UNITS[unit]: amount}) if amount else None


def plan(table: Mapping[str, Any], out: Path, **overrides: Any) -> Plan:
    """A Plan from the [daily] table (and command-line overrides that are not None)."""
    values = {**table, **{k: v for k, v in overrides.items() if v is not None}}
    known = {"feeds", "urls", "folders", "since", "min_outlets", "length", "method"}
    known |= {"recipients", "robots", "delay", "timeout", "cache"}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"unknown setting {', '.join(unknown)} in [daily]: use {', '.join(sorted(known))}"
        )
    lists = {key: _strings(values, key) for key in ("feeds", "urls", "folders", "recipients")}
    min_outlets = _number(values, "min_outlets", MIN_OUTLETS, int)
    if min_outlets < 1:
        raise ConfigError("min_outlets in [daily] must be at least 1")
    config.settings(length=values.get("length", DEFAULT_LENGTH), method=values.get("method"))
    cache = values.get("cache", str(out / ".cache" / "http"))
    return Plan(
        **lists,
        since=since(values.get("since", DEFAULT_SINCE)),
        min_outlets=min_outlets,
        length=str(values.get("length", DEFAULT_LENGTH)),
        method=str(values.get("method", "brief")),
        fetching=fetch.Options(
            robots=bool(values.get("robots", True)),
            delay=_number(values, "delay", fetch.DELAY, float),
            timeout=_number(values, "timeout", fetch.TIMEOUT, float),
            cache=Path(cache) if cache else None,
        ),
    )


def _strings(values: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = values.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} in [daily] must be a list of strings")
    return tuple(value)


def _number(values: Mapping[str, Any], key: str, default: Any, kind: type) -> Any:
    value = values.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{key} in [daily] must be a number of at least 0")
    return kind(value)


# -- gather ------------------------------------------------------------------------------------


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
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC)
    end = now if day == dt.date.today() else min(now, end_of_day)
    return Window(end - span if span else None, end)


@dataclass(frozen=True, slots=True)
class Gathered:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    outside: int  # feed entries and articles published outside the window


def gather(
    chosen: Plan, span: Window, fetcher: fetch.Fetcher, progress: Progress | None = None
) -> Gathered:
    """Every article of the configured sources inside the window, and what was left out."""
    skipped: list[Skipped] = []
    dated: dict[str, str | None] = {url: None for url in chosen.urls}
    outside: set[str] = set()  # by URL or path: a feed entry and its page count once
    for url in chosen.feeds:
        try:
            entries = feeds.entries(fetcher.get(url, fetch.FEED_TYPES))
        except BriefError as error:
            skipped.append(_skip(url, error))
            continue
        for entry in entries:
            if span.holds(entry.published):
                dated.setdefault(entry.url, entry.published)
            else:
                outside.add(entry.url)
    outside -= set(dated)
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
            found = ingest.read([folder])
        except BriefError as error:
            skipped.append(_skip(folder, error))
            continue
        articles.extend(a for a in found if span.holds(a.published))
        outside.update(f"{a.path}#{i}" for i, a in enumerate(found) if not span.holds(a.published))
    return Gathered(tuple(articles), tuple(skipped), len(outside))


def _skip(source: str, error: BriefError) -> Skipped:
    """The source and the error's reason, without the source repeated at its head."""
    return Skipped(source, str(error).removeprefix(f"{source}: "))


# -- digest ------------------------------------------------------------------------------------


def compose(
    articles: Sequence[Article],
    chosen: Plan,
    date: str,
    skipped: Sequence[Skipped] = (),
    progress: Progress | None = None,
) -> Digest:
    """Stories covered by enough outlets, ranked, each briefed; pure."""
    found = stories.stories(articles)
    kept = sorted(
        (s for s in found if len(s.outlets) >= chosen.min_outlets),
        key=lambda s: s.articles[0].title or "",
    )
    kept.sort(key=lambda s: max(a.published or "" for a in s.articles), reverse=True)
    kept.sort(key=lambda s: len(s.outlets), reverse=True)
    settings = config.settings(length=chosen.length, method=chosen.method, date=date)
    covered: list[Covered] = []
    problems = list(skipped)
    for done, story in enumerate(kept, 1):
        try:
            made = pipeline.brief(story.articles, settings)
        except BriefError as error:
            problems.append(Skipped(story.articles[0].title or "a story", str(error)))
        else:
            covered.append(Covered(made, story.outlets, story.copies))
        if progress:
            progress("briefing", done, len(kept))
    return Digest(date, tuple(covered), len(articles), len(found) - len(kept), tuple(problems))


def run(
    chosen: Plan,
    date: str,
    out: Path,
    *,
    force: bool = False,
    send: Send | None = None,
    now: dt.datetime | None = None,
    fetcher: fetch.Fetcher | None = None,
    progress: Progress | None = None,
) -> Result:
    """Gather, digest, write out/DATE-daily.*, and mail it once a day."""
    if not (chosen.feeds or chosen.urls or chosen.folders):
        raise ConfigError("no sources: list feeds, urls or folders in [daily] of brief.toml")
    if chosen.recipients and send is None:
        raise ConfigError(
            "recipients are set in [daily] but this build of brief cannot send email "
            "(brief.mail.outbox is missing): remove them to write the digest only"
        )
    span = window(date, chosen.since, now or dt.datetime.now(dt.UTC))
    client = fetcher or fetch.Fetcher(chosen.fetching)
    try:
        found = gather(chosen, span, client, progress)
    finally:
        if fetcher is None:
            client.close()
    made = compose(found.articles, chosen, date, found.skipped, progress)
    left_out = span.left_out(found.outside)
    if not made.stories:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in made.skipped[:3])
        raise InputError(
            f"no story is covered by {chosen.min_outlets} or more outlets among "
            f"{digest.count(made.articles, 'article')}"
            + (f" ({left_out})" if left_out else "")
            + (f" (skipped: {reasons})" if reasons else "")
        )
    texts = digest.texts(made)
    files = {out / f"{date}-daily.{fmt}": text for fmt, text in texts.items()}
    written = deliver.write(files, force=force)
    sent, note = _mail(chosen, out / f"{date}-daily.md", made, texts["md"], force, send)
    return Result(made, written, sent, note, left_out)


def _mail(
    chosen: Plan, path: Path, made: Digest, md: str, force: bool, send: Send | None
) -> tuple[tuple[str, ...], str]:
    if not chosen.recipients:
        return (), "no recipients in [daily]: not mailed"
    marker = path.with_name(f".{path.stem}.sent")
    if marker.exists() and not force:
        return (), f"already mailed today ({marker}): not sent again (use --force to resend)"
    assert send is not None  # checked before any work in run()
    subject = f"Daily brief {made.date}: " + "; ".join(s.brief.title for s in made.stories[:2])
    send(path, chosen.recipients, subject)
    record = {"recipients": list(chosen.recipients), "subject": subject, "chars": len(md)}
    try:
        deliver.write({marker: json.dumps(record, indent=1) + "\n"}, force=True)
    except OutputError as error:
        raise OutputError(f"mailed, but could not record it: {error}") from None
    return chosen.recipients, f"mailed to {', '.join(chosen.recipients)}"


def mailer(config_path: Path | None) -> Send | None:
    """Email through brief.mail when this build has it (None otherwise): the seam for tests."""
    import importlib

    try:
        mail = importlib.import_module("brief.mail.outbox")
    except ModuleNotFoundError:
        return None

    def send(path: Path, recipients: tuple[str, ...], subject: str) -> None:
        mail.send_file(path, to=recipients, subject=subject, config_path=config_path)

    return send


def main(
    config_path: Path | None,
    *,
    date: str | None,
    since_text: str | None,
    out: Path,
    force: bool,
    progress: Progress | None = None,
) -> Result:
    """What `brief daily` does: read [daily] from brief.toml, then run."""
    path = config.config_path(str(config_path) if config_path else None)
    table = config.table(config.load_file(path), "daily")
    chosen = plan(table, out, since=since_text)
    day = config.check_date(date) if date else dt.date.today().isoformat()
    return run(chosen, day, out, force=force, send=mailer(path), progress=progress)
