"""Reading the configuration: the file's tables, the environment and the flags -> Settings, each
value with where it came from; and ``describe`` for `brief config`."""

from __future__ import annotations

import datetime as dt
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from brief.config.mail import DEFAULT_PORTS, SMTP_TIMEOUT, RetryPolicy, SmtpSettings
from brief.config.records import (
    CONFIG_NAME,
    DAILY_LENGTH,
    DEFAULT_LENGTH,
    DEFAULT_METHOD,
    DEFAULT_SINCE,
    MAX_ENTRIES,
    MAX_PAGES,
    MIN_OUTLETS,
    Daily,
    Settings,
    formats,
    since,
)
from brief.errors import ConfigError

Given = tuple[Any, str]  # a value and where it came from
TABLES = ("brief", "smtp", "daily")
BUILD_KEYS = {"method": "BRIEF_METHOD", "length": "BRIEF_LENGTH", "words": "", "bullets": ""}
BUILD_KEYS |= {"format": "BRIEF_FORMAT", "out": "BRIEF_OUT"}
SMTP_KEYS = {
    "host": "BRIEF_SMTP_HOST",
    "port": "BRIEF_SMTP_PORT",
    "security": "BRIEF_SMTP_SECURITY",
    "user": "BRIEF_SMTP_USER",
    "password": "BRIEF_SMTP_PASSWORD",
    "from": "BRIEF_FROM",
    "timeout": "BRIEF_SMTP_TIMEOUT",
    "cafile": "BRIEF_SMTP_CAFILE",
    "attempts": "BRIEF_SMTP_ATTEMPTS",
    "retry_seconds": "BRIEF_SMTP_RETRY_SECONDS",
    "retry_wait": "BRIEF_SMTP_RETRY_WAIT",
}
DAILY_KEYS = {f.name for f in fields(Daily)} - {"cached"}
# [daily] keys an environment variable may set: the hosts fetched although not public, which
# `brief build URL...` honours too (a comma list).
DAILY_ENV = dict.fromkeys(DAILY_KEYS, "") | {"allow_hosts": "BRIEF_ALLOW_HOSTS"}
SECRET = "password"


def load(
    config: str | Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Given] | None = None,
    need_file: bool = False,
    data: Mapping[str, Any] | None = None,
) -> Settings:
    """Settings from the config file, the environment and ``flags`` (key -> (value, flag)).

    ``flags`` keys are the [brief] keys, ``date`` and ``force``, and ``daily.since``,
    ``daily.workers`` and ``daily.scheduler``; a value of
    None is a flag not given. ``need_file``: a missing config file is an error (`brief daily`).
    ``data``: the parsed file's tables, when the caller holds them already (no file is read).
    """
    env = os.environ if env is None else env
    path = config_path(config, env) if data is None else None
    if path is None and need_file and data is None:
        raise ConfigError(
            f"no {CONFIG_NAME} here: give the `config` setting a path (or set BRIEF_CONFIG)"
        )
    data = load_file(path) if data is None else data
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise ConfigError(f"unknown table [{unknown[0]}] in {path}: use [{'], ['.join(TABLES)}]")
    given = {k: v for k, v in (flags or {}).items() if v[0] is not None}
    build = _layer(data, "brief", path, BUILD_KEYS, env)
    build |= {k: v for k, v in given.items() if k in BUILD_KEYS or k in ("date", "force")}
    smtp = _layer(data, "smtp", path, SMTP_KEYS, env)
    daily = _layer(data, "daily", path, DAILY_ENV, env)
    for key in ("since", "workers", "scheduler"):
        if f"daily.{key}" in given:
            daily[key] = given[f"daily.{key}"]
    origins = [(k, where) for k, (_, where) in build.items()]
    origins += [(f"smtp.{k}", where) for k, (_, where) in smtp.items()]
    origins += [(f"daily.{k}", where) for k, (_, where) in daily.items()]
    fmt = build.get("format")
    return Settings(
        method=_text(build, "method", DEFAULT_METHOD),
        length=_text(build, "length", DEFAULT_LENGTH),
        words=_whole(build, "words", None),
        bullets=_whole(build, "bullets", None),
        formats=_formats(fmt) if fmt else ("md",),
        out=Path(_text(build, "out", "out")).expanduser(),
        date=_text(build, "date", "") or None,
        force=bool(build.get("force", (False, ""))[0]),
        daily=_daily(daily),
        smtp=_smtp(smtp),
        retry=_retry(smtp),
        config_file=path,
        origins=tuple(origins),
    )


