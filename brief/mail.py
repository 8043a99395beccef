"""Email: a brief's Markdown -> one multipart/alternative message -> an SMTP server.

Takes the Markdown of a brief and gives a message whose text/plain part is that Markdown and
whose text/html part is rendered from it (raw HTML off, inline styles from templates/email.html).
Delivery retries transient failures (connection problems, 4xx replies) with exponential backoff
and jitter, never retries permanent ones (5xx), and keeps undelivered messages in an outbox.

Never twice: a retry only happens when the server cannot have accepted the message, i.e. before
the end of its data was sent or after an explicit 4xx reply to it. When the connection drops
after the whole message went out but before the server's reply, the server may have accepted it
(RFC 1047); that attempt is not retried and the message is kept under ``outbox/unconfirmed/``
for a person to check. Errors after the final 250 (e.g. during QUIT) are ignored. The
Message-ID is derived from the content, so a message sent again from the outbox keeps its id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import logging
import os
import random
import re
import smtplib
import socket
import ssl
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from brief import config, markup
from brief.errors import ConfigError, DeliveryError, InputError

log = logging.getLogger(__name__)
Number = TypeVar("Number", int, float)

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}  # submission, submissions, smtp
# Per socket operation. A healthy server answers in well under a second; RFC 5321 4.5.3.2 lets
# a server take minutes, but a cron job should fail (and retry) long before that.
TIMEOUT_SECONDS = 60.0
OUTBOX = "outbox"
UNCONFIRMED = "unconfirmed"
LOOPBACK_NAMES = ("localhost",)
# The date of a brief is in the first lines of its Markdown (headline, dateline); deeper
# lines quote articles, whose dates are not the brief's.
HEADER_LINES = 10
MONTHS = (
    "January February March April May June July August September October November December"
).split()

ENV = {
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


# -- settings -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to hand messages over; validated on creation. The password never shows."""

    host: str = ""
    port: int = DEFAULT_PORTS["starttls"]
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    timeout: float = TIMEOUT_SECONDS
    cafile: Path | None = None  # extra CA certificates to trust (a private or test CA)

    def __post_init__(self) -> None:
        if self.security not in SECURITY:
            raise ConfigError(
                f"BRIEF_SMTP_SECURITY {self.security!r} is unknown: use {', '.join(SECURITY)}"
            )
        if not 0 < self.port < 65536:
            raise ConfigError(f"BRIEF_SMTP_PORT {self.port} is not a port number (1-65535)")
        if bool(self.user) != bool(self.password):
            raise ConfigError("set both BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD, or neither")
        if self.user and self.security == "none" and not _loopback(self.host):
            raise ConfigError(
                f"refusing to send the SMTP password unencrypted to {self.host}: "
                "set BRIEF_SMTP_SECURITY=starttls or ssl"
            )
        if self.cafile is not None and not self.cafile.is_file():
            raise ConfigError(f"BRIEF_SMTP_CAFILE {self.cafile} is not a file")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long to keep trying after transient failures; tests inject one that never sleeps."""

    attempts: int = 5  # 1 + 4 retries: waits of ~2, 4, 8, 16 s ride out a restart or a 421
    total_seconds: float = 300.0  # a daily cron job gives up (to the outbox) within 5 minutes
    first_wait: float = 2.0
    max_wait: float = 60.0
    jitter: float = 0.5  # each wait grows by up to half: cron jobs started together spread out
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)

    def wait(self, state: RetryCallState) -> float:
        base = min(self.max_wait, self.first_wait * 2.0 ** (state.attempt_number - 1))
        return base * (1 + random.uniform(0, self.jitter))


DEFAULT_POLICY = RetryPolicy()


def load_settings(
    config_path: Path | None = None, env: Mapping[str, str] | None = None
) -> SmtpSettings:
    """SMTP settings from the ``[smtp]`` table of the config file, overridden by BRIEF_* vars."""
    values = _values(config_path, env)
    security = _text(values, "security", "starttls").lower()
    cafile = _text(values, "cafile", "")
    return SmtpSettings(
        host=_text(values, "host", ""),
        port=_number(values, "port", int, DEFAULT_PORTS.get(security, 25)),
        security=security,
        user=_text(values, "user", ""),
        password=_text(values, "password", ""),
        sender=_text(values, "from", ""),
        timeout=_number(values, "timeout", float, TIMEOUT_SECONDS),
        cafile=Path(cafile).expanduser() if cafile else None,
    )


def load_policy(
    config_path: Path | None = None, env: Mapping[str, str] | None = None
) -> RetryPolicy:
    """The retry policy, with attempts, total seconds and first wait from the same places."""
    values = _values(config_path, env)
    attempts = _number(values, "attempts", int, DEFAULT_POLICY.attempts)
    total = _number(values, "retry_seconds", float, DEFAULT_POLICY.total_seconds)
    first = _number(values, "retry_wait", float, DEFAULT_POLICY.first_wait)
    if attempts < 1 or total < 0 or first < 0:
        raise ConfigError("BRIEF_SMTP_ATTEMPTS must be at least 1, retry seconds at least 0")
    return RetryPolicy(attempts=attempts, total_seconds=total, first_wait=first)


def _values(config_path: Path | None, env: Mapping[str, str] | None) -> dict[str, tuple[Any, str]]:
    """key -> (value, where it came from), environment over file."""
    env = os.environ if env is None else env
    path = config_path if config_path is not None else config.config_path(None, env)
    table = config.table(config.load_file(path), "smtp")
    unknown = sorted(set(table) - set(ENV))
    if unknown:
        raise ConfigError(
            f"unknown key {', '.join(unknown)} in [smtp] of {path}: use {', '.join(ENV)}"
        )
    values = {key: (value, f"{key} in [smtp] of {path}") for key, value in table.items()}
    values.update({key: (env[name], name) for key, name in ENV.items() if env.get(name)})
    return values


def _text(values: Mapping[str, tuple[Any, str]], key: str, default: str) -> str:
    value, where = values.get(key, (default, key))
    if not isinstance(value, str):
        raise ConfigError(f"{where} must be text, not {value!r}")
    return value.strip()


def _number(
    values: Mapping[str, tuple[Any, str]], key: str, kind: type[Number], default: Number
) -> Number:
    value, where = values.get(key, (default, key))
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where} must be a number, not {value!r}") from None


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() in LOOPBACK_NAMES


# -- the message ----------------------------------------------------------------------------

LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
ADDR_SPEC = re.compile(rf"(?P<local>{LOCAL}(?:\.{LOCAL})*)@(?P<domain>{LABEL}(?:\.{LABEL})*)")
NAMED = re.compile(r"(?P<name>[^<>]*?)\s*<(?P<spec>[^<>]*)>")
MAX_ADDRESS = 254  # RFC 5321 4.5.3.1.3: a path holds at most 256 octets with its brackets
HEADLINE = re.compile(r"^#[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
ISO_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def address(text: str, what: str = "address") -> Address:
    """One email address (``a@example.org`` or ``Name <a@example.org>``), checked strictly."""
    raw = text.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise ConfigError(f"{what} {raw!r} holds a line break or control character")
    named = NAMED.fullmatch(raw)
    name, spec = (named["name"].strip().strip('"'), named["spec"].strip()) if named else ("", raw)
    found = ADDR_SPEC.fullmatch(spec)
    if not found or len(spec) > MAX_ADDRESS:
        raise ConfigError(f"{what} {raw!r} is not an email address: use name@example.org")
    return Address(display_name=name, username=found["local"], domain=found["domain"])


def one_line(text: str) -> str:
    """Text fit for a header: every run of white space (line breaks too) becomes one space."""
    return " ".join(text.split())


def default_subject(markdown: str, name: str = "", today: dt.date | None = None) -> str:
    """``<headline> — <date>``: the first ``# `` line and the date in ``name`` or the Markdown."""
    found = HEADLINE.search(markdown)
    headline = one_line(MD_ESCAPE.sub(r"\1", found["text"])) if found else "Brief"
    day = _date(Path(name).name) or _date("\n".join(markdown.splitlines()[:HEADER_LINES]))
    day = day or today or dt.date.today()
    return f"{headline} — {day.day} {MONTHS[day.month - 1]} {day.year}"


