"""The terminal side of the command line: notes and progress on stderr (quiet unless wanted),
warnings as `Warning:` lines, global flags typed after the command, and library messages in the
command line's words (settings shown as their flags)."""

from __future__ import annotations

import contextlib
import logging
import re
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from brief import progress

log = logging.getLogger("brief")


def shown() -> bool:
    """Notes and progress are shown unless --quiet."""
    return log.isEnabledFor(logging.WARNING)


def note(text: str) -> None:
    """A note for the person at the terminal (stderr): what was written, sent or skipped."""
    if shown():
        typer.echo(text, err=True)


def progress_display() -> contextlib.AbstractContextManager[progress.Report]:
    """A rich progress display on a terminal, one line per finished stage otherwise."""
    from brief import progress

    return progress.display() if shown() else contextlib.nullcontext(progress.silent)


class _Stderr(logging.Handler):
    """Log lines on stderr as it is when they are written (so above a progress display)."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(self.format(record), err=True)


class _Prefixed(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = "Warning: " if record.levelno >= logging.WARNING else ""
        return prefix + record.getMessage()


def setup_logging() -> None:
    handler = _Stderr()
    handler.setFormatter(_Prefixed())
    log.handlers[:] = [handler]
    log.setLevel(logging.WARNING)
    log.propagate = False


# Options of `brief` itself that people also type after the command (`brief build seeds -q`).
GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose")


def hoisted(argv: list[str]) -> list[str]:
    """``argv`` with the global flags moved before the command (never past a ``--``)."""
    end = argv.index("--") if "--" in argv else len(argv)
    flags = [a for a in argv[:end] if a in GLOBAL_FLAGS]
    return flags + [a for a in argv[:end] if a not in GLOBAL_FLAGS] + argv[end:]


# The library names its settings ("the `force` setting"); the command line shows its flags.
SETTING_RE = re.compile(r"the `(\w+)` setting")
FLAG_NAMES = {"to": "--to ADDRESS", "config": "--config", "since": "--since"}


def flags(message: str) -> str:
    """A library message in the command line's words: settings become their flags."""
    return SETTING_RE.sub(lambda m: FLAG_NAMES.get(m[1], "--" + m[1].replace("_", "-")), message)
