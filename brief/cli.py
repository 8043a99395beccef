"""The `brief` command: parse, build Settings, one library call, print.

Errors the user can fix (BriefError) become one ``Error: <message>`` line on stderr and a
non-zero exit, in exactly one place: ``main``. Heavy libraries load inside commands only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from brief.errors import BriefError

SEEDS = "seeds"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    help="Turn news articles about one story into a short, structured, fully cited brief.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Article files, folders (searched recursively) or - for stdin."),
]
Method = Annotated[str, typer.Option("--method", "-m", help="Scoring method: see `brief methods`.")]


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context) -> None:
    """Without a command, brief the seeds/ folder into out/ (same as `brief build`)."""
    if ctx.invoked_subcommand is None:
        build()


@app.command()
def build(
    paths: Paths = None,
    method: Method = "brief",
    length: Annotated[
        str, typer.Option("--length", "-l", help="Preset: short, standard or long.")
    ] = "standard",
    words: Annotated[int | None, typer.Option(help="Cap on the brief's body, in words.")] = None,
    bullets: Annotated[int | None, typer.Option(help="How many What-we-know bullets.")] = None,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="Comma list of md, html, json.")
    ] = "md",
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    date: Annotated[str | None, typer.Option(help="Date of the brief, YYYY-MM-DD.")] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print instead of writing files.")
    ] = False,
    force: Annotated[bool, typer.Option(help="Replace a brief that already exists.")] = False,
) -> None:
    """Brief articles about one story into out/YYYY-MM-DD-<slug>.<format>.

    Example: brief build seeds --format md,json --date 2026-11-21
    """
    from brief import api, config

    settings = config.settings(
        method=method,
        length=length,
        words=words,
        bullets=bullets,
        formats=config.formats(format_),
        out=out,
        date=date,
        force=force,
    )
    result = api.build(paths or [SEEDS], settings)
    if stdout:
        for fmt in settings.formats:
            typer.echo(result.texts[fmt], nl=False)
        return
    for written in api.write(result, settings):
        typer.echo(f"{written.status}: {written.path}", err=True)
        typer.echo(str(written.path))


@app.command()
def summarize(
    paths: Paths = None,
    words: Annotated[int | None, typer.Option(help="Budget in words (whole sentences).")] = None,
    sentences: Annotated[int | None, typer.Option(help="Budget in sentences.")] = None,
    method: Method = "brief",
) -> None:
    """A plain multi-document summary, one sentence per line.

    Example: brief summarize seeds --words 100 --method lexrank
    """
    from brief import api

    for line in api.summarize(paths or [SEEDS], method, words=words, sentences=sentences):
        typer.echo(line)


@app.command()
def methods(
    json_: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the scoring methods.

    Example: brief methods
    """
    from brief.score import DEFAULT, METHODS

    if json_:
        import json

        rows = [
            {"name": m.name, "summary": m.summary, "default": m.name == DEFAULT}
            for m in METHODS.values()
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    width = max(len(name) for name in METHODS)
    for m in METHODS.values():
        mark = " (default)" if m.name == DEFAULT else ""
        typer.echo(f"{m.name:<{width}}  {m.summary}{mark}")


@app.command()
def daily(
    config_: Annotated[
        Path | None, typer.Option("--config", help="brief.toml with a [daily] table.")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The digest's day, YYYY-MM-DD (default today).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Window before the run: 24h (default), 90m, 2d; 0 for no window."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    force: Annotated[bool, typer.Option(help="Replace today's digest and mail it again.")] = False,
) -> None:
    """One digest of the day's stories from the feeds, URLs and folders in brief.toml.

    Example: brief daily --config brief.toml --since 24h
    """
    from brief import daily as digest_run

    result = digest_run.main(
        config_, date=date, since_text=since, out=out, force=force, progress=_progress()
    )
    for written in result.written:
        typer.echo(f"{written.status}: {written.path}", err=True)
        typer.echo(str(written.path))
    for skipped in result.digest.skipped:
        typer.echo(f"skipped {skipped.source}: {skipped.reason}", err=True)
    typer.echo(result.note, err=True)


def _progress() -> Callable[[str, int, int], None]:
    """Progress on stderr: a bar on a terminal, one line per finished stage otherwise."""
    tty = sys.stderr.isatty()

    def show(stage: str, done: int, total: int) -> None:
        if tty:
            filled = PROGRESS_WIDTH * done // max(total, 1)
            bar = "#" * filled + "." * (PROGRESS_WIDTH - filled)
            typer.echo(f"\r{stage:<9} [{bar}] {done}/{total}", err=True, nl=done == total)
        elif done == total:
            typer.echo(f"{stage}: {total} done", err=True)

    return show


PROGRESS_WIDTH = 30


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("Warning: %(message)s"))
    log = logging.getLogger("brief")
    log.handlers[:] = [handler]
    log.setLevel(logging.WARNING)
    log.propagate = False


def main(argv: list[str] | None = None) -> None:
    """Entry point: the one place a BriefError becomes `Error: ...` and an exit code."""
    _logging()
    try:
        app(args=argv, prog_name="brief")
    except BriefError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(error.exit_code) from None
