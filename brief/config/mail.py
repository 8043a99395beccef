"""The mail settings records: where and how to hand messages over, and how long to retry."""

from __future__ import annotations

import ipaddress
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brief.errors import ConfigError

if TYPE_CHECKING:
    from tenacity import RetryCallState

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}  # submission, submissions, smtp
# Per socket operation. A healthy server answers in well under a second; RFC 5321 4.5.3.2 lets
# a server take minutes, but a cron job should fail (and retry) long before that.
SMTP_TIMEOUT = 60.0
LOOPBACK_NAMES = ("localhost",)


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to hand messages over; validated on creation. The password never shows."""

    host: str = ""
    port: int = DEFAULT_PORTS["starttls"]
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    timeout: float = SMTP_TIMEOUT
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
        if not (self.user + self.password).isascii():  # smtplib's AUTH encodes them as ASCII
            raise ConfigError("BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD must be ASCII characters")
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ConfigError(
                f"BRIEF_SMTP_TIMEOUT {self.timeout:g} must be a number of seconds above 0"
            )
        if self.user and self.security == "none" and not loopback(self.host):
            raise ConfigError(
                f"refusing to send the SMTP password unencrypted to {self.host}: "
                "set BRIEF_SMTP_SECURITY=starttls or ssl"
            )
        if self.cafile is not None and not self.cafile.is_file():
            raise ConfigError(f"BRIEF_SMTP_CAFILE {self.cafile} is not a file")


def loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() in LOOPBACK_NAMES


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long to keep trying after transient failures; tests inject one that never sleeps."""

    attempts: int = 5  # 1 + 4 retries: waits of ~2, 4, 8, 16 s ride out a restart or a 421
    total_seconds: float = 300.0  # a daily cron job gives up (to the outbox) within 5 minutes
    first_wait: float = 2.0
    max_wait: float = 60.0
    jitter: float = 0.5  # each wait grows by up to half: cron jobs started together spread out
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ConfigError("BRIEF_SMTP_ATTEMPTS must be at least 1")
        for name, value in (
            ("BRIEF_SMTP_RETRY_SECONDS", self.total_seconds),
            ("BRIEF_SMTP_RETRY_WAIT", self.first_wait),
        ):
            if not (math.isfinite(value) and 0 <= value <= MAX_RETRY_SECONDS):
                raise ConfigError(
                    f"{name} {value:g} must be a number of seconds from 0 to {MAX_RETRY_SECONDS}"
                )

    def wait(self, state: RetryCallState) -> float:
        base = min(self.max_wait, self.first_wait * 2.0 ** (state.attempt_number - 1))
        return base * (1 + random.uniform(0, self.jitter))


# No retry policy is worth more than an hour: past that the outbox is the better place to wait.
MAX_RETRY_SECONDS = 3600.0