def config_path(
    explicit: str | Path | None = None, env: Mapping[str, str] | None = None
) -> Path | None:
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
    if path.is_dir():
        raise ConfigError(f"config file {path} is a folder: pass the path of a TOML file")
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except PermissionError:
        raise ConfigError(f"config file {path} cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise ConfigError(f"config file {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {path} is not valid TOML: {error}") from None
    except ValueError as error:  # tomllib's int() of a number past 4,300 digits
        raise ConfigError(f"config file {path} is not valid TOML: {error}") from None
    except (OSError, RecursionError) as error:
        raise ConfigError(f"config file {path} cannot be read: {error}") from None


def _layer(
    data: Mapping[str, Any],
    name: str,
    path: Path | None,
    keys: Mapping[str, str],
    env: Mapping[str, str],
) -> dict[str, Given]:
    """One table's values with their origins, the environment's over the file's."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}] in {path} must be a table")
    place = f"[{name}]" + (f" of {path}" if path else "")
    unknown = sorted(set(table) - set(keys))
    if unknown:
        raise ConfigError(
            f"unknown setting {', '.join(unknown)} in {place}: use {', '.join(sorted(keys))}"
        )
    values: dict[str, Given] = {k: (v, f"{k} in {place}") for k, v in table.items()}
    values |= {k: (env[var], var) for k, var in keys.items() if var and env.get(var)}
    return values


def _text(values: Mapping[str, Given], key: str, default: str) -> str:
    value, where = values.get(key, (default, key))
    if not isinstance(value, str):
        shown = "" if key == SECRET else f", not {value!r}"  # a secret is never echoed
        raise ConfigError(f"{where} must be text (in quotes){shown}")
    return value.strip()


def _whole(values: Mapping[str, Given], key: str, default: int | None) -> int | None:
    value, where = values.get(key, (default, key))
    if value is None:
        return None
    try:
        number = int(value) if not isinstance(value, bool | float) else None
    except (TypeError, ValueError):
        number = None
    if number is None or abs(number) > MAX_WHOLE:
        raise ConfigError(f"{where} must be a whole number, not {str(value)[:40]!r}")
    return number


# Larger counts than this are typos, and int() of a 5,000-digit string costs real time.
MAX_WHOLE = 10**9


def _seconds(values: Mapping[str, Given], key: str, default: float | None) -> float | None:
    value, where = values.get(key, (default, key))
    if value is None:
        return None
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise ConfigError(f"{where} must be a number of seconds of at least 0, not {value!r}")
    return number


def _strings(values: Mapping[str, Given], key: str) -> tuple[str, ...]:
    value, where = values.get(key, ([], key))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _formats(given: Given) -> tuple[str, ...]:
    value, where = given
    text = ",".join(value) if isinstance(value, list) else value
    if not isinstance(text, str):
        raise ConfigError(f'{where} must be a comma list such as "md,html"')
    try:
        return formats(text)
    except ConfigError as error:
        raise ConfigError(f"{where}: {error}") from None


def _daily(values: Mapping[str, Given]) -> Daily:
    span: dt.timedelta | None = DEFAULT_SINCE
    if "since" in values:
        span = since(values["since"][0], values["since"][1])
    cache = values.get("cache", (None, "cache"))
    if not (cache[0] is None or cache[0] is False or isinstance(cache[0], str)):
        raise ConfigError(
            f"{cache[1]} must be a folder (text in quotes) or false, not {cache[0]!r}"
        )
    robots = values.get("robots", (True, "robots"))
    if not isinstance(robots[0], bool):
        raise ConfigError(f"{robots[1]} must be true or false")
    return Daily(
        feeds=_strings(values, "feeds"),
        urls=_strings(values, "urls"),
        folders=_strings(values, "folders"),
        recipients=_strings(values, "recipients"),
        since=span,
        min_outlets=_whole(values, "min_outlets", MIN_OUTLETS) or 0,
        length=_text(values, "length", DAILY_LENGTH),
        method=_text(values, "method", DEFAULT_METHOD),
        robots=robots[0],
        delay=_seconds(values, "delay", None),
        timeout=_seconds(values, "timeout", None),
        cache=Path(cache[0]).expanduser() if isinstance(cache[0], str) and cache[0] else None,
        cached=cache[0] is not False and cache[0] != "",
        allow_hosts=tuple(
            h.strip() for item in _strings(values, "allow_hosts") for h in item.split(",")
        ),
        max_entries=_whole(values, "max_entries", MAX_ENTRIES) or 0,
        max_pages=_whole(values, "max_pages", MAX_PAGES) or 0,
        workers=_whole(values, "workers", None),
        scheduler=_text(values, "scheduler", "") or None,
    )


def _smtp(values: Mapping[str, Given]) -> SmtpSettings:
    security = _text(values, "security", "starttls").lower()
    cafile = _text(values, "cafile", "")
    return SmtpSettings(
        host=_text(values, "host", ""),
        port=_whole(values, "port", DEFAULT_PORTS.get(security, 25)) or 0,
        security=security,
        user=_text(values, "user", ""),
        password=_text(values, "password", ""),
        sender=_text(values, "from", ""),
        timeout=_seconds(values, "timeout", SMTP_TIMEOUT) or 0.0,
        cafile=Path(cafile).expanduser() if cafile else None,
    )


def _retry(values: Mapping[str, Given]) -> RetryPolicy:
    default = RetryPolicy()
    return RetryPolicy(
        attempts=_whole(values, "attempts", default.attempts) or 0,
        total_seconds=_seconds(values, "retry_seconds", default.total_seconds) or 0.0,
        first_wait=_seconds(values, "retry_wait", default.first_wait) or 0.0,
    )


# -- showing -----------------------------------------------------------------------------------


def describe(settings: Settings) -> tuple[tuple[str, str, str], ...]:
    """(setting, value, where it came from) for every setting; secrets masked."""
    rows: list[tuple[str, str, str]] = []
    rows.append(
        (
            "config file",
            str(settings.config_file or "none"),
            "--config, BRIEF_CONFIG or ./brief.toml",
        )
    )
    for f in fields(Settings):
        if f.name in ("daily", "smtp", "retry", "config_file", "origins"):
            continue
        rows.append((f.name, _shown(getattr(settings, f.name)), settings.origin(_key(f.name))))
    for prefix, record in (
        ("smtp", settings.smtp),
        ("retry", settings.retry),
        ("daily", settings.daily),
    ):
        for f in fields(record):
            if f.name in ("sleep", "cached"):
                continue
            value = getattr(record, f.name)
            shown = "********" if f.name == SECRET and value else _shown(value)
            origin_key = (
                f"smtp.{_SMTP_FIELD_KEYS.get(f.name, f.name)}"
                if prefix != "daily"
                else f"daily.{f.name}"
            )
            rows.append((f"{prefix}.{f.name}", shown, settings.origin(origin_key)))
    return tuple(rows)


_SMTP_FIELD_KEYS = {"sender": "from", "total_seconds": "retry_seconds", "first_wait": "retry_wait"}


def _key(name: str) -> str:
    return "format" if name == "formats" else name


def _shown(value: object) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or "-"
    if isinstance(value, dt.timedelta):
        return f"{value.total_seconds() / 3600:g}h"
    return str(value)
