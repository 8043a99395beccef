"""brief.web.robots: RFC 9309 as the fetcher obeys it, read once per origin."""

from __future__ import annotations

import pytest

from brief.errors import FetchError
from brief.web.robots import Robots

ORIGIN = "http://127.0.0.1:8000"


def reader(status: int, body: bytes, calls: list[str]):  # type: ignore[no-untyped-def]
    def read(url: str) -> tuple[int, bytes]:
        calls.append(url)
        return status, body

    return read


def test_disallowed_paths_are_refused_and_the_file_is_read_once() -> None:
    calls: list[str] = []
    robots = Robots("brief", reader(200, b"User-agent: *\nDisallow: /private\n", calls))
    robots.check(f"{ORIGIN}/news/a", ORIGIN)
    with pytest.raises(FetchError, match="robots"):
        robots.check(f"{ORIGIN}/private/b", ORIGIN)
    assert calls == [f"{ORIGIN}/robots.txt"]


def test_a_missing_file_allows_all_and_a_server_error_allows_none() -> None:
    Robots("brief", reader(404, b"", [])).check(f"{ORIGIN}/a", ORIGIN)
    with pytest.raises(FetchError):
        Robots("brief", reader(503, b"", [])).check(f"{ORIGIN}/a", ORIGIN)
