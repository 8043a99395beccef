"""A real HTTP server on 127.0.0.1 that tests script answer by answer (fixture: ``site``)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Longest a scripted slow answer may keep a server thread (seconds): the server must stop soon
# after the test even when a client gave up on it.
SLOW_CAP = 2.0
WEB = Path(__file__).resolve().parent.parent / "data" / "web"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
}


@dataclass(frozen=True)
class Reply:
    """One scripted answer."""

    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line: a slow server
    length: bool = True  # send Content-Length (False: the body ends when the connection does)

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class Site:
    """Routes path -> replies; the n-th request to a path gets the n-th reply (the last repeats)."""

    base: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.url(path)

    def page(self, path: str, html: str, **options: object) -> str:
        return self.add(path, Reply(html, **options))  # type: ignore[arg-type]

    def mount(self, folder: Path) -> None:
        """Serve every file under ``folder`` at its relative path; ``{base}`` becomes our URL."""
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                kind = TYPES.get(file.suffix, "application/octet-stream")
                body = file.read_text("utf-8").replace("{base}", self.base)
                etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:16] + '"'
                reply = Reply(body, content_type=kind, headers={"ETag": etag})
                self.add("/" + file.relative_to(folder).as_posix(), reply)

    def reply(self, path: str) -> Reply:
        replies = self.routes.get(path)
        if not replies:
            return Reply("not found", status=404, content_type="text/plain")
        return replies[min(self.hits[path], len(replies)) - 1]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            site.hits[path] += 1
            site.seen.append((path, dict(self.headers.items())))
            reply = site.reply(path)
            deadline = time.monotonic() + min(reply.delay, SLOW_CAP)
            while time.monotonic() < deadline and not site.stopping.is_set():
                time.sleep(0.02)
            etag = reply.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self._send(304, {"ETag": etag}, b"", length=False)
                return
            headers = dict(reply.headers)
            if reply.content_type:
                headers["Content-Type"] = reply.content_type
            self._send(reply.status, headers, reply.data(), length=reply.length)

        def _send(self, status: int, headers: dict[str, str], body: bytes, length: bool) -> None:
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (timeout, size cap): nothing to answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up early is part of the tests


@contextmanager
def serve() -> Iterator[Site]:
    scripted = Site()
    server = _Server(("127.0.0.1", 0), _handler(scripted))
    scripted.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield scripted
    finally:
        scripted.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
