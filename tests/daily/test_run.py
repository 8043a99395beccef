"""brief.daily.run end to end against a real HTTP server on 127.0.0.1 serving our own feeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from brief import config
from brief.daily import digest
from brief.daily import run as daily
from brief.errors import ConfigError, InputError
from brief.web import fetch
from tests.checks import conforms
from tests.servers.web import WEB, Reply, Site

DATE = "2026-11-21"
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
FEEDS = ("/gazette/feed.rss", "/courier/feed.atom", "/valley/feed.rss")


class Mailbox:
    """The send seam: records what would be mailed (SMTP itself is brief.mail.outbox's to test)."""

    def __init__(self) -> None:
        self.sent: list[tuple[Path, tuple[str, ...], str]] = []

    def __call__(self, path: Path, recipients: tuple[str, ...], subject: str) -> None:
        self.sent.append((path, recipients, subject))


def failures(site: Site) -> tuple[str, ...]:
    """One URL for each failure the fetcher must survive; the 503 and 429 ones recover."""
    site.add(
        "/flaky.html",
        Reply("busy", status=503),
        Reply((WEB / "gazette/storm-ellis.html").read_text()),
    )
    site.add(
        "/limited.html",
        Reply("wait", status=429, headers={"Retry-After": "3"}),
        Reply((WEB / "valley/tram-approved.html").read_text()),
    )
    site.add("/slow.html", Reply("<p>late</p>", delay=1.0))
    site.add("/loop", Reply(status=302, headers={"Location": "/loop"}))
    site.add("/report.pdf", Reply(b"%PDF-1.4", content_type="application/pdf"))
    site.add("/huge.html", Reply("<p>" + "word " * 20_000))
    return tuple(
        site.url(p)
        for p in (
            "/flaky.html",
            "/limited.html",
            "/slow.html",
            "/loop",
            "/missing.html",
            "/report.pdf",
            "/huge.html",
            "/gazette/paywalled.html",
        )
    )


def setup(
    site: Site, tmp_path: Path, **table: object
) -> tuple[daily.Plan, fetch.Fetcher, list[float]]:
    site.mount(WEB)
    site.add("/robots.txt", Reply("User-agent: *\nDisallow:\n", content_type="text/plain"))
    values = {"feeds": [site.url(f) for f in FEEDS], "recipients": ["desk@example.org"], **table}
    chosen = daily.plan(values)
    waits: list[float] = []
    options = fetch.Options(
        timeout=0.3,
        delay=0.0,
        max_bytes=50_000,
        cache=tmp_path / "cache",
        allow_hosts=("127.0.0.1",),
    )
    return chosen, fetch.Fetcher(options, sleep=waits.append), waits


def test_three_stories_from_three_outlets_in_one_digest(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path)
    mailbox = Mailbox()
    with client:
        result = daily.run(chosen, DATE, tmp_path / "out", send=mailbox, now=NOW, fetcher=client)
    titles = [s.brief.title for s in result.digest.stories]
    assert len(titles) == 3
    assert {len(s.outlets) for s in result.digest.stories} == {3}
    md = (tmp_path / "out" / f"{DATE}-daily.md").read_text()
    assert md.startswith(f"# Daily brief — {DATE}\n")
    for outlet in ("The Harbour Gazette", "Northern Courier", "Valley Times"):
        assert md.count(outlet) >= 3
    assert "Valley school opens a new science wing" not in md  # one outlet only
    assert "festival-dates" not in str(site.hits)  # outside the window: never fetched
    assert result.left_out == (  # said, with the window's bounds
        "left out 1 entry published outside the window 2026-11-20 09:00 to 2026-11-21 09:00 UTC"
    )
    assert [m[1] for m in mailbox.sent] == [("desk@example.org",)]
    assert (tmp_path / "out" / f"{DATE}-daily.html").read_text().startswith("<!DOCTYPE html>")
    data = json.loads((tmp_path / "out" / f"{DATE}-daily.json").read_text())
    conforms(data)
    assert data["schema"] == "brief-daily/1" and len(data["stories"]) == 3


def test_a_second_run_the_same_day_sends_nothing(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path)
    mailbox = Mailbox()
    with client:
        first = daily.run(chosen, DATE, tmp_path / "out", send=mailbox, now=NOW, fetcher=client)
        second = daily.run(chosen, DATE, tmp_path / "out", send=mailbox, now=NOW, fetcher=client)
        third = daily.run(
            chosen, DATE, tmp_path / "out", send=mailbox, now=NOW, fetcher=client, force=True
        )
    assert len(mailbox.sent) == 2 and second.sent == () and "already mailed" in second.note
    marker = tmp_path / "out" / f".{DATE}-daily.sent"
    assert marker.stat().st_mode & 0o777 == 0o600  # the readers' addresses: private
    assert {w.status for w in second.written} == {"unchanged"}
    assert first.sent == third.sent == ("desk@example.org",)


def test_a_rerun_fetches_only_what_changed(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path, recipients=[])
    out = tmp_path / "out"
    with client:
        daily.run(chosen, DATE, out, now=NOW, fetcher=client)
        asked = len(site.seen)
        daily.run(chosen, DATE, out, now=NOW, fetcher=client)
    again = [headers for path, headers in site.seen[asked:] if path.endswith(".html")]
    assert again and all("If-None-Match" in headers for headers in again)


def test_every_failure_is_reported_and_the_rest_is_briefed(site: Site, tmp_path: Path) -> None:
    urls = failures(site)
    chosen, client, waits = setup(site, tmp_path, urls=list(urls))
    chosen = daily.plan(
        {"feeds": [site.url(f) for f in (*FEEDS, "/broken.rss")], "urls": list(urls)},
    )
    with client:
        result = daily.run(chosen, DATE, tmp_path / "out", now=NOW, fetcher=client)
    reasons = {s.source.removeprefix(site.base): s.reason for s in result.digest.skipped}
    assert reasons == {
        "/broken.rss": reasons["/broken.rss"],
        "/slow.html": "no answer within 0.3 s (4 attempts)",
        "/loop": "more than 5 redirects (a redirect loop?)",
        "/missing.html": "HTTP 404 Not Found",
        "/report.pdf": reasons["/report.pdf"],
        "/huge.html": reasons["/huge.html"],
        "/gazette/paywalled.html": "a paywall stub ('Subscribe to read')",
        "/courier/teaser.html": reasons["/courier/teaser.html"],
        "/valley/empty.html": "no article text found on the page",
    }
    assert reasons["/report.pdf"].startswith("the content type is application/pdf, not text/html")
    assert reasons["/broken.rss"].startswith("the feed is not well-formed XML (")
    assert "over the 50,000-byte cap" in reasons["/huge.html"]
    assert "a teaser or a stub" in reasons["/courier/teaser.html"]
    assert 3.0 in waits  # the 429 was retried after its Retry-After
    assert site.hits["/flaky.html"] == 2 and site.hits["/limited.html"] == 2
    assert len(result.digest.stories) == 3  # the stories are all still there
    md = (tmp_path / "out" / f"{DATE}-daily.md").read_text()
    assert "## Skipped" in md and "HTTP 404 Not Found" in md


def test_a_story_told_by_one_outlet_only_is_kept_when_allowed(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path, min_outlets=1, recipients=[])
    with client:
        result = daily.run(chosen, DATE, tmp_path / "out", now=NOW, fetcher=client)
    assert [len(s.outlets) for s in result.digest.stories] == [3, 3, 3, 1]
    assert result.note == "no recipients in [daily]: not mailed"


def test_nothing_covered_widely_enough_is_an_error(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path, min_outlets=4, recipients=[])
    with client, pytest.raises(InputError, match="no story is covered by 4 or more outlets"):
        daily.run(chosen, DATE, tmp_path / "out", now=NOW, fetcher=client)
    assert not (tmp_path / "out").exists()


def test_an_empty_window_says_what_it_left_out(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path, recipients=[], since="1h")
    late = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)  # every entry is older than an hour
    with client, pytest.raises(InputError) as caught:
        daily.run(chosen, "2026-11-23", tmp_path / "out", now=late, fetcher=client)
    message = str(caught.value)
    assert "among 0 articles (left out 15 entries published outside the window " in message
    assert "2026-11-23 08:00 to 2026-11-23 09:00 UTC)" in message


