"""The settings records of a run: Settings (building) and Daily (the daily digest), validated on
creation, with the presets and the value checks they share."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from brief.config.mail import RetryPolicy, SmtpSettings
from brief.errors import ConfigError
from brief.models import Budget

CONFIG_NAME = "brief.toml"
FORMATS = ("md", "html", "json")
DEFAULT_METHOD = "brief"  # scoring.DEFAULT (a test holds the two equal)

# Sized after seeds article 002, the briefing the product is modelled on: a one-sentence lede,
# four or five facts, a short background and two outlook bullets; a phone screen for `short`.
# "Where sources differ" lists every version of a fact, so it is capped in facts, not words:
# one on a phone screen, and about one in five facts of the longer briefs.
PRESETS: dict[str, Budget] = {
    "short": Budget(lede=1, known=3, background=1, outlook=1, quotes=1, words=200, differ=1),
    "standard": Budget(lede=1, known=5, background=2, outlook=2, quotes=3, words=450, differ=2),
    "long": Budget(lede=2, known=8, background=4, outlook=3, quotes=4, words=800, differ=3),
}
DEFAULT_LENGTH = "standard"


# A morning digest covers what was published since the previous one.
DEFAULT_SINCE = dt.timedelta(hours=24)
# Two outlets make a story "covered by several"; a story only one outlet tells is not news yet.
MIN_OUTLETS = 2
DAILY_LENGTH = "short"
SINCE_RE = re.compile(r"^\s*(\d{1,6})\s*([mhd]?)\s*$")
UNITS = {"m": "minutes", "h": "hours", "d": "days", "": "hours"}
# A window longer than this is a typo (`--since 999999999d`), not a digest.
MAX_SINCE = dt.timedelta(days=3660)
# Fetch delays and timeouts past an hour are typos too; nan and inf never make sense.
MAX_SECONDS = 3600.0
# Entries taken from one feed (inside the window, in feed order): news feeds list 10 to 50
# items; a feed of 30,000 is a dump or an attack, and fetching it at the polite delay would take
# a day. 50 pages from one host at the default delay of 1 s take under a minute.
MAX_ENTRIES = 50
# Pages fetched in one run, feeds' entries and listed URLs together: a morning digest of ten
# feeds at their usual size, with room; at one page a second per host it is minutes, not hours.
MAX_PAGES = 500
# More local worker processes than this is a typo, not a machine.
MAX_WORKERS = 256


@dataclass(frozen=True, slots=True)
class Daily:
    """The ``[daily]`` table: sources, window, what counts as a story, how to fetch."""

    feeds: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    since: dt.timedelta | None = DEFAULT_SINCE  # None: no window
    min_outlets: int = MIN_OUTLETS
    length: str = DAILY_LENGTH
    method: str = DEFAULT_METHOD
    robots: bool = True
    delay: float | None = None  # seconds between requests to one host; None: the fetcher's
    timeout: float | None = None  # seconds per request; None: the fetcher's
    cache: Path | None = None  # None: out/.cache/http
    cached: bool = True  # False: no HTTP cache at all (cache = false in the file)
    allow_hosts: tuple[str, ...] = ()  # fetched although not public addresses (BRIEF_ALLOW_HOSTS)
    max_entries: int = MAX_ENTRIES  # taken from each feed, in feed order
    max_pages: int = MAX_PAGES  # fetched in one run, listed URLs first
    workers: int | None = None  # a local Dask cluster of this many processes (brief[dask])
    scheduler: str | None = None  # an existing Dask cluster, tcp://HOST:PORT (brief[dask])

    def __post_init__(self) -> None:
        _check_length(self.length, "length in [daily]")
        if self.workers is not None and not 1 <= self.workers <= MAX_WORKERS:
            raise ConfigError(f"workers in [daily] must be from 1 to {MAX_WORKERS}")
        if self.scheduler is not None and "://" not in self.scheduler:
            raise ConfigError(
                f"scheduler in [daily] must be an address such as tcp://HOST:8786, "
                f"not {self.scheduler!r}"
            )
        _check_method(self.method, "method in [daily]")
        for name, count in (
            ("min_outlets", self.min_outlets),
            ("max_entries", self.max_entries),
            ("max_pages", self.max_pages),
        ):
            if count < 1:
                raise ConfigError(f"{name} in [daily] must be at least 1")
        if self.since is not None and not dt.timedelta(0) < self.since <= MAX_SINCE:
            raise ConfigError(f"since in [daily] must be at most {MAX_SINCE.days} days")
        for name, value in (("delay", self.delay), ("timeout", self.timeout)):
            if value is not None and not (math.isfinite(value) and 0 <= value <= MAX_SECONDS):
                raise ConfigError(
                    f"{name} in [daily] must be a number of seconds from 0 to {MAX_SECONDS:g}"
                )
        if self.timeout == 0:
            raise ConfigError("timeout in [daily] must be more than 0 seconds")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one run needs, validated on creation. ``origins``: setting -> where it came
    from (a flag, an environment variable, the config file), for messages and `brief config`."""

    method: str = DEFAULT_METHOD
    length: str = DEFAULT_LENGTH
    words: int | None = None  # overrides the preset's body cap
    bullets: int | None = None  # overrides the preset's What-we-know bullets
    formats: tuple[str, ...] = ("md",)
    out: Path = Path("out")
    date: str | None = None  # YYYY-MM-DD; None: today (UTC), decided where the run starts
    force: bool = False
    daily: Daily = field(default_factory=Daily)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    config_file: Path | None = None
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_length(self.length, self.named("length"))
        _check_method(self.method, self.named("method"))
        for key in ("words", "bullets"):
            value = getattr(self, key)
            if value is not None and value < 1:
                raise ConfigError(f"{self.named(key)} must be at least 1")
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            shown = ", ".join(unknown) or "none"
            raise ConfigError(f"unknown format {shown}: use {', '.join(FORMATS)}")
        if self.date is not None:
            object.__setattr__(self, "date", check_date(self.date, self.named("date")))

    def origin(self, key: str) -> str:
        """Where setting ``key`` came from: '--words', 'BRIEF_METHOD', 'brief.toml', 'default'."""
        return dict(self.origins).get(key, "default")

    def named(self, key: str) -> str:
        """The setting's name for a message, with where it came from when that was not code."""
        where = self.origin(key)
        return key if where == "default" else f"{key} ({where})"

    @property
    def budget(self) -> Budget:
        base = PRESETS[self.length]
        return replace(
            base,
            known=self.bullets if self.bullets is not None else base.known,
            words=self.words if self.words is not None else base.words,
        )


