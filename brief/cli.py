"""The `brief` command: parse, build Settings, one library call, print.

Errors the user can fix (BriefError) become one ``Error: <message>`` line on stderr and a
non-zero exit, in exactly one place: ``main``. Heavy libraries load inside commands only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from brief.errors import BriefError, ConfigError

if TYPE_CHECKING:
    from brief.mail import outbox as mail

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
    email: Annotated[
        list[str] | None,
        typer.Option("--email", metavar="ADDR", help="Then email the Markdown brief (repeatable)."),
    ] = None,
) -> None:
    """Brief articles about one story into out/YYYY-MM-DD-<slug>.<format>.

    Example: brief build seeds --format md,json --date 2026-11-21

    Daily, by email: brief build feeds/today --email reader@example.org
    """
    from brief import api, config
    from brief.mail import outbox as mail

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
    if email and (stdout or "md" not in settings.formats):
        raise ConfigError("--email sends the Markdown file: keep md in --format, drop --stdout")
    for written in api.write(result, settings):
        typer.echo(f"{written.status}: {written.path}", err=True)
        typer.echo(str(written.path))
        if email and written.path.suffix == ".md":
            _sent(mail.send_file(written.path, to=email))


@app.command()
def send(
    brief: Annotated[
        Path | None, typer.Argument(metavar="BRIEF", help="The brief's Markdown file.")
    ] = None,
    to: Annotated[
        list[str] | None, typer.Option("--to", metavar="ADDR", help="Recipient (repeatable).")
    ] = None,
    cc: Annotated[
        list[str] | None, typer.Option("--cc", metavar="ADDR", help="Copy to (repeatable).")
    ] = None,
    subject: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Default: <headline> — <date>.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write BRIEF.eml beside the brief, send nothing.")
    ] = False,
    outbox: Annotated[
        bool, typer.Option("--outbox", help="First send what waits in OUT/outbox.")
    ] = False,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the outbox.")] = Path("out"),
) -> None:
    """Email a brief: one message with the Markdown as text and as HTML.

    SMTP settings: BRIEF_SMTP_* and BRIEF_FROM, or the [smtp] table of brief.toml.

    Example: brief send out/2026-11-21-china-orders-halt.md --to reader@example.org
    """
    from brief.mail import outbox as mail

    if outbox:
        sent = mail.send_outbox(out / mail.OUTBOX, mail.load_settings(), mail.load_policy())
        typer.echo(f"sent {len(sent)} waiting message(s) from {out / mail.OUTBOX}", err=True)
    if brief is not None:
        _sent(mail.send_file(brief, to=to or [], cc=cc or [], subject=subject, dry_run=dry_run))
    elif not outbox:
        raise ConfigError("give the brief to send: brief send out/<brief>.md --to ADDRESS")


def _sent(receipt: mail.Receipt) -> None:
    if receipt.eml is not None:
        typer.echo(f"written: {receipt.eml} (dry run, nothing sent)", err=True)
        typer.echo(str(receipt.eml))
        return
    tries = f" after {receipt.attempts} attempts" if receipt.attempts > 1 else ""
    typer.echo(f"sent: {receipt.subject!r} to {', '.join(receipt.recipients)}{tries}", err=True)
    typer.echo(receipt.message_id)


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
    from brief.scoring import DEFAULT, METHODS

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
    from brief.daily import run as digest_run

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
        typer.echo(f"Error: {' '.join(str(error).split())}", err=True)  # one line, always
        raise SystemExit(error.exit_code) from None
