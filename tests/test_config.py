"""brief.config: one loader (file < environment < flags), self-validating records, describe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief import config, scoring
from brief.errors import ConfigError


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "brief.toml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_the_default_method_is_the_registry_default() -> None:
    assert config.DEFAULT_METHOD == scoring.DEFAULT


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"length": "x"}, "unknown length 'x'"),
        ({"method": "nope"}, "unknown method 'nope'"),
        ({"words": 0}, "words must be at least 1"),
        ({"formats": ("pdf",)}, "unknown format pdf"),
        ({"date": "2026-13-45"}, "is not a date"),
        ({"date": "9999-12-31"}, "out of range"),
    ],
)
def test_settings_validate_themselves(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config.Settings(**kwargs)  # type: ignore[arg-type]


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    path = write(tmp_path, '[brief]\nlength = "long"\nmethod = "centroid"\nwords = 300\n')
    got = config.load(
        path,
        env={"BRIEF_LENGTH": "short"},
        flags={"words": (250, "--words"), "method": (None, "--method")},
    )
    assert (got.length, got.method, got.words) == ("short", "centroid", 250)
    assert got.origin("length") == "BRIEF_LENGTH"
    assert got.origin("method") == f"method in [brief] of {path}"
    assert got.origin("words") == "--words"
    assert got.origin("bullets") == "default"


def test_messages_name_the_setting_and_where_it_came_from(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"words \(--words\) must be at least 1"):
        config.load(None, env={}, flags={"words": (0, "--words")})
    path = write(tmp_path, "[brief]\nwords = 0\n")
    with pytest.raises(ConfigError, match=r"words \(words in \[brief\] of .*\) must be at least 1"):
        config.load(path, env={})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[daily]\ncache = 5\n", "cache in .daily. .* must be a folder"),
        ("[daily]\ndelay = inf\n", "delay in .daily. .* must be a number of seconds"),
        ("[daily]\ntimeout = nan\n", "timeout in .daily. .* must be a number of seconds"),
        ('[daily]\nsince = "soon"\n', "since in .daily. .* is not a duration"),
        ('[daily]\nsince = "999999999d"\n', "is not a duration|too long"),
        ("[daily]\nmin_outlets = 0\n", "min_outlets in .daily. must be at least 1"),
        ('[daily]\nrobots = "yes"\n', "robots in .daily. .* must be true or false"),
        ("[daily]\nrecipient = []\n", "unknown setting recipient"),
        ("[dialy]\n", r"unknown table \[dialy\]"),
        ("[brief]\nwords = " + "9" * 5000 + "\n", "not valid TOML.*Exceeds the limit"),
        ("brief = 1\n", r"\[brief\] in .* must be a table"),
    ],
)
def test_bad_files_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config.load(write(tmp_path, text), env={})


def test_a_file_that_is_not_utf8_or_a_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not UTF-8"):
        config.load(write(tmp_path, b'[brief]\nmethod = "\xff"\n'), env={})
    with pytest.raises(ConfigError, match="is a folder"):
        config.load(tmp_path, env={})
    with pytest.raises(ConfigError, match="does not exist"):
        config.load(tmp_path / "missing.toml", env={})


def test_a_missing_file_says_so_when_one_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"no brief\.toml here: give the `config` setting a path"):
        config.load(None, env={}, need_file=True)
    assert config.load(None, env={}).config_file is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BRIEF_SMTP_TIMEOUT": "nan"}, "BRIEF_SMTP_TIMEOUT must be a number of seconds"),
        ({"BRIEF_SMTP_TIMEOUT": "inf"}, "BRIEF_SMTP_TIMEOUT must be a number of seconds"),
        ({"BRIEF_SMTP_RETRY_WAIT": "nan"}, "BRIEF_SMTP_RETRY_WAIT must be a number of seconds"),
        ({"BRIEF_SMTP_RETRY_SECONDS": "1e9"}, "BRIEF_SMTP_RETRY_SECONDS .* from 0 to 3600"),
        ({"BRIEF_METHOD": "nope"}, r"unknown method \(BRIEF_METHOD\) 'nope'"),
    ],
)
def test_bad_environment_values_are_config_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config.load(None, env=env)


def test_daily_table_and_since_flag(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[daily]\nfeeds = "http://127.0.0.1/feed"\nsince = "2d"\ncache = false\n'
    )
    got = config.load(path, env={}, flags={"daily.since": ("90m", "--since")}).daily
    assert got.feeds == ("http://127.0.0.1/feed",)
    assert got.since == dt.timedelta(minutes=90)
    assert not got.cached
    with pytest.raises(ConfigError, match=r"--since 'x' is not a duration"):
        config.load(path, env={}, flags={"daily.since": ("x", "--since")})


def test_describe_masks_secrets_and_names_origins() -> None:
    env = {"BRIEF_SMTP_USER": "me", "BRIEF_SMTP_PASSWORD": "hunter22", "BRIEF_FORMAT": "md,json"}
    rows = {
        key: (value, where) for key, value, where in config.describe(config.load(None, env=env))
    }
    assert rows["smtp.password"] == ("********", "BRIEF_SMTP_PASSWORD")
    assert rows["formats"] == ("md, json", "BRIEF_FORMAT")
    assert "hunter22" not in repr(rows)


def test_today_is_utc() -> None:
    late = dt.datetime(2026, 11, 21, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert config.today(late) == "2026-11-22"
