"""URLs -> Pages: polite, bounded, cached HTTP fetching (httpx, tenacity).

Every request names brief in its user agent, honours robots.txt (RFC 9309; switchable) for
every origin and every redirect hop, waits ``delay`` seconds between requests to one host,
connects only to public addresses unless a host is allowed (brief.web.guard, checked after DNS
resolution on every hop), times out per read and overall (``deadline``), stops reading past a
size cap, follows at most a few redirects, and checks the content type before it reads a body.
Connection errors, timeouts, 429 and 5xx answers are retried with exponential backoff and full
jitter, honouring ``Retry-After``, within a bounded number of attempts and seconds. With a
cache folder, requests are conditional (ETag / Last-Modified) and a ``304`` is served from disk.

Each failure is a FetchError whose message says what happened to which URL; ``fetch_all``
collects them per URL and carries on with the others.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpcore
import httpx
import tenacity

from brief.errors import FetchError
from brief.version import __version__
from brief.web import guard, robots
from brief.web.cache import Cache, Entry

USER_AGENT = f"brief/{__version__} (+https://example.org/brief)"
# Seconds to connect, and between two reads of one answer: news sites answer in well under a
# second; 10 s leaves room for a slow origin without stalling a morning run on a dead one.
TIMEOUT = 10.0
# One try and three retries: enough to ride out a restart or a rate limit, few enough that a
# down site costs seconds, not minutes.
ATTEMPTS = 4
# Seconds one URL may spend on its attempts and waits together.
TOTAL_SECONDS = 60.0
# First backoff in seconds; it doubles with each retry and is drawn uniformly below that
# ("full jitter"), so many clients retrying do not hit a recovering server in step.
BACKOFF = 1.0
# Longest single wait, Retry-After included: a server asking for more is reported, not obeyed.
MAX_WAIT = 30.0
# Seconds between two requests to one host: one page a second is the usual crawler courtesy.
DELAY = 1.0
# The same cap ingest puts on an article file: a news page is well under 2 MB of HTML.
MAX_BYTES = 5_000_000
# Redirect chains on news sites are one or two hops (http -> https -> canonical); more is a loop.
MAX_REDIRECTS = 5
# Seconds one attempt may take from connecting to the last byte, however the bytes trickle:
# a 5 MB page (the cap) at a slow 2 Mbit/s takes 20 s; a server dripping bytes to hold brief
# is cut off here rather than after hours.
DEADLINE = 30.0

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_ERRORS = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)


@dataclass(frozen=True, slots=True)
class Options:
    """How fetching behaves; the defaults are the polite ones."""

    timeout: float = TIMEOUT
    user_agent: str = USER_AGENT
    robots: bool = True
    attempts: int = ATTEMPTS
    total_seconds: float = TOTAL_SECONDS
    max_wait: float = MAX_WAIT
    delay: float = DELAY
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    cache: Path | None = None  # folder of the on-disk cache; None: no cache
    deadline: float = DEADLINE
    allow_hosts: tuple[str, ...] = ()  # hosts or addresses fetched although not public


@dataclass(frozen=True, slots=True)
class Page:
    """One fetched answer. ``url`` is the URL asked for; ``final_url`` the one after redirects."""

    url: str
    final_url: str
    content_type: str
    body: bytes = field(repr=False)
    cached: bool = False  # True when the server said 304 and the body came from the cache


@dataclass(frozen=True, slots=True)
class Failure:
    url: str
    reason: str


class _Retry(Exception):
    """A 429 or 5xx answer: worth another attempt."""

    def __init__(self, status: int, reason: str, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status} {reason}".strip())
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    reason: str
    final_url: str
    headers: httpx.Headers
    body: bytes = field(repr=False)


Wait = Callable[[tenacity.RetryCallState], float]


def backoff(options: Options) -> Wait:
    """Retry-After when the server gave one, else exponential backoff with full jitter."""
    jitter = tenacity.wait_random_exponential(multiplier=BACKOFF, max=options.max_wait)

    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Retry) and error.retry_after is not None:
            return error.retry_after
        return float(jitter(state))

    return wait


class Fetcher:
    """One HTTP client with the robots.txt rules and politeness clocks of a run's requests.

    ``sleep``, ``clock`` and ``wait`` are injectable so tests run without real waiting, and
    ``resolver`` so they can name hosts that resolve to private addresses without DNS.
    Use as a context manager, or call ``close()``.
    """

    def __init__(
        self,
        options: Options | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wait: Wait | None = None,
        resolver: guard.Resolve = guard.resolve,
    ) -> None:
        self.options = options or Options()
        self._guard = guard.Backend(self.options.allow_hosts, resolver, clock)
        self._client = httpx.Client(
            timeout=self.options.timeout,
            headers={"User-Agent": self.options.user_agent},
            follow_redirects=False,  # followed hop by hop in _attempt, each hop checked
            transport=_transport(self._guard),
        )
        self._sleep, self._clock = sleep, clock
        self._wait = wait or backoff(self.options)
        self._cache = Cache(self.options.cache) if self.options.cache else None
        self._robots = robots.Robots(self.options.user_agent, self._robots_txt)
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Page:
        """The page at ``url`` if its content type is one of ``accept``; FetchError otherwise."""
        self._public(url)
        if self.options.robots:
            self._robots.check(url, _origin(url))
        entry = self._cache.load(url) if self._cache else None
        headers = entry.validators() if entry else {}
        answer = self._retrying(url, headers, accept, self.options.max_bytes)
        if answer.status == 304 and entry is not None:
            return Page(url, entry.final_url, entry.content_type, entry.body, cached=True)
        if answer.status >= 300:
            raise FetchError(f"{url}: HTTP {answer.status} {answer.reason}".strip())
        page = Page(url, answer.final_url, _media_type(answer.headers), answer.body)
        if self._cache:
            h = answer.headers
            self._cache.store(
                Entry(
                    url,
                    page.final_url,
                    page.content_type,
                    h.get("etag"),
                    h.get("last-modified"),
                    page.body,
                )
            )
        return page

    def _public(self, url: str) -> None:
        """Refuse a URL whose host resolves to a non-public address before any request (the
        backend checks each connection again, redirects included)."""
        parts = httpx.URL(check_url(url))
        try:
            self._guard.check(parts.host, parts.port or (443 if parts.scheme == "https" else 80))
        except guard.Refused as error:
            raise FetchError(f"{url}: refused: {error}") from None
        except httpcore.ConnectError:
            pass  # not resolvable now: the request's own connection retries and reports it

    # -- one URL, with retries -------------------------------------------------------------

    def _retrying(
        self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None, limit: int
    ) -> _Answer:
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.options.attempts)
            | tenacity.stop_after_delay(self.options.total_seconds),
            wait=self._wait,
            retry=tenacity.retry_if_exception_type((_Retry, *RETRY_ERRORS)),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._attempt, url, headers, accept, limit)
        except guard.Refused as error:
            raise FetchError(f"{url}: refused: {error}") from None
        except guard.Deadline:
            raise FetchError(
                f"{url}: no complete answer within {self.options.deadline:g} s "
                "(the server sends too slowly)"
            ) from None
        except _Retry as error:
            raise FetchError(f"{url}: {error} after {_tries(retrying)}") from None
        except httpx.TooManyRedirects:
            raise FetchError(
                f"{url}: more than {self.options.max_redirects} redirects (a redirect loop?)"
            ) from None
        except httpx.TimeoutException:
            raise FetchError(
                f"{url}: no answer within {self.options.timeout:g} s ({_tries(retrying)})"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(
                f"{url}: could not connect ({_describe(error)}; {_tries(retrying)})"
            ) from None

    def _attempt(
        self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None, limit: int
    ) -> _Answer:
        with self._guard.deadline(self.options.deadline):
            response = self._follow(url, headers, robots_apply=accept is not None)
            try:
                return self._answer(url, response, accept, limit)
            finally:
                response.close()

    def _follow(self, url: str, headers: dict[str, str], robots_apply: bool) -> httpx.Response:
        """The answer at the end of ``url``'s redirects, each hop checked (scheme, robots.txt
        of its origin, politeness) before it is requested; the answer is open (streamed)."""
        request = self._client.build_request("GET", url, headers=headers)
        for hop in range(self.options.max_redirects + 1):
            target = str(request.url)
            if hop and self.options.robots and robots_apply:
                try:
                    self._robots.check(target, _origin(target))
                except FetchError as error:
                    raise FetchError(f"{url}: redirected to {error}") from None
            self._polite(_origin(target))
            response = self._client.send(request, stream=True)
            if not (response.has_redirect_location and response.next_request is not None):
                return response
            response.close()
            request = response.next_request
            if request.url.scheme not in ("http", "https"):
                raise FetchError(f"{url}: redirected to {request.url}, not a web address")
        raise httpx.TooManyRedirects("too many redirects", request=request)

    def _answer(
        self, url: str, response: httpx.Response, accept: tuple[str, ...] | None, limit: int
    ) -> _Answer:
        status, reason = response.status_code, response.reason_phrase
        if status in RETRY_STATUSES:
            raise _Retry(status, reason, self._retry_after(url, status, response.headers))
        if status >= 300 or accept is None:
            body = b"" if status >= 300 else _read(url, response, limit)
            return _Answer(status, reason, str(response.url), response.headers, body)
        kind = _media_type(response.headers)
        if kind not in accept and not (kind.endswith("+xml") and accept == FEED_TYPES):
            raise FetchError(
                f"{url}: the content type is {kind or 'missing'}, not {' or '.join(accept)}"
            )
        body = _read(url, response, limit)
        return _Answer(status, reason, str(response.url), response.headers, body)

    def _retry_after(self, url: str, status: int, headers: httpx.Headers) -> float | None:
        seconds = _retry_after(headers.get("retry-after"), time.time())
        if seconds is not None and seconds > self.options.max_wait:
            raise FetchError(
                f"{url}: HTTP {status}, and the server asks to retry after {seconds:.0f} s, "
                f"longer than brief waits ({self.options.max_wait:g} s)"
            )
        return seconds

    def _polite(self, origin: str) -> None:
        last = self._last.get(origin)
        if last is not None:
            gap = self.options.delay - (self._clock() - last)
            if gap > 0:
                self._sleep(gap)
        self._last[origin] = self._clock()

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        answer = self._retrying(url, {}, None, robots.MAX_BYTES)
        return answer.status, answer.body


def fetch_all(
    fetcher: Fetcher,
    urls: Iterable[str],
    accept: tuple[str, ...] = HTML_TYPES,
    progress: Callable[[str], None] | None = None,
) -> tuple[tuple[Page, ...], tuple[Failure, ...]]:
    """Every page that could be fetched, and why each other one could not, in input order."""
    pages: list[Page] = []
    failures: list[Failure] = []
    for url in dict.fromkeys(urls):
        try:
            pages.append(fetcher.get(url, accept))
        except FetchError as error:
            failures.append(Failure(url, str(error)))
        if progress:
            progress(url)
    return tuple(pages), tuple(failures)


def _transport(backend: guard.Backend) -> httpx.HTTPTransport:
    """httpx's transport, its connection pool on the guarded backend.

    httpx does not take a network backend, so its pool is replaced by an equal one on ours
    (tests/test_web_guard.py fails if a new httpx stops using it). A transport given to httpx
    also turns off HTTP_PROXY from the environment: a proxy would resolve hosts where brief
    cannot check them.
    """
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=backend
    )
    return transport


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url!r} is not an http:// or https:// address")
    return url


def _origin(url: str) -> str:
    parts = urlsplit(check_url(url))
    return f"{parts.scheme}://{parts.netloc}".lower()


def _media_type(headers: httpx.Headers) -> str:
    return str(headers.get("content-type", "")).split(";")[0].strip().lower()


def _read(url: str, response: httpx.Response, limit: int) -> bytes:
    """The body, read in chunks and abandoned as soon as it passes ``limit`` bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: {int(declared):,} bytes is over the {limit:,}-byte cap")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: the page is over the {limit:,}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date (RFC 9110, 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _tries(retrying: tenacity.Retrying) -> str:
    n = int(retrying.statistics.get("attempt_number", 1))
    return "1 attempt" if n == 1 else f"{n} attempts"


def _describe(error: Exception) -> str:
    text = str(error).strip()
    return text or type(error).__name__
