"""Settings: one frozen object per run, and the one place env vars and config files are read.

A config file is TOML (``brief.toml`` in the working folder, or ``--config PATH``, or the path in
``BRIEF_CONFIG``). Each feature reads its own table: ``[brief]`` for building, ``[smtp]`` for
mail, ``[daily]`` for the daily digest. Environment variables override the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import ConfigError

CONFIG_NAME = "brief.toml"
FORMATS = ("md", "html", "json")


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of each section a brief holds; ``words`` caps the whole body."""

    lede: int
    known: int
    background: int
    outlook: int
    quotes: int
    words: int | None
    differ: int = 0  # facts shown under "Where sources differ" (not counted in ``words``)


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


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one `brief build` run needs, validated."""

    method: str = "brief"
    length: str = DEFAULT_LENGTH
    words: int | None = None  # overrides the preset's body cap
    bullets: int | None = None  # overrides the preset's What-we-know bullets
    formats: tuple[str, ...] = ("md",)
    out: Path = Path("out")
    date: str | None = None  # YYYY-MM-DD; None: today
    force: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def budget(self) -> Budget:
        base = PRESETS[self.length]
        return Budget(
            lede=base.lede,
            known=self.bullets if self.bullets is not None else base.known,
            background=base.background,
            outlook=base.outlook,
            quotes=base.quotes,
            words=self.words if self.words is not None else base.words,
            differ=base.differ,
        )


def formats(text: str) -> tuple[str, ...]:
    """Parse a comma list such as ``md,json`` (order kept, duplicates dropped)."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ConfigError(
            f"unknown format {', '.join(unknown) or text!r}: use {', '.join(FORMATS)}"
        )
    return chosen


def check_date(text: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ConfigError(f"--date {text!r} is not a date: use YYYY-MM-DD") from None


def settings(**options: Any) -> Settings:
    """Settings from keyword options, validated (None means: use the default)."""
    given = {k: v for k, v in options.items() if v is not None}
    length = given.get("length", DEFAULT_LENGTH)
    if length not in PRESETS:
        raise ConfigError(f"unknown length {length!r}: use {', '.join(PRESETS)}")
    for key in ("words", "bullets"):
        if key in given and given[key] < 1:
            raise ConfigError(f"--{key} must be at least 1")
    if "date" in given:
        given["date"] = check_date(given["date"])
    from brief import scoring as score

    score.method(given.get("method", score.DEFAULT))
    return Settings(**given)


def config_path(explicit: str | None = None, env: Mapping[str, str] | None = None) -> Path | None:
    env = os.environ if env is None else env
    if explicit:
        return Path(explicit)
    if env.get("BRIEF_CONFIG"):
        return Path(env["BRIEF_CONFIG"])
    local = Path(CONFIG_NAME)
    return local if local.is_file() else None


def load_file(path: Path | None) -> dict[str, Any]:
    """The parsed config file ({} when there is none)."""
    if path is None:
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {path} is not valid TOML: {error}") from None


def table(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """One [table] of a parsed config file ({} when absent)."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] in the config file must be a table")
    return value
