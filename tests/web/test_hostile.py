"""brief.web against hostile servers on 127.0.0.1: every request ends, and in a FetchError.

Slow, endless, malformed and redirecting servers; addresses refused at resolution; a feed of
30,000 entries. A guard fails any test that would connect anywhere but 127.0.0.1, so refusals
are proven without sending a packet to 10.0.0.1 or 169.254.169.254.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator

import pytest

from brief import config
from brief.errors import FetchError
from brief.web import guard
from brief.web.fetch import Fetcher, Options
from tests.servers.hostile_http import Hostile, hostile
from tests.servers.web import Reply, Site, serve

PAGE = "<html><head><title>Harbour</title></head><body><p>The harbour reopened.</p></body></html>"
LOCAL = ("127.0.0.1",)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address other than 127.0.0.1 fails the test before it is made."""
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        assert host == "127.0.0.1", f"a test tried to connect to {address}"
        connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def bad() -> Iterator[Hostile]:
    with hostile() as server:
        yield server


def client(**options: object) -> Fetcher:
    settings = {"delay": 0.0, "timeout": 2.0, "allow_hosts": LOCAL, "attempts": 2, **options}
    return Fetcher(Options(**settings), wait=lambda _: 0.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["/drip", "/drip-head"])
def test_a_dripping_server_is_cut_off_at_the_deadline(bad: Hostile, path: str) -> None:
    started = time.monotonic()
    with client(deadline=1.0) as web, pytest.raises(FetchError, match="within 1 s"):
        web.get(bad.url(path))
    assert time.monotonic() - started < 5  # one attempt: a deadline is not retried
    assert bad.paths.count(path) == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/endless", "byte cap"),
        ("/garbage", "could not connect"),
        ("/huge-head", "could not connect"),
        ("/close", "could not connect"),
    ],
)
def test_an_endless_or_malformed_answer_is_a_fetch_error(
    bad: Hostile, path: str, message: str
) -> None:
    with client(max_bytes=100_000) as web, pytest.raises(FetchError, match=message):
        web.get(bad.url(path))


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as scripted:
        scripted.add("/robots.txt", Reply("User-agent: *\nDisallow: /private/\n"))
        yield scripted


def test_a_redirect_to_a_path_robots_txt_disallows_is_not_followed(site: Site) -> None:
    url = site.add("/a", Reply(status=302, headers={"Location": "/private/x"}))
    site.page("/private/x", PAGE)
    with client() as web, pytest.raises(FetchError, match=r"redirected to .*disallows"):
        web.get(url)
    assert site.hits["/private/x"] == 0


def test_a_redirect_to_another_origin_reads_that_origins_robots_txt(site: Site) -> None:
    with serve() as other:
        other.add("/robots.txt", Reply("User-agent: *\nDisallow: /\n"))
        other.page("/story", PAGE)
        url = site.add("/a", Reply(status=301, headers={"Location": other.url("/story")}))
        with client() as web, pytest.raises(FetchError, match=f"robots.txt of {other.base}"):
            web.get(url)
    assert other.hits["/robots.txt"] == 1 and other.hits["/story"] == 0


def test_an_allowed_redirect_is_followed_with_each_hop_checked(site: Site) -> None:
    site.page("/b", PAGE)
    url = site.add("/a", Reply(status=302, headers={"Location": "/b"}))
    with client() as web:
        page = web.get(url)
    assert page.final_url == site.url("/b") and site.hits["/b"] == 1


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/x"],
)
def test_a_redirect_to_a_private_address_is_refused_without_connecting(
    site: Site, target: str
) -> None:
    url = site.add("/a", Reply(status=302, headers={"Location": target}))
    with client(robots=False) as web, pytest.raises(FetchError, match="refused"):
        web.get(url)


def test_loopback_itself_is_refused_unless_allowed(site: Site) -> None:
    url = site.page("/story", PAGE)
    with client(allow_hosts=()) as web, pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1"):
        web.get(url)
    assert site.hits["/story"] == 0 and site.hits["/robots.txt"] == 0


def test_a_name_that_resolves_to_a_private_address_is_refused_at_resolution() -> None:
    names = {"news.example": ["93.184.216.34", "10.0.0.1"], "metadata.example": ["169.254.169.254"]}
    backend = guard.Backend(allow=("allowed.example",), resolver=lambda host, _: names[host])
    for host in names:
        with pytest.raises(guard.Refused, match=r"resolves to (10\.0\.0\.1|169\.254\.169\.254)"):
            backend.check(host, 80)
    names["allowed.example"] = ["10.0.0.2"]
    assert backend.check("allowed.example", 80) == ["10.0.0.2"]
    refused = r"refused: news\.example resolves to 10\.0\.0\.1"
    with (
        Fetcher(resolver=lambda host, _: names[host]) as web,
        pytest.raises(FetchError, match=refused),
    ):
        web.get("http://news.example/story")


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_public_addresses(address: str, ok: bool) -> None:
    assert guard.public(address) is ok


def test_a_feed_of_30000_entries_fetches_at_most_the_cap(site: Site, tmp_path: object) -> None:
    from brief.daily import run as daily

    items = "".join(f"<item><link>{site.base}/p/{i}</link></item>" for i in range(30_000))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    url = site.add("/feed.rss", Reply(feed, content_type="application/rss+xml"))
    chosen = daily.plan({"feeds": [url], "allow_hosts": list(LOCAL), "delay": 0}, since="0")  # type: ignore[arg-type]
    span = daily.window("2026-11-21", None, dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
    with Fetcher(daily.fetching(chosen, tmp_path)) as web:  # type: ignore[arg-type]
        skipped = daily.gather(chosen, span, web).skipped
    fetched = [path for path in site.hits if path.startswith("/p/")]
    assert len(fetched) == config.MAX_ENTRIES
    assert any("29,950 more entries past the cap of 50 per feed" in s.reason for s in skipped)
