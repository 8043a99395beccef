"""Shared fixtures and builders: articles that read like data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.models import Article
from tests.servers.web import Site, serve

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ in a temporary working folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def article(*paragraphs: str, title: str | None = None, outlet: str | None = None) -> Article:
    """Build an Article from paragraphs: article("First.", "Second.", title="T")."""
    return Article(text="\n\n".join(paragraphs), title=title, outlet=outlet)


@pytest.fixture
def site() -> Iterator[Site]:
    """A real HTTP server on 127.0.0.1, scripted by the test (see tests/webserver.py)."""
    with serve() as scripted:
        yield scripted
