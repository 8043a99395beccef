"""Where brief may connect, and for how long: an httpcore network backend for brief.web.fetch.

Every connection the fetcher opens goes through ``Backend.connect_tcp``, which resolves the
host itself, refuses it when any address it resolves to is not a public one (private,
loopback, link-local, reserved, multicast: a feed must not point brief at a router, a metadata
service or the machine it runs on), and then connects to the very address it checked, so a DNS
answer that changes between the check and the connection cannot slip through. Redirects open
their connections here too, so every hop is checked.

Every read and write is also bounded by an overall deadline per request: a server that sends
one byte every few seconds restarts a read timeout each time, but not the deadline.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpcore

from brief.errors import FetchError


class Refused(FetchError):
    """A host that resolves to an address brief does not fetch from."""


class Deadline(FetchError):
    """A request that took longer than its overall deadline."""


def public(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


Resolve = Callable[[str, int], Iterable[str]]


def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (no connection is made)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise httpcore.ConnectError(f"could not resolve {host} ({error})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in found))


class Backend(httpcore.NetworkBackend):
    """The default backend, connecting only to checked addresses, within the deadline."""

    def __init__(
        self,
        allow: Iterable[str] = (),
        resolver: Resolve = resolve,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow = frozenset(h.lower().strip("[]") for h in allow)
        self._resolve, self._clock = resolver, clock
        self._until: list[float] = []

    @contextlib.contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Bound everything inside by ``seconds`` from now (nested bounds: the innermost)."""
        self._until.append(self._clock() + seconds)
        try:
            yield
        finally:
            self._until.pop()

    def remaining(self, timeout: float | None) -> float | None:
        if not self._until:
            return timeout
        left = self._until[-1] - self._clock()
        if left <= 0:
            raise Deadline("no complete answer within the deadline")
        return left if timeout is None else min(timeout, left)

    def check(self, host: str, port: int) -> list[str]:
        """The addresses brief may connect to for ``host``; Refused if any is not public."""
        name = host.lower().strip("[]")
        addresses = self._resolve(name, port)
        if name in self._allow:
            return list(addresses)
        for address in addresses:
            if address not in self._allow and not public(address):
                raise Refused(
                    f"{host} resolves to {address}, a private, loopback, link-local or reserved "
                    "address, and brief fetches only public ones (list the host in allow_hosts "
                    "in [daily] to fetch it anyway)"
                )
        return list(addresses)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.check(host, port)
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        stream = self._inner.connect_tcp(
            addresses[0], port, self.remaining(timeout), local_address, socket_options
        )
        return Stream(stream, self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class Stream(httpcore.NetworkStream):
    """A connection whose reads and writes stop at the backend's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: Backend) -> None:
        self._inner, self._backend = inner, backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._inner.read(max_bytes, self._backend.remaining(timeout))
        except httpcore.TimeoutException:
            self._backend.remaining(None)  # Deadline when that is what ran out, not retried
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._inner.write(buffer, self._backend.remaining(timeout))
        except httpcore.TimeoutException:
            self._backend.remaining(None)
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._backend.remaining(timeout)
        )
        return Stream(inner, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