def _date(text: str) -> dt.date | None:
    for candidate in ISO_DATE.findall(text):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def message(
    markdown: str,
    *,
    sender: str,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str | None = None,
    date: dt.datetime | None = None,
) -> EmailMessage:
    """The brief as one multipart/alternative message: the Markdown and HTML rendered from it.

    The same arguments give the same bytes: the Message-ID and MIME boundary are digests of
    the content and addresses, so a brief sent again is recognisably the same message.
    """
    origin = address(sender, "sender (BRIEF_FROM)")
    readers = tuple(address(a, "--to") for a in to)
    copies = tuple(address(a, "--cc") for a in cc)
    if not readers:
        raise ConfigError("no recipient: give at least one --to ADDRESS")
    when = (date or dt.datetime.now(dt.UTC)).astimezone()
    title = one_line(subject or "") or default_subject(markdown, today=when.date())
    headers = {
        "Subject": title,
        "From": origin,
        "To": readers,
        "Cc": copies,
        "Date": format_datetime(when),
        "Auto-Submitted": "auto-generated",  # RFC 3834: no vacation auto-replies to a cron job
    }
    # Not the Date: the same brief to the same readers keeps its id when sent again, and mail
    # stores that drop a second copy of one Message-ID (Gmail does) show it once.
    digest = _digest(markdown, *(str(headers[k]) for k in ("Subject", "From", "To", "Cc")))
    msg = EmailMessage()
    for key, value in headers.items():
        if value:
            msg[key] = value
    msg["Message-ID"] = f"<{digest[:32]}@{origin.domain}>"
    msg.set_content(markdown, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(
        html(markdown, title), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    msg.set_boundary(f"brief-{digest[32:56]}")  # a digest of the content cannot occur in it
    for part in msg.iter_parts():
        del part["MIME-Version"]  # add_alternative copies it into the part; it belongs on top
    return msg


def html(markdown: str, title: str) -> str:
    """A whole HTML email document for ``markdown`` (templates/email.html)."""
    body = Markup(markup.to_styled_html(markdown, _styles()))  # markdown-it escaped all text
    return _template().render(title=title, body=body)


@cache
def _styles() -> dict[str, str]:
    """The template's ``styles`` table: tag -> inline CSS, so layout stays in the template."""
    module = _template().make_module({"title": "", "body": ""})
    return dict(module.styles)  # type: ignore[attr-defined]


@cache
def _template() -> jinja2.Template:
    source = files("brief.templates").joinpath("email.html").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(source)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


# -- delivery -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Receipt:
    """What was handed over (or, on a dry run, written to ``eml`` instead)."""

    message_id: str
    subject: str
    recipients: tuple[str, ...]
    attempts: int
    eml: Path | None = None


class _Unconfirmed(Exception):
    """The whole message went out but no reply came back: the server may have accepted it."""


class _Failed(Exception):
    """Delivery ended without success; ``transient``: the server or network was unavailable."""

    def __init__(self, problem: str, transient: bool, unconfirmed: bool = False) -> None:
        super().__init__(problem)
        self.problem, self.transient, self.unconfirmed = problem, transient, unconfirmed


def send_file(
    path: Path,
    *,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str | None = None,
    dry_run: bool = False,
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Receipt:
    """Email the brief at ``path``; undelivered messages wait in ``<its folder>/outbox``."""
    markdown = _read_text(path)
    smtp = load_settings(config_path, env)
    if not smtp.sender:
        raise ConfigError("no sender address: set BRIEF_FROM (or from in [smtp] of brief.toml)")
    title = subject or default_subject(markdown, path.name)
    msg = message(markdown, sender=smtp.sender, to=to, cc=cc, subject=title)
    if dry_run:
        eml = path.with_suffix(".eml")
        _write(eml, msg.as_bytes())
        return Receipt(str(msg["Message-ID"]), title, envelope(msg)[1], attempts=0, eml=eml)
    return send(msg, smtp, load_policy(config_path, env), outbox=path.parent / OUTBOX)


def send(
    msg: EmailMessage,
    smtp: SmtpSettings,
    policy: RetryPolicy = DEFAULT_POLICY,
    outbox: Path | None = None,
) -> Receipt:
    """Hand ``msg`` to the server, retrying transient failures; raises DeliveryError.

    When delivery fails for good the message is kept in ``outbox`` (if given) for
    ``send_outbox``; one that may have arrived goes to ``outbox/unconfirmed`` instead.
    """
    try:
        return _deliver(msg, smtp, policy)
    except _Failed as caught:
        failure = caught
    problem = failure.problem
    if outbox is not None and failure.unconfirmed:
        kept = keep(msg, outbox / UNCONFIRMED)
        problem += f"; kept in {kept}: if it did not arrive, move it to {outbox} and run "
        problem += "`brief send --outbox`"
    elif outbox is not None:
        kept = keep(msg, outbox)
        then = "later" if failure.transient else "once the cause is fixed"
        problem += f"; kept in {kept}: `brief send --outbox` sends it {then}"
    raise DeliveryError(problem)


def send_outbox(
    outbox: Path, smtp: SmtpSettings, policy: RetryPolicy = DEFAULT_POLICY
) -> tuple[Receipt, ...]:
    """Send the messages waiting in ``outbox`` (oldest name first); each sent one leaves it.

    Stops at the first server outage. Raises DeliveryError naming what still waits.
    """
    waiting = sorted(outbox.glob("*.eml")) if outbox.is_dir() else []
    sent: list[Receipt] = []
    for path in waiting:
        try:
            sent.append(_deliver(_read_message(path), smtp, policy))
        except _Failed as failure:
            problem, unconfirmed = f"{path.name}: {failure.problem}", failure.unconfirmed
            break
        path.unlink()
    else:
        return tuple(sent)
    if unconfirmed:
        _move(path, outbox / UNCONFIRMED)
    left = len(waiting) - len(sent) - unconfirmed
    raise DeliveryError(
        f"sent {len(sent)} of {len(waiting)} messages from {outbox}, {left} still wait there; "
        + problem
    )


def keep(msg: EmailMessage, folder: Path) -> Path:
    """Write ``msg`` into ``folder`` as ``<date>-<id>.eml`` (the same message, the same name)."""
    when = msg["Date"].datetime if msg["Date"] else dt.datetime.now(dt.UTC)
    ident = re.sub(r"[^A-Za-z0-9]", "", str(msg["Message-ID"]).split("@")[0])[:12] or "message"
    path = folder / f"{when:%Y-%m-%d}-{ident}.eml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(path, msg.as_bytes())
    except OSError as error:
        raise DeliveryError(
            f"could not keep the undelivered message in {folder}: {error}"
        ) from None
    return path


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
    if not smtp.host:
        raise ConfigError("no SMTP server: set BRIEF_SMTP_HOST (or host in [smtp] of brief.toml)")
    sender, recipients = envelope(msg)
    payload = _wire(msg)
    context = _tls(smtp)
    attempts = 0

    def attempt() -> None:
        nonlocal attempts
        attempts += 1
        _transfer(payload, sender, recipients, smtp, context)

    def note(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        log.warning(
            "delivery attempt %d of %d failed (%s); trying again in %.1f s",
            attempts,
            policy.attempts,
            _explain(error, smtp),
            wait,
        )

    retrying = Retrying(
        stop=stop_after_attempt(policy.attempts) | stop_before_delay(policy.total_seconds),
        wait=policy.wait,
        retry=retry_if_exception(transient),
        sleep=policy.sleep,
        before_sleep=note,
        reraise=True,
    )
    try:
        retrying(attempt)
    except _Unconfirmed:
        problem = (
            f"the connection to {smtp.host}:{smtp.port} broke after the whole message was "
            "sent and before the server confirmed it, so it may have been delivered; not "
            "retried, so that it never arrives twice"
        )
        raise _Failed(problem, transient=False, unconfirmed=True) from None
    except (smtplib.SMTPException, OSError) as error:
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        raise _Failed(_explain(error, smtp) + tries, transient(error)) from None
    return Receipt(str(msg["Message-ID"]), str(msg["Subject"]), recipients, attempts)


def _transfer(
    payload: bytes,
    sender: str,
    recipients: Iterable[str],
    smtp: SmtpSettings,
    context: ssl.SSLContext,
) -> None:
    """One SMTP session. Raises _Unconfirmed when only the final reply went missing."""
    if smtp.security == "ssl":
        conn: smtplib.SMTP = smtplib.SMTP_SSL(
            smtp.host, smtp.port, timeout=smtp.timeout, context=context
        )
    else:
        conn = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        if smtp.security == "starttls":
            conn.starttls(context=context)
        conn.ehlo_or_helo_if_needed()
        if smtp.user:
            conn.login(smtp.user, smtp.password)
        code, reply = conn.mail(sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        refused = {}
        for recipient in recipients:
            code, reply = conn.rcpt(recipient)
            if code not in (250, 251):
                refused[recipient] = (code, reply)
        if refused:  # all or nobody: a partial send would be doubled by the fixed resend
            raise smtplib.SMTPRecipientsRefused(refused)
        code, reply = conn.docmd("DATA")
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        conn.send(payload)  # if this fails the final dot never went out: safe to retry
        try:
            code, reply = conn.getreply()
        except smtplib.SMTPServerDisconnected:
            raise _Unconfirmed from None
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
    finally:
        _close(conn)


def _close(conn: smtplib.SMTP) -> None:
    """QUIT politely; once the message is accepted, a broken goodbye changes nothing."""
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        conn.close()


def transient(error: BaseException) -> bool:
    """Worth another try: connection trouble, timeouts and 4xx replies; never 5xx."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):  # no STARTTLS, no AUTH: settings, not luck
        return False
    if isinstance(error, ssl.SSLError):  # certificate or protocol mismatch, except a cut
        return isinstance(error, ssl.SSLEOFError)
    if isinstance(error, socket.gaierror):  # unknown host name: a typo will not heal
        return error.errno != socket.EAI_NONAME
    return isinstance(error, OSError)


def _explain(error: BaseException | None, smtp: SmtpSettings) -> str:
    """One line a person can act on, with the server's own reply."""
    where = f"{smtp.host}:{smtp.port}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(f"{r}: {_reply(*answer)}" for r, answer in error.recipients.items())
        return f"{where} refused the recipient {refused}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"{where} refused the login of {smtp.user}: {_reply(error.smtp_code, error.smtp_error)}"
        )
    if isinstance(error, smtplib.SMTPSenderRefused):
        reply = _reply(error.smtp_code, error.smtp_error)
        return f"{where} refused the sender {error.sender}: {reply}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{where} answered {_reply(error.smtp_code, error.smtp_error)}"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        if "STARTTLS" in str(error).upper():
            return f"{where} does not offer STARTTLS: set BRIEF_SMTP_SECURITY=ssl (port 465)"
        return f"{where} does not offer login (AUTH): check BRIEF_SMTP_SECURITY and the port"
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            f"the TLS certificate of {smtp.host} could not be verified ({error.verify_message}):"
            " check BRIEF_SMTP_HOST, or set BRIEF_SMTP_CAFILE to the server's CA certificate"
        )
    if isinstance(error, ssl.SSLError):
        return (
            f"TLS with {where} failed ({error.reason or error}): check BRIEF_SMTP_SECURITY "
            "(ssl for port 465, starttls for 587)"
        )
    if isinstance(error, ConnectionRefusedError):
        return f"could not connect to {where}: connection refused"
    if isinstance(error, TimeoutError):
        return f"{where} did not answer within {smtp.timeout:g} s"
    if isinstance(error, socket.gaierror):
        return f"could not find the mail server {smtp.host}: {error.strerror}"
    if isinstance(error, OSError) and error.strerror:
        return f"could not talk to {where}: {error.strerror}"
    return f"could not talk to {where}: {error}"


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return one_line(f"{code} {text}")


def _tls(smtp: SmtpSettings) -> ssl.SSLContext:
    """Certificates and host names are verified, against the system's CAs and ``cafile``."""
    try:
        context = ssl.create_default_context()
        if smtp.cafile is not None:
            context.load_verify_locations(cafile=smtp.cafile)
    except (ssl.SSLError, OSError) as error:
        raise ConfigError(
            f"BRIEF_SMTP_CAFILE {smtp.cafile} holds no usable certificate: {error}"
        ) from None
    return context


def _wire(msg: EmailMessage) -> bytes:
    """The DATA payload: CRLF lines, leading dots doubled, ended by a line with one dot."""
    data = msg.as_bytes(policy=policy.SMTP)
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


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a crash never leaves half a message to be sent later."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
        f.write(data)
    os.replace(f.name, path)


def _move(path: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path.replace(folder / path.name)
