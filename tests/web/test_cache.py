"""brief.web.cache: stored answers come back whole; a damaged entry is ignored, never fatal."""

from __future__ import annotations

from pathlib import Path

from brief.web.cache import Cache, Entry


def entry(url: str = "http://127.0.0.1/a") -> Entry:
    return Entry(url, url, "text/html", '"v1"', None, b"<p>page</p>")


def test_an_entry_round_trips_with_its_validators(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.store(entry())
    got = cache.load("http://127.0.0.1/a")
    assert got == entry()
    assert got is not None and got.validators() == {"If-None-Match": '"v1"'}
    assert cache.load("http://127.0.0.1/other") is None


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.store(entry())
    for meta in tmp_path.glob("*.json"):
        meta.write_text("{not json")
    assert cache.load("http://127.0.0.1/a") is None
