"""brief.mail: the message, its safety, settings, and delivery to real SMTP servers on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import traceback
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import markup
from brief.errors import ConfigError, DeliveryError, InputError, OutputError
from brief.mail import message as mailmsg
from brief.mail import outbox as mail
from tests.servers.smtp import HOST, Inbox, Logins, Scripted, refused_port, self_signed, serving

DATE = dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC)
BRIEF = """\
# Storm Ana makes landfall

*Brief of 2026-11-22 · 3 sources*

Storm Ana came ashore near Port Elden, cutting power to 200,000 homes. [1]

## What we know

- Winds reached 140 km/h at the coast. [2]
- Ferries were cancelled; rail lines reopen on Monday. [3]

## Sources

1. [Coast Herald](https://example.org/herald)
"""
HOSTILE = """\
# Headline <script>alert(1)</script>

An article says <script>alert(2)</script> and <img src=x onerror="alert(3)">.

<iframe src="https://evil.example"></iframe>

<a href="javascript:alert(4)" onclick="alert(5)">click</a> [link](javascript:alert(6))
[data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.org) <b onmouseover=alert(7)>x</b>
"""
# Every tag markdown-it-py emits for a brief, plus the template's own layout tags.
ALLOWED_TAGS = {
    *"html head meta title body table tr td p h1 h2 h3 h4 h5 h6 ul ol li a em strong code pre"
    " blockquote hr br s".split()
}
ALLOWED_ATTRIBUTES = {
    *"lang charset name content style role width cellpadding cellspacing border align href"
    " start".split()
}


def build(markdown: str = BRIEF, **options: object) -> EmailMessage:
    options = {"sender": "Brief <brief@example.org>", "to": ["reader@example.org"]} | options
    return mail.message(markdown, date=DATE, **options)  # type: ignore[arg-type]


def parse(data: bytes) -> EmailMessage:
    """A message from a file or off the wire (CRLF lines, as the server received them)."""
    parsed = message_from_bytes(data.replace(b"\r\n", b"\n"), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def html_of(msg: EmailMessage) -> str:
    part = msg.get_body(("html",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def text_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


class Tags(HTMLParser):
    """Every live tag and attribute in an HTML document, as a browser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href":
                self.links.append(value or "")


def assert_inert(html: str) -> None:
    found = Tags(html)
    assert found.tags <= ALLOWED_TAGS, found.tags - ALLOWED_TAGS
    assert found.attributes <= ALLOWED_ATTRIBUTES, found.attributes - ALLOWED_ATTRIBUTES
    assert all(link.startswith(("https:", "http:", "mailto:")) for link in found.links)
    assert "<script" not in html.lower()


class Waits(list[float]):
    """An injected sleep: records each wait instead of taking it."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def policy_for_tests(attempts: int = 3, **options: float) -> tuple[mail.RetryPolicy, Waits]:
    waits = Waits()
    return mail.RetryPolicy(attempts=attempts, sleep=waits, **options), waits  # type: ignore[arg-type]


def plain(port: int, **options: object) -> mail.SmtpSettings:
    return mail.SmtpSettings(host=HOST, port=port, security="none", **options)  # type: ignore[arg-type]


# -- the message ------------------------------------------------------------------------------


def test_message_is_markdown_plus_html_alternative() -> None:
    msg = parse(build(cc=["desk@example.org"]).as_bytes())
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert text_of(msg) == BRIEF
    html = html_of(msg)
    assert "<h1" in html and ">What we know</h2>" in html
    assert '<a href="https://example.org/herald"' in html
    assert msg["Subject"] == "Storm Ana makes landfall — 22 November 2026"
    assert msg["From"] == "Brief <brief@example.org>"
    assert msg["To"] == "reader@example.org" and msg["Cc"] == "desk@example.org"
    assert msg["Date"].datetime == DATE
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@example.org>")
    assert msg["Auto-Submitted"] == "auto-generated"


def test_message_is_7bit_clean_and_deterministic() -> None:
    first, second = build().as_bytes(), build().as_bytes()
    assert first == second
    first.decode("ascii")  # quoted-printable bodies and encoded headers: no 8BITMIME needed
    assert build(to=["other@example.org"])["Message-ID"] != build()["Message-ID"]
    later = mail.message(BRIEF, sender="Brief <brief@example.org>", to=["reader@example.org"])
    assert later["Message-ID"] == build()["Message-ID"]  # sent again later: the same message


def test_html_part_has_inline_styles_and_an_escaped_title() -> None:
    html = html_of(build(subject="Fish & <chips>"))
    assert "<title>Fish &amp; &lt;chips&gt;</title>" in html
    assert '<h1 style="' in html and '<li style="' in html


@pytest.mark.parametrize(
    ("markdown", "name", "expected"),
    [
        (BRIEF, "2026-11-20-storm.md", "Storm Ana makes landfall — 20 November 2026"),
        (BRIEF, "storm.md", "Storm Ana makes landfall — 22 November 2026"),
        ("# A \\*starred\\* title #\n\nNo date.", "", "A *starred* title — 1 March 2026"),
        ("No headline at all", "", "Brief — 1 March 2026"),
        ("# Old news\n" + "\n" * 20 + "On 1999-01-01 it began.", "", "Old news — 1 March 2026"),
    ],
)
def test_default_subject(markdown: str, name: str, expected: str) -> None:
    assert mail.default_subject(markdown, name, today=dt.date(2026, 3, 1)) == expected


@pytest.mark.parametrize(
    "subject",
    [
        "Hi\r\nBcc: victim@example.org",
        "Hi\nContent-Type: text/html\n\n<script>x</script>",
        "Hi\u2028Bcc: x@example.org",
        "Hi\x85To: x@example.org",
    ],
)
def test_a_line_break_cannot_inject_headers(subject: str) -> None:
    msg = parse(build(subject=subject).as_bytes())
    assert sorted(msg.keys()) == sorted(build().keys())
    assert "\n" not in msg["Subject"] and msg["Subject"].startswith("Hi ")


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_any_subject_stays_one_header(subject: str) -> None:
    msg = parse(build(subject=subject).as_bytes())
    assert sorted(msg.keys()) == sorted(build().keys())
    assert msg["Subject"] == (
        mailmsg.subject_line(subject) or "Storm Ana makes landfall — 22 November 2026"
    )


@pytest.mark.parametrize(
    "subject", ["a" * 70 + " é" * 10, "0" * 76 + " é", "Ünïcödé " * 30, "x" * 400]
)
def test_long_non_ascii_subjects_survive_the_wire(subject: str) -> None:
    msg = parse(build(subject=subject).as_bytes(policy=mail.WIRE))
    assert msg["Subject"] == mailmsg.subject_line(subject)
    assert len(msg["Subject"]) <= mailmsg.SUBJECT_MAX


@pytest.mark.parametrize(
    "good", ["a@example.org", "Reader <a.b+c@sub.example.org>", '"Desk, Night" <n@example.org>']
)
def test_addresses_accepted(good: str) -> None:
    assert mail.address(good).domain.endswith("example.org")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "reader",
        "reader@",
        "@example.org",
        "a@example.org, b@example.org",
        "a@example.org\r\nBcc: b@example.org",
        "a@example.org\nRCPT TO:<b@example.org>",
        "a..b@example.org",
        "a@-example.org",
        "a@[127.0.0.1]",
        "Reader <a@example.org",
        "<a@example.org>>",
        "é@example.org",
    ],
)
def test_addresses_refused_before_connecting(bad: str) -> None:
    with pytest.raises(ConfigError, match="--to"):
        build(to=[bad])


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text())
def test_no_sender_name_or_recipient_can_add_a_header(name: str, to: str) -> None:
    """Whatever BRIEF_FROM's name or --to holds, it is refused or stays inside its header."""
    try:
        msg = build(sender=f"{name} <brief@example.org>", to=[to])
    except ConfigError:
        return
    parsed = parse(msg.as_bytes())
    assert sorted(parsed.keys()) == sorted(build().keys())
    assert parsed["From"].addresses[0].addr_spec == "brief@example.org"


def test_no_recipient_is_an_error() -> None:
    with pytest.raises(ConfigError, match="at least one --to"):
        build(to=[])


# -- safety of the HTML -------------------------------------------------------------------------


def test_article_markup_is_never_live() -> None:
    html = html_of(build(HOSTILE))
    assert_inert(html)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # shown as text, not dropped
    assert '<a href="https://example.org" style=' in html


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(),
            st.sampled_from(
                [
                    "<script>",
                    "</script>",
                    "<img src=x onerror=alert(1)>",
                    '" onmouseover="x',
                    "[a](javascript:x)",
                    "<a href='javascript:x'>",
                    "`",
                    "\n\n",
                    "# ",
                    "> ",
                    "- ",
                    "<!--",
                    "<style>",
                    "&lt;script&gt;",
                ]
            ),
        ),
        max_size=12,
    ),
    st.booleans(),
)
def test_no_text_can_put_live_markup_in_the_email(pieces: list[str], escape: bool) -> None:
    text = "".join(pieces)
    assert_inert(mail.html(markup.escape(text) if escape else text, title=text))


