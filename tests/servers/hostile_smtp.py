"""Hostile SMTP peers on 127.0.0.1, built on aiosmtpd (tests/servers/smtp.py runs them).

Stalling   accepts the message, then answers DATA only after ``seconds`` (bounded)
Busy       answers every MAIL with 421: a server that never recovers
Garbled    answers DATA with a reply code no RFC defines
Slowly     an Inbox that takes ``seconds`` per message, so concurrent clients interleave
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tests.servers.smtp import Inbox

# Longest any handler stalls, whatever a test asks: a stuck server thread must not outlive it.
STALL_CAP = 5.0


@dataclass
class Stalling(Inbox):
    seconds: float = 3.0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(min(self.seconds, STALL_CAP))
        return await super().handle_DATA(server, session, envelope)


@dataclass
class Busy(Inbox):
    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        self.transactions += 1
        return "421 4.3.2 busy, forever"


@dataclass
class Garbled(Inbox):
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_commands += 1
        return "999 \x07what"


@dataclass
class Slowly(Inbox):
    seconds: float = 0.05

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(min(self.seconds, STALL_CAP))
        return await super().handle_DATA(server, session, envelope)


@contextmanager
def dripping(greeting_bytes: int = 5000, every: float = 0.1) -> Iterator[int]:
    """A raw server on 127.0.0.1 that sends its greeting one byte every ``every`` seconds, so
    no read ever times out; yields its port. Not aiosmtpd: it cannot greet this slowly."""
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)

    def drip(conn: socket.socket) -> None:
        with conn:
            try:
                for byte in b"220 " + b"x" * greeting_bytes + b"\r\n":
                    if stop.wait(every):
                        return
                    conn.sendall(bytes([byte]))
            except OSError:
                pass  # the client hung up: what the test wants

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
