"""robots.txt, read once per origin and obeyed (RFC 9309), for brief.web.fetch.

``read(url)`` gives (status, body) of the robots.txt answer after retries, or raises FetchError.
A 4xx means no rules (everything may be fetched); an unreachable file or a 5xx means everything
is disallowed (RFC 9309, section 2.3.1.3-4), and every URL of that origin says why.
"""

from __future__ import annotations

import urllib.robotparser
from collections.abc import Callable

from brief.errors import FetchError

# RFC 9309: crawlers may ignore a robots.txt past its first 500 KiB.
MAX_BYTES = 500 * 1024

Read = Callable[[str], tuple[int, bytes]]


class Robots:
    """The rules of each origin met in a run, for one user agent."""

    def __init__(self, agent: str, read: Read) -> None:
        self._agent, self._read = agent, read
        self._rules: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def check(self, url: str, origin: str) -> None:
        """FetchError unless ``url`` may be fetched."""
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = self._load(origin)
        if isinstance(rules, str):
            raise FetchError(f"{url}: {rules}")
        if not rules.can_fetch(self._agent, url):
            raise FetchError(
                f"{url}: robots.txt of {origin} disallows brief "
                "(set robots = false in [daily] to fetch anyway)"
            )

    def _load(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The rules of ``origin``, or why none could be read."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            status, body = self._read(f"{origin}/robots.txt")
        except FetchError as error:
            return f"robots.txt could not be read, so brief assumes it disallows all ({error})"
        if status >= 500:  # RFC 9309 2.3.1.4: a server error means everything is disallowed
            return f"robots.txt answered {status}, so brief assumes it disallows all"
        rules.parse([] if status >= 400 else body.decode("utf-8", errors="replace").splitlines())
        return rules
