"""Real SMTP servers on 127.0.0.1 for the mail tests, never a mock of smtplib.

``serving(Inbox(...))`` runs aiosmtpd with scripted replies (421 twice, then 250; 550; AUTH;
STARTTLS or implicit TLS with a throwaway self-signed certificate). ``Scripted`` is a bare
socket server for what aiosmtpd cannot play: a connection cut at a chosen moment.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOST = "127.0.0.1"
ACCEPTED = "250 2.0.0 OK: queued"


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: tuple[str, ...]
    data: bytes  # the message as the server got it (dots unstuffed)
    tls: bool


@dataclass
class Inbox:
    """An aiosmtpd handler: keeps what it accepts, answers DATA from ``data_replies`` first."""

    data_replies: list[str] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # recipient -> RCPT reply
    received: list[Received] = field(default_factory=list)
    transactions: int = 0  # MAIL commands seen: one per attempt that got that far
    data_commands: int = 0

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        self.transactions += 1
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.data_commands += 1
        if self.data_replies:
            return self.data_replies.pop(0)
        data = envelope.original_content or b""
        tls = session.ssl is not None
        self.received.append(Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), data, tls))
        return ACCEPTED


@dataclass
class Logins:
    """An aiosmtpd authenticator accepting one user and password; records every try."""

    user: str
    password: str
    tries: list[tuple[str, str]] = field(default_factory=list)

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        login, password = data.login.decode(), data.password.decode()
        self.tries.append((login, password))
        # handled=False: aiosmtpd sends the 535 itself (handled=True leaves the client waiting)
        return AuthResult(success=(login, password) == (self.user, self.password), handled=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(handler: Any, **options: Any) -> Iterator[int]:
    """aiosmtpd on 127.0.0.1 for the ``with`` block; yields its port."""
    controller = Controller(
        handler, hostname=HOST, port=free_port(), server_hostname="localhost", **options
    )
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


@contextlib.contextmanager
def refused_port() -> Iterator[int]:
    """A port that is bound but never listens: every connection is refused."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        yield sock.getsockname()[1]


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context


def self_signed(folder: Path) -> Certificate:
    """A throwaway certificate for localhost and 127.0.0.1, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    found = Certificate(folder / "cert.pem", folder / "key.pem")
    found.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    found.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return found


class Scripted(socketserver.ThreadingTCPServer):
    """A bare SMTP server that ends each session at ``cut``:

    ``"before-reply"``: reads the whole message, then closes without answering it;
    ``"at-quit"``: accepts the message with 250, then closes instead of answering QUIT.
    """

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, cut: str) -> None:
        super().__init__((HOST, 0), _ScriptedSession)
        self.cut = cut
        self.sessions = 0
        self.messages: list[bytes] = []

    @property
    def port(self) -> int:
        port: int = self.server_address[1]
        return port

    @contextlib.contextmanager
    def running(self) -> Iterator[Scripted]:
        thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        try:
            yield self
        finally:
            self.shutdown()
            self.server_close()
            thread.join()


class _ScriptedSession(socketserver.StreamRequestHandler):
    timeout = 10
    server: Scripted

    def handle(self) -> None:
        self.server.sessions += 1
        self.say("220 localhost ESMTP scripted")
        for line in self.rfile:
            verb = line[:4].upper()
            if verb == b"DATA":
                self.say("354 go ahead")
                self.server.messages.append(self.message())
                if self.server.cut == "before-reply":
                    return
                self.say(ACCEPTED)
            elif verb == b"QUIT":
                if self.server.cut != "at-quit":
                    self.say("221 bye")
                return
            else:
                self.say("250 localhost")

    def message(self) -> bytes:
        lines = []
        for line in self.rfile:
            if line == b".\r\n":
                break
            lines.append(line)
        return b"".join(lines)

    def say(self, reply: str) -> None:
        self.wfile.write(reply.encode("ascii") + b"\r\n")