# -- delivery to real servers -------------------------------------------------------------------


def test_delivers_one_message_with_both_parts() -> None:
    inbox = Inbox()
    msg = build(cc=["desk@example.org"])
    with serving(inbox) as port:
        receipt = mail.send(msg, plain(port), policy_for_tests()[0])
    assert receipt.attempts == 1 and receipt.recipients == (
        "reader@example.org",
        "desk@example.org",
    )
    [got] = inbox.received
    assert got.sender == "brief@example.org"
    assert got.recipients == ("reader@example.org", "desk@example.org")
    received = parse(got.data)
    assert received.get_content_type() == "multipart/alternative"
    assert text_of(received) == BRIEF and "<h2" in html_of(received)
    assert received["Message-ID"] == msg["Message-ID"] == receipt.message_id
    assert received["Subject"] == msg["Subject"]


def test_a_line_starting_with_a_dot_survives() -> None:
    inbox = Inbox()
    markdown = "# Dots\n\n.\n\n.. two\n\n. one\n"
    with serving(inbox) as port:
        mail.send(build(markdown), plain(port), policy_for_tests()[0])
    assert text_of(parse(inbox.received[0].data)) == markdown


def test_login_with_auth() -> None:
    inbox, logins = Inbox(), Logins("brief", "s3cret-pass")
    with serving(inbox, authenticator=logins, auth_require_tls=False) as port:
        mail.send(build(), plain(port, user="brief", password="s3cret-pass"), policy_for_tests()[0])
    assert logins.tries == [("brief", "s3cret-pass")] and len(inbox.received) == 1


