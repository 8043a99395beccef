"""Where the daily run's per-source and per-story work runs: here, or on a Dask cluster.

``pool(daily)`` gives a ``run(fn, items)`` that maps ``fn`` over ``items`` and returns the
results in the order of ``items``:

- no ``workers`` and no ``scheduler`` in [daily] (the default): in this process, and Dask is
  never imported;
- ``workers = N`` (``--workers N``): a local ``dask.distributed`` cluster of N processes, one
  thread each, started for the run and closed after it;
- ``scheduler = "tcp://HOST:PORT"`` (``--scheduler``): an existing cluster.

What runs there: reading and cleaning the files of the folders, a chunk of files a task, and
briefing each story, a story a task. Fetching stays in this process (one polite client per
host, one HTTP cache), and so does the grouping, on the gathered articles. Results come back in
input order and every task is a pure function of its input, so the digest is byte-identical
whichever way it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from brief.config import Daily
from brief.errors import ConfigError

Run = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
# Seconds to wait for an existing scheduler to answer before giving up.
CONNECT_TIMEOUT = 10
LOOPBACK = "127.0.0.1"


def here(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``fn`` over ``items`` in this process."""
    return [fn(item) for item in items]


@contextmanager
def pool(daily: Daily) -> Iterator[Run]:
    """A ``run`` for the [daily] settings: here, a local Dask cluster, or an existing one."""
    if not daily.workers and not daily.scheduler:
        yield here
        return
    try:
        distributed = importlib.import_module("distributed")  # untyped: used as Any
    except ImportError:
        raise ConfigError(
            "--workers and --scheduler need Dask: pip install 'brief[dask]'"
        ) from None
    cluster = None
    if daily.scheduler:
        try:
            client = distributed.Client(daily.scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as error:
            raise ConfigError(f"no Dask scheduler at {daily.scheduler}: {error}") from None
    else:
        # On this machine only: loopback addresses, the scheduler's HTTP routes on a free port
        # (its default, 8787, may be taken by another cluster), no dashboard.
        cluster = distributed.LocalCluster(
            n_workers=daily.workers,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": f"{LOOPBACK}:0"},
        )
        client = distributed.Client(cluster)
    try:
        yield _on(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _on(client: Any) -> Run:
    def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        futures = client.map(fn, list(items), pure=False)
        return list(client.gather(futures))

    return run
