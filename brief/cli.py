"""The `brief` command: parse, build Settings, one library call, print.

Errors the user can fix (BriefError) become one ``Error: <message>`` line on stderr and a
non-zero exit, in exactly one place: ``main``. Heavy libraries load inside commands only.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from brief import console
from brief.errors import BriefError, ConfigError, InputError

if TYPE_CHECKING:
    from brief.config import Settings
    from brief.mail import outbox as mail

SEEDS = "seeds"
log = logging.getLogger("brief")

app = typer.Typer(
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    no_args_is_help=False,
    help="Turn news articles about one story into a short, structured, fully cited brief.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Article files, folders (searched recursively) or - for stdin."),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE", help="Config file (default: $BRIEF_CONFIG, ./brief.toml)."
    ),
]


def _settings(
    config_: Path | None, need_file: bool = False, **flags: tuple[object, str]
) -> Settings:
    """The run's Settings: brief.toml < environment < flags ((value, flag); None: not given)."""
    from brief import config

    return config.load(config_, flags=flags, need_file=need_file)


def _version(value: bool) -> None:
    if value:
        from brief import __version__

        typer.echo(f"brief {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only results and errors: no notes, warnings.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also say what was read and fetched.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Without a command, brief the seeds/ folder into out/ (same as `brief build`).

    Global options: brief -q build seeds (or brief build seeds -q)
    """
    if quiet and verbose:
        raise ConfigError("--quiet and --verbose contradict each other: give one")
    log.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    if ctx.invoked_subcommand is None:
        build()


@app.command()
def build(
    paths: Paths = None,
    method: Annotated[
        str | None,
        typer.Option("--method", "-m", help="Scoring method (default brief): `brief methods`."),
    ] = None,
    length: Annotated[
        str | None,
        typer.Option("--length", "-l", help="Preset: short, standard (default) or long."),
    ] = None,
    words: Annotated[int | None, typer.Option(help="Cap on the brief's body, in words.")] = None,
    bullets: Annotated[int | None, typer.Option(help="How many What-we-know bullets.")] = None,
    format_: Annotated[
        str | None, typer.Option("--format", "-f", help="Comma list of md (default), html, json.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (default out).")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date of the brief, YYYY-MM-DD (default today, UTC).")
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print instead of writing files.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a brief that already exists.")
    ] = False,
    email: Annotated[
        list[str] | None,
        typer.Option("--email", metavar="ADDR", help="Then email the Markdown brief (repeatable)."),
    ] = None,
    split: Annotated[
        bool, typer.Option("--split", help="Inputs about several stories: one brief per story.")
    ] = False,
    config_: Config = None,
) -> None:
    """Brief articles about one story into out/YYYY-MM-DD-<slug>.<format>.

    Inputs about several stories: the largest is briefed and a warning names the others;
    --split writes one brief per story.

    Example: brief build seeds --format md,json --date 2026-11-21

    Daily, by email: brief build feeds/today --email reader@example.org
    """
    from brief import api

    if stdout and email:
        raise ConfigError("--stdout prints the brief and --email sends the written file: give one")
    settings = _settings(
        config_,
        method=(method, "--method"),
        length=(length, "--length"),
        words=(words, "--words"),
        bullets=(bullets, "--bullets"),
        format=(format_, "--format"),
        out=(None if out is None else str(out), "--out"),
        date=(date, "--date"),
        force=(force or None, "--force"),
    )
    if stdout and len(settings.formats) > 1:
        raise ConfigError(
            f"--stdout prints one format, not {','.join(settings.formats)}: "
            "choose one with --format"
        )
    if email and "md" not in settings.formats:
        raise ConfigError("--email sends the Markdown file: keep md in --format")
    with console.progress_display() as progress:
        if split:
            results = api.build_stories(_paths(paths), settings, progress=progress)
        else:
            results = (api.build(_paths(paths), settings, progress=progress),)
    if stdout:
        for result in results:
            typer.echo(result.texts[settings.formats[0]], nl=False)
        return
    for written in api.write_all(results, settings):
        console.note(f"{written.status}: {written.path}")
        typer.echo(str(written.path))
        if email and written.path.suffix == ".md":
            from brief.mail import outbox as mail  # only when mailing: build stays light

            _sent(mail.send_file(written.path, to=email, settings=settings))


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
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder of the outbox (default out).")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Send a message already sent; replace another message's BRIEF.eml."
        ),
    ] = False,
    config_: Config = None,
) -> None:
    """Email a brief: one message with the Markdown as text and as HTML.

    SMTP settings: BRIEF_SMTP_* and BRIEF_FROM, or the [smtp] table of brief.toml.

    Example: brief send out/2026-11-21-china-orders-halt.md --to reader@example.org
    """
    from brief.mail import outbox as mail

    settings = _settings(config_, out=(None if out is None else str(out), "--out"))
    if outbox:
        folder = settings.out / mail.OUTBOX
        sent = mail.send_outbox(folder, settings.smtp, settings.retry)
        console.note(f"sent {sum(not r.already for r in sent)} waiting message(s) from {folder}")
        for receipt in sent:
            if receipt.already:
                console.note(
                    f"not sent again: {receipt.subject!r} was sent before (dropped from outbox)"
                )
    if brief is not None:
        receipt = mail.send_file(
            brief,
            to=to or [],
            cc=cc or [],
            subject=subject,
            dry_run=dry_run,
            force=force,
            settings=settings,
        )
        _sent(receipt)
    elif not outbox:
        raise ConfigError("give the brief to send: brief send out/<brief>.md --to ADDRESS")


def _sent(receipt: mail.Receipt) -> None:
    if receipt.eml is not None:
        console.note(f"written: {receipt.eml} (dry run, nothing sent)")
        typer.echo(str(receipt.eml))
        return
    if receipt.already:
        console.note(
            f"not sent: {receipt.subject!r} already went to {', '.join(receipt.recipients)} "
            "(use --force to send it again)"
        )
        return
    tries = f" after {receipt.attempts} attempts" if receipt.attempts > 1 else ""
    console.note(f"sent: {receipt.subject!r} to {', '.join(receipt.recipients)}{tries}")
    typer.echo(receipt.message_id)


@app.command()
def summarize(
    paths: Paths = None,
    words: Annotated[int | None, typer.Option(help="Budget in words (whole sentences).")] = None,
    sentences: Annotated[int | None, typer.Option(help="Budget in sentences.")] = None,
    method: Annotated[
        str | None,
        typer.Option("--method", "-m", help="Scoring method (default brief): `brief methods`."),
    ] = None,
    config_: Config = None,
) -> None:
    """A plain multi-document summary, one sentence per line.

    Example: brief summarize seeds --words 100 --method lexrank
    """
    from brief import api

    settings = _settings(config_, method=(method, "--method"))
    for line in api.summarize(_paths(paths), settings.method, words=words, sentences=sentences):
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
        Path | None,
        typer.Option("--config", metavar="FILE", help="brief.toml with a [daily] table."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The digest's day, YYYY-MM-DD (default today, UTC).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Window before the run: 24h (default), 90m, 2d; 0 for no window."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (default out).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace today's digest and mail it again.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Run on a local Dask cluster of N processes (brief[dask]).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on an existing Dask cluster: tcp://HOST:PORT (brief[dask])."),
    ] = None,
) -> None:
    """One digest of the day's stories from the feeds, URLs and folders in brief.toml.

    Example: brief daily --config brief.toml --since 24h
    """
    from brief.daily import run as digest_run

    settings = _settings(
        config_,
        need_file=True,
        out=(None if out is None else str(out), "--out"),
        date=(date, "--date"),
        force=(force or None, "--force"),
        **{
            "daily.since": (since, "--since"),
            "daily.workers": (workers, "--workers"),
            "daily.scheduler": (scheduler, "--scheduler"),
        },
    )
    with console.progress_display() as progress:
        result = digest_run.main(settings, progress=progress)
    for written in result.written:
        console.note(f"{written.status}: {written.path}")
        typer.echo(str(written.path))
    for skipped in result.digest.skipped:
        console.note(f"skipped {skipped.source}: {skipped.reason}")
    if result.left_out:
        console.note(result.left_out)
    console.note(result.note)


@app.command("config")
def show_config(
    config_: Config = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON for machines.")] = False,
) -> None:
    """Print the effective settings and where each came from (secrets masked).

    Order, later wins: defaults, brief.toml, environment (BRIEF_*), flags.

    Example: brief config --config brief.toml
    """
    from brief import config

    rows = config.describe(_settings(config_))
    if json_:
        import json

        shown = [{"setting": k, "value": v, "from": w} for k, v, w in rows]
        typer.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        return
    width = max(len(k) for k, _, _ in rows)
    for key, value, where in rows:
        typer.echo(f"{key:<{width}}  {value}  ({where})")


def _paths(given: list[str] | None) -> list[str]:
    """The PATHS given, else seeds/ when the working folder has one."""
    if given:
        return given
    if not Path(SEEDS).is_dir():
        raise InputError(f"no articles given (PATHS), and no {SEEDS}/ here")
    return [SEEDS]


def main(argv: list[str] | None = None) -> None:
    """Entry point: the one place a BriefError becomes `Error: ...` and an exit code."""
    console.setup_logging()
    try:
        app(args=console.hoisted(sys.argv[1:] if argv is None else argv), prog_name="brief")
    except BriefError as error:
        typer.echo(f"Error: {console.flags(' '.join(str(error).split()))}", err=True)  # one line
        raise SystemExit(error.exit_code) from None
