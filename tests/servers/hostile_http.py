"""A hostile HTTP server on 127.0.0.1: raw sockets, so it can misbehave as no framework allows.

Each path is a behaviour; every one stops when the test ends (``stop``), so no test can hang
on it. Only loopback: the server binds 127.0.0.1 and nothing else.

    /drip          a 200 header, then one byte of body every DRIP seconds, forever
    /drip-head     the status line and headers one byte every DRIP seconds, never finished
    /endless       a chunked body that never ends
    /garbage       bytes that are not HTTP at all
    /huge-head     a header line of 200 kB
    /close         accepts, reads the request, closes without a word
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# Seconds between two dripped bytes: a read timeout of a second would never fire.
DRIP = 0.1


@dataclass
class Hostile:
    base: str = ""
    stop: threading.Event = field(default_factory=threading.Event)
    paths: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def _request_path(conn: socket.socket) -> str:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split()
    return parts[1] if len(parts) > 1 else ""


def _drip(conn: socket.socket, data: bytes, stop: threading.Event) -> None:
    for i in range(len(data)):
        if stop.wait(DRIP):
            return
        conn.sendall(data[i : i + 1])


def _serve(conn: socket.socket, site: Hostile) -> None:
    with conn:
        try:
            path = _request_path(conn)
            site.paths.append(path)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            if path == "/robots.txt":
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            elif path == "/drip":
                conn.sendall(head + b"Content-Length: 1000000\r\n\r\n")
                _drip(conn, b"<p>" * 1_000_000, site.stop)
            elif path == "/drip-head":
                _drip(conn, head + b"X-Filler: " + b"a" * 60_000 + b"\r\n\r\n", site.stop)
            elif path == "/endless":
                conn.sendall(head + b"Transfer-Encoding: chunked\r\n\r\n")
                chunk = b"4000\r\n" + b"<p>news</p>" * 1489 + b"<p>ne\r\n"  # 16,384 bytes
                while not site.stop.is_set():
                    conn.sendall(chunk)
            elif path == "/garbage":
                conn.sendall(b"\x00\xff SMTP ready\r\n" * 100)
            elif path == "/huge-head":
                conn.sendall(head + b"X-Huge: " + b"a" * 200_000 + b"\r\n\r\n<p>x</p>")
            # /close and anything else: hang up
        except OSError:
            pass  # the client gave up: that is what these tests want


@contextmanager
def hostile() -> Iterator[Hostile]:
    site = Hostile()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.05)
    site.base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    workers: list[threading.Thread] = []

    def accept() -> None:
        while not site.stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(5)
            worker = threading.Thread(target=_serve, args=(conn, site), daemon=True)
            worker.start()
            workers.append(worker)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        thread.join(timeout=5)
        listener.close()
        deadline = time.monotonic() + 5
        for worker in workers:
            worker.join(timeout=max(0.0, deadline - time.monotonic()))
