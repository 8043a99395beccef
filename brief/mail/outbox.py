"""Sending: a brief's file -> its message (brief.mail.message) -> a server, or the outbox.

``send`` hands a message to brief.mail.smtp (retries, never twice) and keeps what could not be
delivered in an outbox folder, which ``send_outbox`` empties; a message that may have arrived
waits in ``outbox/unconfirmed/`` for a person to check instead. Each delivery is recorded, so a
message is delivered at most once whatever the order of commands.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from brief import config
from brief.config import RetryPolicy, Settings, SmtpSettings
from brief.deliver import atomic_write, public_mode
from brief.errors import BriefError, ConfigError, DeliveryError, InputError, OutputError
from brief.mail.message import (
    FILE,
    WIRE,
    address,
    default_subject,
    html,
    message,
    one_line,
)
from brief.mail.smtp import (
    DEFAULT_POLICY,
    Failed,
    deliver,
)

__all__ = [
    "DEFAULT_POLICY",
    "OUTBOX",
    "Receipt",
    "RetryPolicy",
    "SmtpSettings",
    "address",
    "default_subject",
    "envelope",
    "html",
    "keep",
    "message",
    "one_line",
    "send",
    "send_file",
    "send_outbox",
]

OUTBOX = "outbox"  # under the output folder: out/outbox/
DEFAULT_OUT = Settings().out
UNCONFIRMED = "unconfirmed"
REJECTED = "rejected"  # messages that can never be sent as they are: kept for a person
PRIVATE = 0o600  # the outbox: messages and addresses, for this user only
SENT = "sent"  # out/outbox/sent/<id>.json: one record per message delivered
BRIEF_SUFFIXES = (".md", ".markdown")
# -- delivery -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Receipt:
    """What was handed over (or, on a dry run, written to ``eml`` instead)."""

    message_id: str
    subject: str
    recipients: tuple[str, ...]
    attempts: int
    eml: Path | None = None
    already: bool = False  # sent before (see outbox/sent/): not sent again


def send_file(
    path: Path,
    *,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str | None = None,
    dry_run: bool = False,
    force: bool = False,
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> Receipt:
    """Email the brief at ``path``; undelivered messages wait in ``<its folder>/outbox``.

    A message already delivered from that outbox is not sent again unless ``force``; a dry run
    writes ``<brief>.eml`` and replaces an existing one only if it holds the same message (or
    ``force``). ``settings``: the run's settings; without them they are loaded from
    ``config_path``/``env``.
    """
    if path.suffix.lower() not in BRIEF_SUFFIXES:
        raise InputError(
            f"{path} is not a brief's Markdown file: brief send mails the .md of a brief "
            "(brief build --format md writes it)"
        )
    markdown = _read_text(path)
    settings = settings or config.load(config_path, env=env)
    smtp = settings.smtp
    if not smtp.sender:
        raise ConfigError("no sender address: set BRIEF_FROM (or from in [smtp] of brief.toml)")
    title = subject or default_subject(markdown, path.name)
    msg = message(markdown, sender=smtp.sender, to=to, cc=cc, subject=title)
    if dry_run:
        eml = path.with_suffix(".eml")
        _check_replace(eml, msg, force)
        _write(eml, msg.as_bytes(policy=FILE), public=True)
        return Receipt(str(msg["Message-ID"]), title, envelope(msg)[1], attempts=0, eml=eml)
    return send(msg, smtp, settings.retry, outbox=path.parent / OUTBOX, force=force)


def _check_replace(eml: Path, msg: EmailMessage, force: bool) -> None:
    """A dry run may rewrite its own message (a new Date), never another one silently."""
    if force or not eml.exists():
        return
    try:
        existing = _read_message(eml)["Message-ID"]
    except (BriefError, ValueError):
        existing = None
    if existing != msg["Message-ID"]:
        raise OutputError(
            f"{eml} already exists and holds another message: nothing was written "
            "(the `force` setting replaces it)"
        )


def send(
    msg: EmailMessage,
    smtp: SmtpSettings,
    policy: RetryPolicy = DEFAULT_POLICY,
    outbox: Path | None = None,
    force: bool = False,
) -> Receipt:
    """Hand ``msg`` to the server, retrying transient failures; raises DeliveryError.

    With an ``outbox``, a message is delivered at most once, whatever the order of ``send``
    and ``send_outbox``: a message recorded in ``outbox/sent/`` is not sent again (unless
    ``force``), and once delivered, its copies waiting in the outbox are dropped. When delivery
    fails for good the message is kept in ``outbox`` for ``send_outbox``; one that may have
    arrived goes to ``outbox/unconfirmed`` instead.
    """
    if outbox is not None and not force and _was_sent(outbox, msg):
        return _already(msg)
    try:
        receipt = _deliver(msg, smtp, policy)
    except Failed as caught:
        failure = caught
    else:
        if outbox is not None:
            _record(outbox, receipt)
            for waiting in outbox.glob(f"*-{_ident(msg['Message-ID'])}.eml"):
                with contextlib.suppress(OSError):
                    waiting.unlink()
        return receipt
    if outbox is None:
        raise DeliveryError(failure.problem)
    try:
        kept = keep(msg, outbox / UNCONFIRMED if failure.unconfirmed else outbox)
    except OutputError as error:
        raise DeliveryError(f"{failure.problem}; and {error}") from None
    if failure.unconfirmed:
        advice = f"if it did not arrive, move it to {outbox} and run `{_flush(outbox)}`"
    else:
        advice = f"`{_flush(outbox)}` sends it " + ("later" if failure.transient else "once fixed")
    raise DeliveryError(f"{failure.problem}; kept in {kept}: {advice}")


def send_outbox(
    outbox: Path, smtp: SmtpSettings, policy: RetryPolicy = DEFAULT_POLICY
) -> tuple[Receipt, ...]:
    """Send the messages waiting in ``outbox`` (oldest name first); each sent one leaves it.

    A message is moved to ``outbox/unconfirmed/`` while it is being sent and only comes back
    on a clear failure: if brief is killed mid-send, it is not sent a second time unasked. A
    message another flush has already claimed is left to it, so two flushes at once send each
    message once. A message that cannot be read or has no valid sender or recipient goes to
    ``outbox/rejected/`` and the others are still sent. Stops at the first failure to deliver;
    raises DeliveryError naming what still waits and every rejected file.
    """
    waiting = sorted(outbox.glob("*.eml")) if outbox.is_dir() else []
    sent: list[Receipt] = []
    rejected: list[str] = []
    problem, unconfirmed, left = "", False, 0
    for n, path in enumerate(waiting):
        claimed = _claim(path, outbox / UNCONFIRMED)
        if claimed is None:
            continue  # another flush is sending it
        try:
            message = _read_message(claimed)
            if _was_sent(outbox, message):  # delivered by hand meanwhile: drop the copy
                sent.append(_already(message))
                with contextlib.suppress(OSError):
                    claimed.unlink()
                continue
            receipt = _deliver(message, smtp, policy)
        except Failed as failure:
            problem, unconfirmed = f"{path.name}: {failure.problem}", failure.unconfirmed
            if not unconfirmed:
                _move(claimed, outbox)
            left = sum(p.exists() for p in waiting[n:])
            break
        except BriefError as error:  # unreadable, or no valid From / To: it never will be sent
            _move(claimed, outbox / REJECTED)
            rejected.append(f"{path.name} ({error})")
            continue
        sent.append(receipt)
        with contextlib.suppress(OSError):  # left in unconfirmed/, it is never sent again
            claimed.unlink()
        _record(outbox, receipt)
    if not problem:
        with contextlib.suppress(OSError):  # only when empty: nothing there waits for a person
            (outbox / UNCONFIRMED).rmdir()
    if not problem and not rejected:
        return tuple(sent)
    notes = [problem] if problem else []
    if rejected:
        notes.append(f"moved to {outbox / REJECTED} as unsendable: " + "; ".join(rejected))
    raise DeliveryError(
        f"sent {len(sent)} of {len(waiting)} messages from {outbox}, {left} still wait there; "
        + "; ".join(notes)
    )


def _claim(path: Path, folder: Path) -> Path | None:
    """Move ``path`` into ``folder``; None when another flush moved it first."""
    for _ in range(3):  # the folder may be removed by another flush between mkdir and rename
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return path.replace(folder / path.name)
        except FileNotFoundError:
            if not path.exists():
                return None
        except OSError as error:
            raise OutputError(f"could not move {path} to {folder}: {error.strerror}") from None
    raise OutputError(f"could not move {path} to {folder}: the folder keeps disappearing")


def _flush(outbox: Path) -> str:
    folder = outbox.parent
    return "brief send --outbox" + ("" if folder == DEFAULT_OUT else f" --out {folder}")


def keep(msg: EmailMessage, folder: Path) -> Path:
    """Write ``msg`` into ``folder`` as ``<date>-<id>.eml`` (the same message, the same name)."""
    when = msg["Date"].datetime if msg["Date"] else dt.datetime.now(dt.UTC)
    path = folder / f"{when:%Y-%m-%d}-{_ident(msg['Message-ID'])}.eml"
    _write(path, msg.as_bytes(policy=FILE))
    return path


def _ident(message_id: object) -> str:
    """The Message-ID's digest, cut to a file name (the same message, the same name)."""
    return re.sub(r"[^A-Za-z0-9]", "", str(message_id).split("@")[0])[:12] or "message"