def test_refused_login_is_permanent_and_never_shows_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    inbox, logins = Inbox(), Logins("brief", "right")
    policy, waits = policy_for_tests()
    with serving(inbox, authenticator=logins, auth_require_tls=False) as port:
        smtp = plain(port, user="brief", password="wrong-Pa55word")
        with pytest.raises(DeliveryError) as caught:
            mail.send(build(), smtp, policy)
    assert "refused the login of brief: 535" in str(caught.value)
    # smtplib tries each mechanism the server offers (PLAIN, LOGIN) in one session: no retry
    assert set(logins.tries) == {("brief", "wrong-Pa55word")} and waits == []
    assert not inbox.received
    shown = "".join(traceback.format_exception(caught.value)) + caplog.text + repr(smtp)
    assert "Pa55word" not in shown
    assert caught.value.__context__ is None and caught.value.__cause__ is None


def test_starttls_with_a_verified_certificate_and_auth(tmp_path: Path) -> None:
    cert = self_signed(tmp_path)
    inbox, logins = Inbox(), Logins("brief", "pw")
    with serving(
        inbox, tls_context=cert.server_context(), require_starttls=True, authenticator=logins
    ) as port:
        smtp = mail.SmtpSettings(
            host=HOST, port=port, user="brief", password="pw", cafile=cert.cert
        )
        receipt = mail.send(build(), smtp, policy_for_tests()[0])
    assert receipt.attempts == 1 and logins.tries == [("brief", "pw")]
    [got] = inbox.received
    assert got.tls


