"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webserver import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    """A real HTTP server on 127.0.0.1, scripted by the test (see webserver.py)."""
    with serve() as scripted:
        yield scripted
