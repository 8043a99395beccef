"""brief.daily.workers: on a Dask LocalCluster the daily digest is the same, byte for byte."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from brief.daily import run as daily
from brief.daily import workers
from brief.errors import ConfigError
from brief.web import fetch
from tests.daily.test_run import DATE, FEEDS, NOW
from tests.servers.web import WEB, Reply, Site

ROOT = Path(__file__).resolve().parents[2]


def digest_files(site: Site, out: Path, **table: object) -> dict[str, bytes]:
    site.mount(WEB)
    site.add("/robots.txt", Reply("User-agent: *\nDisallow:\n", content_type="text/plain"))
    values = {"feeds": [site.url(f) for f in FEEDS], "folders": [str(ROOT / "seeds")], **table}
    chosen = daily.plan(values)
    options = fetch.Options(timeout=2.0, delay=0.0, cache=None)
    with fetch.Fetcher(options, sleep=lambda _: None) as client:
        daily.run(chosen, DATE, out, now=NOW, fetcher=client)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_two_workers_give_the_one_process_digest_byte_for_byte(site: Site, tmp_path: Path) -> None:
    alone = digest_files(site, tmp_path / "alone")
    assert "distributed" not in sys.modules  # no Dask without workers or a scheduler
    on_cluster = digest_files(site, tmp_path / "cluster", workers=2)
    assert set(alone) == {f"{DATE}-daily.{fmt}" for fmt in ("md", "html", "json")}
    assert on_cluster == alone


def test_a_scheduler_that_does_not_answer_is_one_error() -> None:
    chosen = dataclasses.replace(daily.plan({"folders": ["x"]}), scheduler="tcp://127.0.0.1:9")
    with (
        pytest.raises(ConfigError, match=r"no Dask scheduler at tcp://127\.0\.0\.1:9"),
        workers.pool(chosen),
    ):
        pass


def test_the_scheduler_must_be_an_address() -> None:
    with pytest.raises(ConfigError, match="tcp://HOST:8786"):
        daily.plan({"folders": ["x"], "scheduler": "localhost"})


def test_workers_must_be_a_small_positive_count() -> None:
    assert daily.plan({"folders": ["x"], "workers": 3}).workers == 3
    for wrong in (0, 10_000):
        with pytest.raises(ConfigError, match="workers in \\[daily\\] must be from 1"):
            daily.plan({"folders": ["x"], "workers": wrong})
