"""Progress of long work (fetching pages, briefing stories) for a person, on stderr.

On a terminal: a rich progress display, one bar per stage, drawn over itself. Anywhere else (a
cron log, a pipe): one line per stage when it is done, so a log reads ``fetching: 14 of 14``.
Nothing here ever writes to stdout, which holds only results. The library reports progress
through a plain callback, ``(stage, done, total)``, and knows nothing of this module.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TextIO

from brief.models import Progress

Report = Progress  # (stage, done, total): the library's callback, drawn here


@contextlib.contextmanager
def display(stream: TextIO | None = None, *, terminal: bool | None = None) -> Iterator[Report]:
    """A progress callback for the duration of the block, drawn on ``stream`` (stderr)."""
    out = stream or sys.stderr
    if terminal if terminal is not None else out.isatty():
        with _bars(out) as report:
            yield report
    else:
        yield _lines(out)


def silent(stage: str, done: int, total: int) -> None:
    """The callback for --quiet."""


def _lines(out: TextIO) -> Report:
    def report(stage: str, done: int, total: int) -> None:
        if done == total:
            print(f"{stage}: {done} of {total}", file=out, flush=True)

    return report


@contextlib.contextmanager
def _bars(out: TextIO) -> Iterator[Report]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=out, force_terminal=True, highlight=False)
    columns = (
        TextColumn("{task.description:<9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    tasks: dict[str, TaskID] = {}
    with Progress(*columns, console=console, redirect_stdout=False) as bars:

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield report