def test_an_unverifiable_certificate_is_refused_at_once(tmp_path: Path) -> None:
    cert = self_signed(tmp_path)
    inbox = Inbox()
    policy, waits = policy_for_tests()
    with serving(inbox, tls_context=cert.server_context(), require_starttls=True) as port:
        smtp = mail.SmtpSettings(host=HOST, port=port)  # trusts the system CAs only
        with pytest.raises(
            DeliveryError, match=r"certificate of 127\.0\.0\.1 could not be verified"
        ):
            mail.send(build(), smtp, policy)
    assert waits == [] and inbox.transactions == 0


def test_starttls_refused_when_the_server_does_not_offer_it() -> None:
    policy, waits = policy_for_tests()
    with serving(Inbox()) as port:
        smtp = mail.SmtpSettings(host=HOST, port=port, security="starttls")
        with pytest.raises(DeliveryError, match="does not offer STARTTLS") as caught:
            mail.send(build(), smtp, policy)
    assert waits == []
    # A plain relay works with `none`; `ssl` (TLS from the start, port 465) is for another server.
    assert "for a plain local relay set BRIEF_SMTP_SECURITY=none" in str(caught.value)
    assert "BRIEF_SMTP_SECURITY=ssl (port 465)" in str(caught.value)


def test_implicit_tls(tmp_path: Path) -> None:
    cert = self_signed(tmp_path)
    inbox = Inbox()
    with serving(inbox, ssl_context=cert.server_context()) as port:
        smtp = mail.SmtpSettings(host=HOST, port=port, security="ssl", cafile=cert.cert)
        mail.send(build(), smtp, policy_for_tests()[0])
    assert len(inbox.received) == 1


def test_421_twice_then_250_delivers_exactly_once() -> None:
    inbox = Inbox(data_replies=["421 4.3.2 busy, try again", "421 4.3.2 still busy"])
    policy, waits = policy_for_tests(attempts=5, first_wait=1, jitter=0.5)
    with serving(inbox) as port:
        receipt = mail.send(build(), plain(port), policy)
    assert receipt.attempts == 3 and inbox.data_commands == 3
    assert len(inbox.received) == 1
    assert len(waits) == 2 and 1 <= waits[0] <= 1.5 < 2 <= waits[1] <= 3  # exponential, jittered


def test_550_is_one_attempt_and_a_clear_error(tmp_path: Path) -> None:
    inbox = Inbox(data_replies=["550 5.7.1 message refused as spam"] * 3)
    policy, waits = policy_for_tests()
    with serving(inbox) as port, pytest.raises(DeliveryError) as caught:
        mail.send(build(), plain(port), policy, outbox=tmp_path / "outbox")
    message = str(caught.value)
    assert message.startswith(f"{HOST}:{port} answered 550 5.7.1 message refused as spam")
    assert "\n" not in message and "(1 attempts)" not in message
    assert inbox.data_commands == 1 and waits == [] and not inbox.received
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_a_refused_recipient_stops_the_send_for_everyone() -> None:
    inbox = Inbox(refuse={"gone@example.org": "550 5.1.1 no such user"})
    policy, waits = policy_for_tests()
    with serving(inbox) as port, pytest.raises(DeliveryError) as caught:
        mail.send(build(to=["reader@example.org", "gone@example.org"]), plain(port), policy)
    assert "refused the recipient gone@example.org: 550 5.1.1 no such user" in str(caught.value)
    assert inbox.data_commands == 0 and waits == []


def test_server_down_retries_a_bounded_number_of_times_then_keeps_the_message(
    tmp_path: Path,
) -> None:
    outbox = tmp_path / "outbox"
    policy, waits = policy_for_tests(attempts=3)
    msg = build()
    with refused_port() as port, pytest.raises(DeliveryError) as caught:
        mail.send(msg, plain(port), policy, outbox=outbox)
    assert f"could not connect to {HOST}:{port}: connection refused (3 attempts)" in str(
        caught.value
    )
    assert f"`brief send --outbox --out {tmp_path}` sends it later" in str(caught.value)
    assert len(waits) == 2
    [kept] = outbox.glob("*.eml")
    assert kept.name.startswith("2026-11-22-")

    inbox = Inbox()
    with serving(inbox) as port:
        [receipt] = mail.send_outbox(outbox, plain(port), policy)
    assert receipt.message_id == msg["Message-ID"] and len(inbox.received) == 1
    assert parse(inbox.received[0].data)["Message-ID"] == msg["Message-ID"]
    assert list(outbox.glob("*.eml")) == [] and not (outbox / "unconfirmed").exists()