def test_one_outlet_is_singular(site: Site, tmp_path: Path) -> None:
    chosen, client, _ = setup(site, tmp_path, min_outlets=1, recipients=[])
    with client:
        result = daily.run(chosen, DATE, tmp_path / "out", now=NOW, fetcher=client)
    md = (tmp_path / "out" / f"{DATE}-daily.md").read_text()
    assert "1 outlet: Valley Times" in md and "1 outlets" not in md
    one = digest.Digest(DATE, result.digest.stories[-1:], 1, 0, ())
    assert "1 story from 1 article by 1 outlet ·" in digest.byline(one)


def test_recipients_without_a_mailer_fail_before_any_work(tmp_path: Path) -> None:
    chosen = daily.plan({"urls": ["http://127.0.0.1:9/a"], "recipients": ["a@b.c"]})
    with pytest.raises(ConfigError, match="no way to send was given"):
        daily.run(chosen, DATE, tmp_path, send=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", dt.timedelta(hours=24)),
        ("90m", dt.timedelta(minutes=90)),
        ("2d", dt.timedelta(days=2)),
        ("36", dt.timedelta(hours=36)),
        ("0", None),
    ],
)
def test_since_reads_durations(text: str, expected: dt.timedelta | None) -> None:
    assert config.since(text) == expected


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"since": "yesterday"}, "is not a duration"),
        ({"feeds": "http://x", "min_outlets": 0}, "at least 1"),
        ({"feeds": [1, 2]}, "must be a list of strings"),
        ({"length": "epic"}, "unknown length"),
        ({"recipient": ["a@b.c"]}, "unknown setting recipient"),
        ({"delay": -1}, "at least 0"),
    ],
)
def test_bad_settings_are_clear_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        daily.plan(table)


