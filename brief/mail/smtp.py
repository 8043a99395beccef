"""SMTP: settings, and one message handed to a server with retries, never twice.

Takes the bytes of a message and its envelope; gives the number of attempts it took, or a
``Failed`` with one line a person can act on. Transient failures (connection refused or reset,
timeouts, any 4xx reply) are retried with exponential backoff and jitter, bounded in attempts
and total time; permanent ones (5xx, a refused login or recipient, a certificate that does not
verify) are not. TLS certificates and host names are always verified.

Never twice: a retry only happens when the server cannot have accepted the message, i.e. before
the end of its data was sent or after an explicit 4xx reply to it. When the connection drops
after the whole message went out but before the server's reply, the server may have accepted it
(RFC 1047): that attempt is not retried and ``Failed.unconfirmed`` says so. Errors after the
final 250 (e.g. during QUIT) are ignored.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import socket
import ssl
import threading
from collections.abc import Iterable
from typing import TypeVar

from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from brief.config import RetryPolicy, SmtpSettings
from brief.errors import ConfigError

log = logging.getLogger(__name__)
Number = TypeVar("Number", int, float)

# The settings records live in brief.config (loaded there, with the rest of the settings);
# they are re-exported for callers of this module.
__all__ = [
    "DEFAULT_POLICY",
    "Failed",
    "RetryPolicy",
    "SmtpSettings",
    "deliver",
    "transient",
]

DEFAULT_POLICY = RetryPolicy()
# One session may last this many timeouts in all: greeting, STARTTLS, login, envelope and data
# each get one. The timeout restarts with every byte, so a server dripping its greeting one
# byte a second would otherwise hold brief for hours.
SESSION_TIMEOUTS = 5


# -- delivery -------------------------------------------------------------------------------


class _Unconfirmed(Exception):
    """The whole message went out but no reply came back: the server may have accepted it."""


class _SessionOver(TimeoutError):
    """The session passed its overall limit (SESSION_TIMEOUTS x the timeout) and was cut."""


class Failed(Exception):
    """Delivery ended without success; ``transient``: the server or network was unavailable."""

    def __init__(self, problem: str, transient: bool, unconfirmed: bool = False) -> None:
        super().__init__(problem)
        self.problem, self.transient, self.unconfirmed = problem, transient, unconfirmed


def deliver(
    payload: bytes,
    sender: str,
    recipients: tuple[str, ...],
    smtp: SmtpSettings,
    policy: RetryPolicy = DEFAULT_POLICY,
) -> int:
    """Hand one message (its DATA ``payload``) over, retrying transient failures.

    Returns how many attempts it took; raises Failed when it could not be delivered.
    """
    if not smtp.host:
        raise ConfigError("no SMTP server: set BRIEF_SMTP_HOST (or host in [smtp] of brief.toml)")
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
        raise Failed(problem, transient=False, unconfirmed=True) from None
    except (smtplib.SMTPException, OSError) as error:
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        raise Failed(_explain(error, smtp) + tries, transient(error)) from None
    return attempts


def _transfer(
    payload: bytes,
    sender: str,
    recipients: Iterable[str],
    smtp: SmtpSettings,
    context: ssl.SSLContext,
) -> None:
    """One SMTP session. Raises _Unconfirmed when only the final reply went missing.

    Bounded by SESSION_TIMEOUTS x the timeout overall: a watchdog then shuts the connection,
    which ends any read in progress as a dropped connection (retried, or unconfirmed when the
    whole message had gone out)."""
    if smtp.security == "ssl":
        conn: smtplib.SMTP = smtplib.SMTP_SSL(timeout=smtp.timeout, context=context)
    else:
        conn = smtplib.SMTP(timeout=smtp.timeout)
    cut = threading.Event()
    watchdog = threading.Timer(smtp.timeout * SESSION_TIMEOUTS, _cut, (conn, cut))
    watchdog.daemon = True
    watchdog.start()
    try:
        _connect(conn, smtp)
        _session(conn, payload, sender, recipients, smtp, context)
    except (smtplib.SMTPServerDisconnected, OSError):
        if cut.is_set():
            raise _SessionOver from None
        raise
    finally:
        watchdog.cancel()
        _close(conn)


def _connect(conn: smtplib.SMTP, smtp: SmtpSettings) -> None:
    """What smtplib's constructor does with a host: made after it, so the watchdog can cut it.
    smtplib verifies TLS certificates against ``_host``, which only its constructor sets."""
    conn._host = smtp.host  # type: ignore[attr-defined]
    code, reply = conn.connect(smtp.host, smtp.port)
    if code != 220:
        raise smtplib.SMTPConnectError(code, reply)


def _cut(conn: smtplib.SMTP, cut: threading.Event) -> None:
    """End the session now: reads in progress return as if the server hung up."""
    cut.set()
    sock = getattr(conn, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _session(
    conn: smtplib.SMTP,
    payload: bytes,
    sender: str,
    recipients: Iterable[str],
    smtp: SmtpSettings,
    context: ssl.SSLContext,
) -> None:
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
            return (
                f"{where} does not offer STARTTLS: for a plain local relay set "
                "BRIEF_SMTP_SECURITY=none; for a server with TLS from the start, "
                "BRIEF_SMTP_SECURITY=ssl (port 465)"
            )
        return f"{where} does not offer login (AUTH): check BRIEF_SMTP_SECURITY and the port"
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            f"the TLS certificate of {smtp.host} could not be verified ({error.verify_message}):"
            " check BRIEF_SMTP_HOST, or set BRIEF_SMTP_CAFILE to the server's CA certificate"
        )
    if isinstance(error, ssl.SSLError):
        return (
            f"TLS with {where} failed ({error.reason or error}): check BRIEF_SMTP_SECURITY "
            "(ssl for port 465, starttls for 587, none for a plain local relay)"
        )
    if isinstance(error, ConnectionRefusedError):
        return f"could not connect to {where}: connection refused"
    if isinstance(error, _SessionOver):
        limit = smtp.timeout * SESSION_TIMEOUTS
        return f"{where} took over {limit:g} s for one session (it answers too slowly)"
    if isinstance(error, TimeoutError):
        return f"{where} did not answer within {smtp.timeout:g} s"
    if isinstance(error, socket.gaierror):
        return f"could not find the mail server {smtp.host}: {error.strerror}"
    if isinstance(error, OSError) and error.strerror:
        return f"could not talk to {where}: {error.strerror}"
    return f"could not talk to {where}: {error}"


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(f"{code} {text}".split())


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