def test_retries_stop_at_the_time_budget() -> None:
    policy, waits = policy_for_tests(attempts=10, total_seconds=5, first_wait=2, jitter=0)
    with refused_port() as port, pytest.raises(DeliveryError, match=r"\(3 attempts\)"):
        mail.send(build(), plain(port), policy)
    assert waits == [2, 4]  # the next wait (8 s) would pass the 5 s budget


def test_outbox_stops_at_an_outage_and_keeps_everything(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    for reader in ("a@example.org", "b@example.org"):
        mail.keep(build(to=[reader]), outbox)
    policy, waits = policy_for_tests(attempts=2)
    with refused_port() as port, pytest.raises(DeliveryError) as caught:
        mail.send_outbox(outbox, plain(port), policy)
    assert str(caught.value).startswith(f"sent 0 of 2 messages from {outbox}, 2 still wait there")
    assert len(waits) == 1 and len(list(outbox.glob("*.eml"))) == 2


def test_outbox_messages_are_claimed_while_they_are_sent(tmp_path: Path) -> None:
    """A message being sent sits in unconfirmed/: killed mid-send, brief never resends it."""
    outbox = tmp_path / "outbox"
    mail.keep(build(), outbox)
    seen: list[tuple[int, int]] = []

    class Watching(Inbox):
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            waiting, claimed = outbox.glob("*.eml"), outbox.glob("unconfirmed/*.eml")
            seen.append((len(list(waiting)), len(list(claimed))))
            return await super().handle_DATA(server, session, envelope)

    inbox = Watching(data_replies=["421 4.3.2 busy"])
    with serving(inbox) as port:
        mail.send_outbox(outbox, plain(port), policy_for_tests()[0])
    assert seen == [(0, 1), (0, 1)] and len(inbox.received) == 1
    assert list(outbox.rglob("*.eml")) == []


def test_outbox_message_left_unconfirmed_is_not_sent_again(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    mail.keep(build(to=["a@example.org"]), outbox)
    mail.keep(build(to=["b@example.org"]), outbox)
    with Scripted("before-reply").running() as server, pytest.raises(DeliveryError) as caught:
        mail.send_outbox(outbox, plain(server.port), policy_for_tests()[0])
    assert "sent 0 of 2 messages" in str(caught.value) and "1 still wait" in str(caught.value)
    assert len(list(outbox.glob("*.eml"))) == 1 and len(list(outbox.glob("unconfirmed/*"))) == 1
    inbox = Inbox()
    with serving(inbox) as port:
        mail.send_outbox(outbox, plain(port), policy_for_tests()[0])
    assert len(inbox.received) == 1 and len(list(outbox.glob("unconfirmed/*"))) == 1


def test_a_message_is_delivered_once_whether_sent_by_hand_or_from_the_outbox(
    tmp_path: Path,
) -> None:
    """Fails, then by hand, then --outbox; and fails, then --outbox, then by hand: once each."""
    policy = policy_for_tests(attempts=1)[0]
    for order in (("send", "outbox"), ("outbox", "send")):
        outbox = tmp_path / "-".join(order) / "outbox"
        msg = build()
        with refused_port() as port, pytest.raises(DeliveryError, match="kept in"):
            mail.send(msg, plain(port), policy, outbox=outbox)
        inbox = Inbox()
        with serving(inbox) as port:
            for step in order:
                if step == "send":
                    receipt = mail.send(msg, plain(port), policy, outbox=outbox)
                    assert receipt.already == (order[0] == "outbox")
                else:
                    mail.send_outbox(outbox, plain(port), policy)
        assert len(inbox.received) == 1, order
        assert list(outbox.rglob("*.eml")) == []
        with serving(inbox) as port:  # asked for, it goes again
            assert not mail.send(msg, plain(port), policy, outbox=outbox, force=True).already
        assert len(inbox.received) == 2


def test_the_outbox_and_its_records_stay_private(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    kept = mail.keep(build(), outbox)
    assert kept.stat().st_mode & 0o777 == 0o600
    with serving(Inbox()) as port:
        mail.send_outbox(outbox, plain(port), policy_for_tests()[0])
    [record] = (outbox / "sent").glob("*.json")
    assert record.stat().st_mode & 0o777 == 0o600


def test_an_empty_or_missing_outbox_sends_nothing(tmp_path: Path) -> None:
    assert mail.send_outbox(tmp_path / "outbox", plain(1)) == ()


def test_no_reply_after_the_whole_message_is_not_retried(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    policy, waits = policy_for_tests()
    with Scripted("before-reply").running() as server, pytest.raises(DeliveryError) as caught:
        mail.send(build(), plain(server.port), policy, outbox=outbox)
    assert "may have been delivered; not retried" in str(caught.value)
    assert server.sessions == 1 and len(server.messages) == 1 and waits == []
    assert list(outbox.glob("*.eml")) == [] and len(list(outbox.glob("unconfirmed/*.eml"))) == 1


def test_a_broken_goodbye_after_250_is_a_delivery() -> None:
    policy, _ = policy_for_tests()
    with Scripted("at-quit").running() as server:
        receipt = mail.send(build(), plain(server.port), policy)
    assert receipt.attempts == 1 and server.sessions == 1 and len(server.messages) == 1


def test_send_without_a_host_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="BRIEF_SMTP_HOST"):
        mail.send(build(), mail.SmtpSettings())


# -- files -------------------------------------------------------------------------------------


def test_dry_run_writes_the_eml_next_to_the_brief(tmp_path: Path) -> None:
    brief = tmp_path / "2026-11-22-storm.md"
    brief.write_text(BRIEF, encoding="utf-8")
    receipt = mail.send_file(
        brief, to=["reader@example.org"], dry_run=True, env={"BRIEF_FROM": "brief@example.org"}
    )
    assert receipt.eml == tmp_path / "2026-11-22-storm.eml" and receipt.attempts == 0
    written = parse(receipt.eml.read_bytes())
    assert written["Subject"] == "Storm Ana makes landfall — 22 November 2026"
    assert text_of(written) == BRIEF


def test_a_dry_run_never_silently_replaces_another_message(tmp_path: Path) -> None:
    brief = tmp_path / "2026-11-22-storm.md"
    brief.write_text(BRIEF, encoding="utf-8")
    env = {"BRIEF_FROM": "brief@example.org"}
    first = mail.send_file(brief, to=["reader@example.org"], dry_run=True, env=env)
    again = mail.send_file(brief, to=["reader@example.org"], dry_run=True, env=env)
    assert again.eml == first.eml and again.message_id == first.message_id  # the same message
    assert first.eml is not None
    before = first.eml.read_bytes()
    with pytest.raises(OutputError, match="holds another message"):
        mail.send_file(brief, to=["desk@example.org"], dry_run=True, env=env)
    assert first.eml.read_bytes() == before
    other = mail.send_file(brief, to=["desk@example.org"], dry_run=True, force=True, env=env)
    assert parse(first.eml.read_bytes())["Message-ID"] == other.message_id


@pytest.mark.parametrize("name", ["2026-11-22-storm.json", "2026-11-22-storm.html", "notes.txt"])
def test_only_a_markdown_brief_is_sent(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('{"schema": "brief/1"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a brief's Markdown file"):
        mail.send_file(path, to=["reader@example.org"], dry_run=True, env={"BRIEF_FROM": "b@x.org"})
    assert list(tmp_path.glob("*.eml")) == []


def test_a_dry_runs_eml_follows_the_umask(tmp_path: Path) -> None:
    brief = tmp_path / "2026-11-22-storm.md"
    brief.write_text(BRIEF, encoding="utf-8")
    old = os.umask(0o022)
    try:
        receipt = mail.send_file(
            brief, to=["r@example.org"], dry_run=True, env={"BRIEF_FROM": "b@example.org"}
        )
    finally:
        os.umask(old)
    assert receipt.eml is not None and receipt.eml.stat().st_mode & 0o777 == 0o644


def test_send_file_delivers_and_keeps_failures_in_the_outbox(tmp_path: Path) -> None:
    brief = tmp_path / "2026-11-22-storm.md"
    brief.write_text(BRIEF, encoding="utf-8")
    inbox = Inbox()
    with serving(inbox) as port:
        env = {
            "BRIEF_SMTP_HOST": HOST,
            "BRIEF_SMTP_PORT": str(port),
            "BRIEF_SMTP_SECURITY": "none",
            "BRIEF_FROM": "brief@example.org",
        }
        receipt = mail.send_file(brief, to=["reader@example.org"], subject="Today", env=env)
    assert receipt.subject == "Today" and len(inbox.received) == 1
    with refused_port() as port:
        env |= {"BRIEF_SMTP_PORT": str(port), "BRIEF_SMTP_ATTEMPTS": "1"}
        with pytest.raises(DeliveryError, match="outbox"):
            mail.send_file(brief, to=["reader@example.org"], env=env)
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


@pytest.mark.parametrize(
    ("env", "error"),
    [({}, "BRIEF_FROM"), ({"BRIEF_FROM": "brief at example.org"}, "BRIEF_FROM")],
)
def test_send_file_needs_a_valid_sender(tmp_path: Path, env: dict[str, str], error: str) -> None:
    brief = tmp_path / "b.md"
    brief.write_text(BRIEF, encoding="utf-8")
    with pytest.raises(ConfigError, match=error):
        mail.send_file(brief, to=["reader@example.org"], dry_run=True, env=env)


def test_send_file_missing_brief(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        mail.send_file(tmp_path / "nope.md", to=["r@example.org"], env={})


# -- the command line, as a new user runs it ---------------------------------------------------


def brief_cli(
    *args: str, cwd: Path, port: int | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """`brief ...` in a fresh process, SMTP settings from the environment as a user sets them."""
    settings = {
        "BRIEF_SMTP_HOST": HOST,
        "BRIEF_SMTP_PORT": str(port or 25),
        "BRIEF_SMTP_SECURITY": "none",
        "BRIEF_FROM": "brief@example.org",
        "BRIEF_SMTP_RETRY_WAIT": "0",  # the retry policy, injected: no real waits
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    return subprocess.run(
        [sys.executable, "-c", "from brief.cli import main; main()", *args],
        cwd=cwd,
        env=clean | {"NLTK_DATA": str(cwd / "no-nltk-data")} | settings | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "2026-11-22-storm-ana-makes-landfall.md"
    path.parent.mkdir()
    path.write_text(BRIEF + "\nAn article said <script>alert(1)</script> and <b>bold</b>.\n")
    return path


def test_cli_send_delivers_one_message(brief_file: Path, tmp_path: Path) -> None:
    inbox = Inbox()
    with serving(inbox) as port:
        done = brief_cli(
            "send", str(brief_file), "--to", "reader@example.org", cwd=tmp_path, port=port
        )
    assert done.returncode == 0, done.stderr
    [got] = inbox.received
    msg = parse(got.data)
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "<h1" in html_of(msg) and "<h2" in html_of(msg)
    assert_inert(html_of(msg))
    assert msg["Subject"] == "Storm Ana makes landfall — 22 November 2026"
    assert msg["Date"] and done.stdout.strip() == msg["Message-ID"]


def test_cli_send_421_421_250_exits_0_after_three_attempts(
    brief_file: Path, tmp_path: Path
) -> None:
    inbox = Inbox(data_replies=["421 4.3.2 busy"] * 2)
    with serving(inbox) as port:
        done = brief_cli("send", str(brief_file), "--to", "r@example.org", cwd=tmp_path, port=port)
    assert done.returncode == 0, done.stderr
    assert inbox.data_commands == 3 and len(inbox.received) == 1
    assert done.stderr.count("Warning: delivery attempt") == 2
    assert "after 3 attempts" in done.stderr


def test_cli_send_550_is_one_error_line(brief_file: Path, tmp_path: Path) -> None:
    inbox = Inbox(data_replies=["550 5.7.1 refused as spam"])
    with serving(inbox) as port:
        done = brief_cli("send", str(brief_file), "--to", "r@example.org", cwd=tmp_path, port=port)
    assert done.returncode == DeliveryError.exit_code
    [line] = done.stderr.splitlines()
    assert line.startswith(f"Error: {HOST}:{port} answered 550 5.7.1 refused as spam")
    assert "Traceback" not in done.stderr and inbox.data_commands == 1


def test_cli_server_down_then_outbox(brief_file: Path, tmp_path: Path) -> None:
    with refused_port() as port:
        done = brief_cli("send", str(brief_file), "--to", "r@example.org", cwd=tmp_path, port=port)
    assert done.returncode == DeliveryError.exit_code
    assert "connection refused (5 attempts)" in done.stderr and "Traceback" not in done.stderr
    assert len(list((tmp_path / "out" / "outbox").glob("*.eml"))) == 1
    inbox = Inbox()
    with serving(inbox) as port:
        done = brief_cli("send", "--outbox", cwd=tmp_path, port=port)
    assert done.returncode == 0, done.stderr
    assert len(inbox.received) == 1 and list((tmp_path / "out" / "outbox").rglob("*.eml")) == []


def test_cli_send_twice_delivers_once(brief_file: Path, tmp_path: Path) -> None:
    inbox = Inbox()
    with serving(inbox) as port:
        args = ("send", str(brief_file), "--to", "r@example.org")
        first, second = (brief_cli(*args, cwd=tmp_path, port=port) for _ in range(2))
    assert first.returncode == second.returncode == 0, second.stderr
    assert len(inbox.received) == 1 and second.stdout == ""
    assert "already went to r@example.org (use --force to send it again)" in second.stderr


def test_cli_send_refuses_a_json_brief(tmp_path: Path) -> None:
    path = tmp_path / "out" / "2026-11-22-storm.json"
    path.parent.mkdir()
    path.write_text('{"schema": "brief/1", "title": "Storm"}\n')
    done = brief_cli("send", str(path), "--to", "r@example.org", "--dry-run", cwd=tmp_path)
    assert done.returncode == InputError.exit_code
    assert done.stderr.startswith(f"Error: {path} is not a brief's Markdown file")
    assert not path.with_suffix(".eml").exists()


def test_cli_dry_run_and_bad_address(brief_file: Path, tmp_path: Path) -> None:
    done = brief_cli("send", str(brief_file), "--to", "r@example.org", "--dry-run", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == brief_file.with_suffix(".eml")
    done = brief_cli(
        "send", str(brief_file), "--to", "r@example.org\nBcc: x@example.org", cwd=tmp_path
    )
    assert done.returncode == ConfigError.exit_code
    assert done.stderr.startswith("Error: --to") and len(done.stderr.splitlines()) == 1


ARTICLES = {
    "a.txt": """Storm Ana hits Port Elden <script>alert(1)</script>

Storm Ana came ashore near Port Elden early on Saturday, cutting power to 200,000 homes \
<img src=x onerror=alert(2)>, officials said.
The harbour master said <b onmouseover="alert(3)">water levels</b> were the highest ever \
recorded at the port.
Rail lines will reopen on Monday <script>document.write('x')</script> after crews clear debris.
Forecasters expect the storm to weaken as it moves inland over the coming days.
""",
    "b.txt": """Port Elden counts the cost of Storm Ana

Storm Ana came ashore near Port Elden on Saturday, cutting power to 200,000 homes, officials said.
Winds reached 140 km/h at the coast <iframe src="https://evil.example"></iframe>, the weather \
service said.
"We have never seen water this high," said the harbour master <a href="javascript:x()">link</a>.
Forecasters expect the storm to weaken as it moves inland.
""",
}


def test_cli_build_email_sends_the_brief_with_article_markup_dead(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    inbox = Inbox()
    with serving(inbox) as port:
        done = brief_cli(
            *("build", "articles", "--date", "2026-11-21", "--email", "reader@example.org"),
            cwd=tmp_path,
            port=port,
        )
    assert done.returncode == 0, done.stderr
    [got] = inbox.received
    msg = parse(got.data)
    [written] = (tmp_path / "out").glob("*.md")
    assert text_of(msg) == written.read_text(encoding="utf-8")
    assert msg["Subject"].endswith(" — 21 November 2026")
    html = html_of(msg)
    assert_inert(html)
    assert "&lt;script&gt;" in html and "<h1" in html and "<h2" in html
