"""brief.web.fetch against a real HTTP server on 127.0.0.1: each failure is a clear FetchError."""

from __future__ import annotations

import email.utils
import socket
from pathlib import Path

import pytest

from brief.errors import FetchError
from brief.web import fetch
from brief.web.fetch import Fetcher, Options
from tests.servers.web import Reply, Site

PAGE = "<html><head><title>Harbour reopens</title></head><body><p>The harbour reopened.</p>"
ROBOTS = "User-agent: *\nAllow: /\n\nUser-agent: brief\nDisallow: /private/\n"


class Clock:
    """A clock that only moves when brief sleeps: waits are recorded, never spent."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fetcher(clock: Clock, **options: object) -> Fetcher:
    settings = {"delay": 0.0, "timeout": 2.0, "allow_hosts": ("127.0.0.1",), **options}
    return Fetcher(Options(**settings), sleep=clock.sleep, clock=clock.time)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def robots(site: Site) -> Site:
    site.add("/robots.txt", Reply(ROBOTS, content_type="text/plain"))
    return site


def test_fetches_a_page_naming_brief_in_the_user_agent(robots: Site, clock: Clock) -> None:
    url = robots.page("/a.html", PAGE)
    with fetcher(clock) as client:
        page = client.get(url)
    assert page.body.decode() == PAGE
    assert (page.url, page.final_url, page.content_type, page.cached) == (
        url,
        url,
        "text/html",
        False,
    )
    agents = {headers["User-Agent"] for _, headers in robots.seen}
    assert agents == {fetch.USER_AGENT}
    assert fetch.USER_AGENT.startswith("brief/")


def test_503_then_200_is_retried_after_a_backoff(robots: Site, clock: Clock) -> None:
    url = robots.add("/flaky", Reply("busy", status=503), Reply(PAGE))
    with fetcher(clock) as client:
        page = client.get(url)
    assert page.body.decode() == PAGE
    assert robots.hits["/flaky"] == 2
    assert len(clock.sleeps) == 1 and 0 <= clock.sleeps[0] <= fetch.BACKOFF


def test_429_waits_as_long_as_retry_after_says(robots: Site, clock: Clock) -> None:
    limited = Reply("slow down", status=429, headers={"Retry-After": "7"})
    url = robots.add("/limited", limited, Reply(PAGE))
    with fetcher(clock) as client:
        assert client.get(url).body.decode() == PAGE
    assert clock.sleeps == [7.0]


def test_a_retry_after_past_the_cap_is_reported_not_obeyed(robots: Site, clock: Clock) -> None:
    url = robots.add("/later", Reply("later", status=429, headers={"Retry-After": "3600"}))
    with fetcher(clock) as client, pytest.raises(FetchError, match="retry after 3600 s"):
        client.get(url)
    assert robots.hits["/later"] == 1 and clock.sleeps == []


def test_retries_are_bounded(robots: Site, clock: Clock) -> None:
    url = robots.add("/down", Reply("down", status=503))
    with (
        fetcher(clock, attempts=3) as client,
        pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable after 3 attempts"),
    ):
        client.get(url)
    assert robots.hits["/down"] == 3 and len(clock.sleeps) == 2


def test_a_slow_answer_times_out(robots: Site, clock: Clock) -> None:
    url = robots.add("/slow", Reply(PAGE, delay=1.5))
    with (
        fetcher(clock, timeout=0.2, attempts=2) as client,
        pytest.raises(FetchError, match=r"no answer within 0.2 s \(2 attempts\)"),
    ):
        client.get(url)


def test_a_redirect_loop_is_reported(robots: Site, clock: Clock) -> None:
    robots.add("/loop-a", Reply(status=302, headers={"Location": "/loop-b"}))
    url = robots.add("/loop-b", Reply(status=302, headers={"Location": "/loop-a"}))
    with fetcher(clock) as client, pytest.raises(FetchError, match="more than 5 redirects"):
        client.get(url)


def test_a_redirect_is_followed(robots: Site, clock: Clock) -> None:
    target = robots.page("/new.html", PAGE)
    url = robots.add("/old.html", Reply(status=301, headers={"Location": "/new.html"}))
    with fetcher(clock) as client:
        page = client.get(url)
    assert (page.url, page.final_url) == (url, target)


def test_404_is_reported_without_retrying(robots: Site, clock: Clock) -> None:
    url = robots.url("/gone.html")
    with fetcher(clock) as client, pytest.raises(FetchError, match="HTTP 404 Not Found"):
        client.get(url)
    assert robots.hits["/gone.html"] == 1 and clock.sleeps == []


def test_a_non_html_content_type_is_refused_before_reading(robots: Site, clock: Clock) -> None:
    url = robots.add("/photo.png", Reply(b"\x89PNG" * 10, content_type="image/png"))
    with fetcher(clock) as client, pytest.raises(FetchError, match="content type is image/png"):
        client.get(url)


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_an_oversized_page_is_cut_off(robots: Site, clock: Clock, declared: bool) -> None:
    url = robots.add("/huge.html", Reply("<p>" + "x" * 50_000, length=declared))
    with (
        fetcher(clock, max_bytes=10_000) as client,
        pytest.raises(FetchError, match="over the 10,000-byte cap"),
    ):
        client.get(url)


def test_robots_txt_is_honoured_and_switchable(robots: Site, clock: Clock) -> None:
    url = robots.page("/private/a.html", PAGE)
    with fetcher(clock) as client, pytest.raises(FetchError, match=r"robots.txt .* disallows"):
        client.get(url)
    with fetcher(clock, robots=False) as client:
        assert client.get(url).body.decode() == PAGE


def test_robots_txt_is_read_once_per_host(robots: Site, clock: Clock) -> None:
    urls = [robots.page(f"/{n}.html", PAGE) for n in range(3)]
    with fetcher(clock) as client:
        for url in urls:
            client.get(url)
    assert robots.hits["/robots.txt"] == 1


def test_a_missing_robots_txt_allows_everything(site: Site, clock: Clock) -> None:
    url = site.page("/a.html", PAGE)
    with fetcher(clock) as client:
        assert client.get(url).body.decode() == PAGE


def test_an_unreadable_robots_txt_disallows_everything(site: Site, clock: Clock) -> None:
    site.add("/robots.txt", Reply("down", status=500))
    url = site.page("/a.html", PAGE)
    with (
        fetcher(clock, attempts=2) as client,
        pytest.raises(FetchError, match=r"robots.txt could not be read.*HTTP 500"),
    ):
        client.get(url)
    assert site.hits["/a.html"] == 0


def test_requests_to_one_host_are_spaced_by_the_delay(robots: Site, clock: Clock) -> None:
    urls = [robots.page(f"/{n}.html", PAGE) for n in range(2)]
    with fetcher(clock, delay=1.5) as client:
        for url in urls:
            client.get(url)
    assert clock.sleeps == [1.5, 1.5]  # robots.txt, then page 0, then page 1


def test_a_rerun_sends_validators_and_reuses_the_cached_body(
    robots: Site, clock: Clock, tmp_path: Path
) -> None:
    modified = email.utils.formatdate(0, usegmt=True)
    url = robots.add(
        "/cached.html", Reply(PAGE, headers={"ETag": '"v1"', "Last-Modified": modified})
    )
    for _ in range(2):
        with fetcher(clock, cache=tmp_path) as client:
            page = client.get(url)
    assert page.cached and page.body.decode() == PAGE
    first, second = (h for path, h in robots.seen if path == "/cached.html")
    assert "If-None-Match" not in first
    assert (second["If-None-Match"], second["If-Modified-Since"]) == ('"v1"', modified)


def test_a_page_without_validators_is_not_cached(
    robots: Site, clock: Clock, tmp_path: Path
) -> None:
    url = robots.page("/plain.html", PAGE)
    with fetcher(clock, cache=tmp_path) as client:
        client.get(url)
    assert list(tmp_path.iterdir()) == []


def test_a_refused_connection_is_reported(clock: Clock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        fetcher(clock, robots=False, attempts=2) as client,
        pytest.raises(FetchError, match=r"could not connect .*2 attempts"),
    ):
        client.get(f"http://127.0.0.1:{port}/a.html")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "no-scheme"])
def test_only_web_addresses_are_fetched(clock: Clock, url: str) -> None:
    with fetcher(clock) as client, pytest.raises(FetchError, match="not an http"):
        client.get(url)


def test_fetch_all_reports_each_failure_and_keeps_the_rest(robots: Site, clock: Clock) -> None:
    good = [robots.page(f"/{n}.html", PAGE) for n in range(2)]
    bad = robots.url("/missing.html")
    seen: list[str] = []
    with fetcher(clock) as client:
        pages, failures = fetch.fetch_all(
            client, [good[0], bad, good[1], good[0]], progress=seen.append
        )
    assert [p.url for p in pages] == good
    assert [(f.url, "HTTP 404" in f.reason) for f in failures] == [(bad, True)]
    assert seen == [good[0], bad, good[1]]


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert fetch._retry_after("120", 0.0) == 120.0
    assert fetch._retry_after(email.utils.formatdate(100.0, usegmt=True), 40.0) == 60.0
    assert fetch._retry_after(email.utils.formatdate(0.0, usegmt=True), 40.0) == 0.0
    assert fetch._retry_after("soon", 0.0) is None
    assert fetch._retry_after(None, 0.0) is None