def test_the_window_holds_times_dates_and_unknowns() -> None:
    span = daily.window(DATE, dt.timedelta(hours=24), NOW)
    assert (span.start, span.end) == (NOW - dt.timedelta(hours=24), NOW)
    assert span.holds("2026-11-20T10:00:00+00:00") and not span.holds("2026-11-20T08:00:00+00:00")
    assert span.holds("2026-11-20") and not span.holds("2026-11-19")
    assert span.holds(None)
    past = daily.window("2026-11-01", dt.timedelta(hours=24), NOW)
    assert past.end == dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    assert daily.window(DATE, None, NOW).holds("1998-10-16")


def test_the_daily_command_writes_the_digest_and_reports_progress(
    site: Site, tmp_path: Path
) -> None:
    from tests.test_cli import run

    site.mount(WEB)
    feeds = ", ".join(f'"{site.url(f)}"' for f in FEEDS)
    (tmp_path / "brief.toml").write_text(
        f'[daily]\nfeeds = [{feeds}]\ndelay = 0\nallow_hosts = ["127.0.0.1"]\n'
    )
    args = ("daily", "--config", "brief.toml", "--date", DATE, "--since", "48h")
    first, second = run(*args, cwd=tmp_path), run(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == [
        str(Path("out") / f"{DATE}-daily.{f}") for f in ("md", "html", "json")
    ]
    assert "fetching: 14 of 14\n" in first.stderr and "briefing: 3 of 3\n" in first.stderr
    window = "2026-11-20 00:00 to 2026-11-22 00:00 UTC"
    assert f"left out 1 entry published outside the window {window}\n" in first.stderr
    assert "skipped" in first.stderr and "not mailed" in first.stderr
    assert second.returncode == 0 and second.stderr.count("unchanged: ") == 3


def test_the_daily_command_without_sources_is_one_error_line(tmp_path: Path) -> None:
    from tests.test_cli import run

    (tmp_path / "brief.toml").write_text('[daily]\nsince = "24h"\n')
    done = run("daily", "--config", "brief.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr == "Error: no sources: list feeds, urls or folders in [daily] of brief.toml\n"
    )


def test_build_reads_web_addresses(site: Site, tmp_path: Path) -> None:
    from tests.test_cli import run

    site.mount(WEB)
    pages = ("gazette/storm-ellis.html", "valley/teaser.html")  # the second does not exist
    urls = (site.url("/" + p) for p in pages)
    done = run("build", *urls, "--date", DATE, "--stdout", cwd=tmp_path, allow="127.0.0.1")
    assert done.returncode == 0, done.stderr
    assert "Storm Ellis" in done.stdout and "The Harbour Gazette" in done.stdout
    assert "Warning: skipped" in done.stderr and "HTTP 404" in done.stderr
    assert "fetching: 2 of 2\n" in done.stderr  # not a terminal: one line per stage
    assert done.stderr.count("skipped") == 1
    urls = (site.url("/" + p) for p in pages)
    quiet = run("-q", "build", *urls, "--date", DATE, "--stdout", cwd=tmp_path, allow="127.0.0.1")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == done.stdout


def test_build_with_urls_shows_progress_on_a_terminal_and_results_on_stdout(
    site: Site, tmp_path: Path
) -> None:
    import os
    import pty
    import subprocess
    import sys

    site.mount(WEB)
    pages = ("gazette/storm-ellis.html", "valley/storm-ellis-power.html")
    primary, secondary = pty.openpty()  # stderr is a terminal, stdout a pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "brief", "build", *(site.url("/" + p) for p in pages),
             "--date", DATE],
            cwd=tmp_path,
            env={**os.environ, "NLTK_DATA": str(tmp_path / "none"), "COLUMNS": "80",
                 "BRIEF_ALLOW_HOSTS": "127.0.0.1"},
            stdout=subprocess.PIPE, stderr=secondary, text=True, timeout=120, check=False,
        )  # fmt: skip
        os.close(secondary)
        drawn = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(primary)
    assert done.returncode == 0
    assert done.stdout == f"{Path('out') / next((tmp_path / 'out').glob('*.md')).name}\n"
    screen = drawn.decode("utf-8", "replace")
    assert "fetching" in screen and "2/2" in screen and "━" in screen  # rich's bar
    assert "fetching: 2 of 2" not in screen and "written: " in screen


