"""The daily digest: feeds, URLs and folders -> stories -> one cited digest a day.

    gather     feeds (entries in the window) + URLs -> fetched pages -> Articles; folders
               (brief.daily.gather)
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief import config, deliver, pipeline
from brief.config import Settings
from brief.daily import digest, stories, workers
from brief.daily.digest import Covered, Digest, Skipped
from brief.daily.gather import Plan, fetching, gather, window
from brief.errors import BriefError, ConfigError, InputError, OutputError
from brief.mail import outbox
from brief.models import Article, Brief, Progress
from brief.web import fetch

log = logging.getLogger("brief")

Send = Callable[[Path, tuple[str, ...], str], None]  # (markdown file, recipients, subject)


@dataclass(frozen=True, slots=True)
class Result:
    digest: Digest
    written: tuple[deliver.Written, ...]
    sent: tuple[str, ...]  # recipients mailed by this run
    note: str  # what happened to the mail, for the person at the terminal
    left_out: str = ""  # how many entries the window left out, and its bounds ("" for none)


def plan(table: Mapping[str, Any], since: str | None = None) -> Plan:
    """The [daily] settings from a parsed table (as in brief.toml), with ``since`` overriding."""
    flags = {"daily.since": (since, "--since")}
    return config.load(env={}, flags=flags, data={"daily": dict(table)}).daily


# -- digest ------------------------------------------------------------------------------------


def compose(
    articles: Sequence[Article],
    chosen: Plan,
    date: str,
    skipped: Sequence[Skipped] = (),
    progress: Progress | None = None,
    run: workers.Run = workers.here,
) -> Digest:
    """Stories covered by enough outlets, ranked, each briefed (through ``run``); pure."""
    found = stories.stories(articles)
    kept = sorted(
        (s for s in found if len(s.outlets) >= chosen.min_outlets),
        key=lambda s: s.articles[0].title or "",
    )
    kept.sort(key=lambda s: max(a.published or "" for a in s.articles), reverse=True)
    kept.sort(key=lambda s: len(s.outlets), reverse=True)
    settings = config.Settings(length=chosen.length, method=chosen.method)
    covered: list[Covered] = []
    problems = list(skipped)
    briefed = run(_brief, [(story.articles, settings, date) for story in kept])
    for done, (story, made) in enumerate(zip(kept, briefed, strict=True), 1):
        if isinstance(made, str):
            problems.append(Skipped(story.articles[0].title or "a story", made))
        else:
            covered.append(Covered(made, story.outlets, story.copies))
        if progress:
            progress("briefing", done, len(kept))
    return Digest(date, tuple(covered), len(articles), len(found) - len(kept), tuple(problems))


def _brief(task: tuple[tuple[Article, ...], Settings, str]) -> Brief | str:
    """One story's brief, or why it could not be briefed: a task for brief.daily.workers."""
    try:
        return pipeline.brief(*task)
    except BriefError as error:
        return str(error)


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
        raise ConfigError("recipients are set in [daily] but no way to send was given")
    span = window(date, chosen.since, now or dt.datetime.now(dt.UTC))
    client = fetcher or fetch.Fetcher(fetching(chosen, out))
    with workers.pool(chosen) as tasks:
        try:
            found = gather(chosen, span, client, progress, tasks)
        finally:
            if fetcher is None:
                client.close()
        made = compose(found.articles, chosen, date, found.skipped, progress, tasks)
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
        return (
            (),
            f"already mailed today ({marker}): not sent again (the `force` setting sends it again)",
        )
    assert send is not None  # checked before any work in run()
    subject = f"Daily brief {made.date}: " + "; ".join(s.brief.title for s in made.stories[:2])
    send(path, chosen.recipients, subject)
    record = {"recipients": list(chosen.recipients), "subject": subject, "chars": len(md)}
    try:  # private (0600), as the outbox is: it holds the readers' addresses
        deliver.atomic_write(marker, (json.dumps(record, indent=1) + "\n").encode("utf-8"))
    except OSError as error:
        raise OutputError(
            f"mailed, but could not record it in {marker}: {error.strerror or error}"
        ) from None
    return chosen.recipients, f"mailed to {', '.join(chosen.recipients)}"


def mailer(settings: Settings) -> Send:
    """Email through brief.mail with the run's settings: the seam tests replace."""

    def send(path: Path, recipients: tuple[str, ...], subject: str) -> None:
        outbox.send_file(path, to=recipients, subject=subject, settings=settings)

    return send


def main(settings: Settings, progress: Progress | None = None) -> Result:
    """What `brief daily` does: the [daily] settings, then run (today in UTC unless dated)."""
    day = settings.date or config.today()
    return run(
        settings.daily,
        day,
        settings.out,
        force=settings.force,
        send=mailer(settings),
        progress=progress,
    )