def _check_length(length: str, name: str) -> None:
    if length not in PRESETS:
        raise ConfigError(f"unknown {name} {length!r}: use {', '.join(PRESETS)}")


def _check_method(name: str, what: str) -> None:
    from brief import scoring  # the registry: names only, nothing heavy is imported

    if name not in scoring.METHODS:
        raise ConfigError(f"unknown {what} {name!r}: see `brief methods`")


def check_date(text: str, name: str = "date") -> str:
    """YYYY-MM-DD from 1900 to 9998: a brief's date, and a window that ends a day later."""
    try:
        day = dt.date.fromisoformat(str(text))
    except ValueError:
        raise ConfigError(f"{name} {text!r} is not a date: use YYYY-MM-DD") from None
    if not dt.date(1900, 1, 1) <= day <= dt.date(9998, 12, 31):
        raise ConfigError(f"{name} {text} is out of range: use a date from 1900 to 9998")
    return day.isoformat()


def today(now: dt.datetime | None = None) -> str:
    """Today's date in UTC: briefs and digests are dated the same wherever they run."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).date().isoformat()


def formats(text: str) -> tuple[str, ...]:
    """Parse a comma list such as ``md,json`` (order kept, duplicates dropped)."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ConfigError(
            f"unknown format {', '.join(unknown) or text!r}: use {', '.join(FORMATS)}"
        )
    return chosen


def since(text: str, name: str = "since") -> dt.timedelta | None:
    """'24h', '90m', '2d' -> a window; '0' -> None (no window)."""
    match = SINCE_RE.match(str(text))
    if not match:
        raise ConfigError(f"{name} {text!r} is not a duration: use e.g. 24h, 90m or 2d")
    amount, unit = int(match.group(1)), match.group(2)
    span = dt.timedelta(**{UNITS[unit]: amount})
    if span > MAX_SINCE:
        raise ConfigError(f"{name} {text!r} is too long: at most {MAX_SINCE.days} days")
    return span if amount else None
