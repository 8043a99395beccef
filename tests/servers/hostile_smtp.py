"""Hostile SMTP peers on 127.0.0.1, built on aiosmtpd (tests/servers/smtp.py runs them).

Stalling   accepts the message, then answers DATA only after ``seconds`` (bounded)
Busy       answers every MAIL with 421: a server that never recovers
Garbled    answers DATA with a reply code no RFC defines
Slowly     an Inbox that takes ``seconds`` per message, so concurrent clients interleave
"""

from __future__ import annotations

import asyncio
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