def _was_sent(outbox: Path, msg: EmailMessage) -> bool:
    return (outbox / SENT / f"{_ident(msg['Message-ID'])}.json").exists()


def _already(msg: EmailMessage) -> Receipt:
    recipients = envelope(msg)[1]
    return Receipt(str(msg["Message-ID"]), str(msg["Subject"]), recipients, 0, already=True)


def _record(outbox: Path, receipt: Receipt) -> None:
    """Remember a delivered message (outbox/sent/<id>.json), so it is never sent twice."""
    record = {
        "message_id": receipt.message_id,
        "subject": receipt.subject,
        "recipients": list(receipt.recipients),
        "sent": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    path = outbox / SENT / f"{_ident(receipt.message_id)}.json"
    try:
        _write(path, json.dumps(record, indent=1).encode("utf-8"))
    except OutputError as error:
        raise DeliveryError(
            f"sent {receipt.message_id}, but could not record it ({error}): do not send it again"
        ) from None


def envelope(msg: EmailMessage) -> tuple[str, tuple[str, ...]]:
    """(sender, recipients) for SMTP, from the From, To and Cc headers, checked again."""
    senders = _addresses(msg, "From")
    recipients = tuple(dict.fromkeys(_addresses(msg, "To") + _addresses(msg, "Cc")))
    if len(senders) != 1 or not recipients:
        raise InputError("the message needs one From address and at least one To address")
    return senders[0], recipients


def _addresses(msg: EmailMessage, name: str) -> tuple[str, ...]:
    header = msg[name]
    if header is None:
        return ()
    return tuple(address(a.addr_spec, name).addr_spec for a in header.addresses)


def _deliver(msg: EmailMessage, smtp: SmtpSettings, policy: RetryPolicy) -> Receipt:
    sender, recipients = envelope(msg)
    attempts = deliver(_wire(msg), sender, recipients, smtp, policy)
    return Receipt(str(msg["Message-ID"]), str(msg["Subject"]), recipients, attempts)


def _wire(msg: EmailMessage) -> bytes:
    """The DATA payload: CRLF lines, leading dots doubled, ended by a line with one dot."""
    data = msg.as_bytes(policy=WIRE)
    data = re.sub(rb"(?m)^\.", b"..", data)
    return (data if data.endswith(b"\r\n") else data + b"\r\n") + b".\r\n"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist: give the path of a brief's .md file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"could not read {path}: {error}") from None


def _read_message(path: Path) -> EmailMessage:
    try:
        parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    except OSError as error:
        raise InputError(f"could not read {path}: {error}") from None
    assert isinstance(parsed, EmailMessage)  # policy.default makes EmailMessage objects
    return parsed


def _write(path: Path, data: bytes, *, public: bool = False) -> None:
    """Write whole or not at all: a crash never leaves half a message to be sent later.

    The outbox and its records stay private (0600); a dry run's .eml is an output file and
    follows the umask, as briefs do.
    """
    try:
        atomic_write(path, data, mode=public_mode() if public else PRIVATE)
    except OSError as error:
        raise OutputError(f"could not write {path}: {error.strerror or error}") from None


def _move(path: Path, folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return path.replace(folder / path.name)
    except OSError as error:
        raise OutputError(f"could not move {path} to {folder}: {error.strerror}") from None
