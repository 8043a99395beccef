"""The emailed brief as a reader sees it: headless Chromium renders the HTML part from a file://
URL, a screenshot is kept in the test's temp folder, and the live DOM is checked for markup the
articles tried to inject. Skipped, with the reason shown, where no chromium binary exists
(`make browser` installs Debian's package when it can)."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from brief.mail import outbox as mail

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium binary: the browser screenshot check is skipped "
    "(install the Debian package chromium, e.g. `make browser` as root)",
)
# A cold start of headless Chromium takes 1-3 s here; a minute means it hangs, not that it is slow.
CHROMIUM_SECONDS = 60
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
BRIEF = """\
# Storm Ana makes landfall on the east coast

*Brief of 2026-11-22 · 4 sources*

Storm Ana came ashore near Port Elden early on Saturday, cutting power to 200,000 homes. [1]

## What we know

- Winds reached 140 km/h at the coast, the weather service said. [2]
- Two ferries were cancelled; rail lines reopen on Monday. [3]
- A quoted page held <script>document.title='pwned'</script> and <img src=x onerror=alert(1)>.

## Background

Port Elden last flooded in 1953, when the sea wall was half its height. [4]

## Quotes

> "We have never seen water this high," said the harbour master. [1]

## Sources

1. [Coast Herald](https://example.org/herald) — 2026-11-22
2. [Weather Daily](https://example.org/weather)
"""


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=CHROMIUM_SECONDS, check=False
    )


class Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.texts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    msg = mail.message(
        BRIEF,
        sender="brief@example.org",
        to=["reader@example.org"],
        date=dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC),
    )
    part = msg.get_body(("html",))
    assert part is not None
    path = tmp_path / "brief.html"
    path.write_text(part.get_content(), encoding="utf-8")  # type: ignore[attr-defined]
    return path


@pytest.mark.parametrize(("width", "height"), [(800, 1100), (390, 1000)], ids=["desk", "phone"])
def test_chromium_screenshot(page: Path, tmp_path: Path, width: int, height: int) -> None:
    shot = tmp_path / f"brief-{width}.png"
    done = chromium(
        page, tmp_path / "profile", f"--screenshot={shot}", f"--window-size={width},{height}"
    )
    assert shot.is_file(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (width, height)
    # A blank page compresses to a few kB; text, rules and the card make it much larger.
    assert len(data) > 20_000
    print(f"screenshot: {shot}")


def test_chromium_dom_has_the_brief_and_nothing_live_from_articles(
    page: Path, tmp_path: Path
) -> None:
    done = chromium(page, tmp_path / "profile", "--dump-dom")
    dom = Elements(done.stdout)
    assert dom.tags.count("h1") == 1 and dom.tags.count("h2") == 4
    assert "script" not in dom.tags and "img" not in dom.tags
    assert "pwned" not in done.stdout.split("<title>")[1].split("</title>")[0]
    assert any("<script>document.title='pwned'</script>" in text for text in dom.texts)
