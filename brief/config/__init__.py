"""Settings: one frozen, self-validating record per run, and the one place configuration is read.

Where a value comes from, later wins: the defaults here < the config file < the environment <
the command line's flags. The config file is ``--config PATH``, else ``$BRIEF_CONFIG``, else
``brief.toml`` in the working folder when there is one. Its tables: ``[brief]`` (building),
``[smtp]`` (mail), ``[daily]`` (the daily digest). ``load`` returns a ``Settings`` that remembers
where each value came from (``brief config`` prints it); the records validate themselves, so a
``Settings`` built in code is checked exactly like one loaded from a file.
"""

from __future__ import annotations

from brief.config.load import config_path, describe, load, load_file
from brief.config.mail import (
    DEFAULT_PORTS,
    LOOPBACK_NAMES,
    SECURITY,
    SMTP_TIMEOUT,
    RetryPolicy,
    SmtpSettings,
    loopback,
)
from brief.config.records import (
    CONFIG_NAME,
    DAILY_LENGTH,
    DEFAULT_LENGTH,
    DEFAULT_METHOD,
    DEFAULT_SINCE,
    FORMATS,
    MAX_ENTRIES,
    MAX_PAGES,
    MAX_SINCE,
    MIN_OUTLETS,
    PRESETS,
    Daily,
    Settings,
    check_date,
    formats,
    since,
    today,
)

__all__ = [
    "CONFIG_NAME",
    "DAILY_LENGTH",
    "DEFAULT_LENGTH",
    "DEFAULT_METHOD",
    "DEFAULT_PORTS",
    "DEFAULT_SINCE",
    "FORMATS",
    "LOOPBACK_NAMES",
    "MAX_ENTRIES",
    "MAX_PAGES",
    "MAX_SINCE",
    "MIN_OUTLETS",
    "PRESETS",
    "SECURITY",
    "SMTP_TIMEOUT",
    "Daily",
    "RetryPolicy",
    "Settings",
    "SmtpSettings",
    "check_date",
    "config_path",
    "describe",
    "formats",
    "load",
    "load_file",
    "loopback",
    "since",
    "today",
]