def test_the_daily_digest_lands_once_in_a_real_inbox(site: Site, tmp_path: Path) -> None:
    """Feeds over HTTP on 127.0.0.1, mail through aiosmtpd on 127.0.0.1, `brief daily` twice."""
    import email
    import os
    import subprocess
    import sys

    from tests.servers.smtp import Inbox, serving

    site.mount(WEB)
    feeds = ", ".join(f'"{site.url(f)}"' for f in FEEDS)
    inbox = Inbox()
    with serving(inbox) as port:
        (tmp_path / "brief.toml").write_text(
            f'[daily]\nfeeds = [{feeds}]\ndelay = 0\nrecipients = ["desk@example.org"]\n'
            'allow_hosts = ["127.0.0.1"]\n\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'from = "brief@example.org"\n'
        )
        env = {**os.environ, "NLTK_DATA": str(tmp_path / "none"), "BRIEF_SMTP_RETRY_WAIT": "0"}
        args = ["daily", "--config", "brief.toml", "--date", DATE, "--since", "48h"]
        for _ in range(2):
            done = subprocess.run(
                [sys.executable, "-c", "from brief.cli import main; main()", *args],
                cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
    (received,) = inbox.received
    assert received.recipients == ("desk@example.org",)
    message = email.message_from_bytes(received.data)
    assert message.get_content_type() == "multipart/alternative"
    assert "Daily brief 2026-11-21" in str(message["Subject"])
    parts = {p.get_content_type(): p.get_payload(decode=True) for p in message.walk()}
    html = parts["text/html"].decode("utf-8")  # type: ignore[union-attr]
    assert "Storm Ellis" in html and "<script" not in html
