"""brief.mail against hostile SMTP servers and a damaged outbox: bounded, named, sent once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from brief.errors import DeliveryError
from brief.mail import outbox as mail
from brief.mail import smtp
from tests.mail.test_outbox import build, plain, policy_for_tests
from tests.servers.hostile_smtp import Busy, Garbled, Slowly, Stalling, dripping
from tests.servers.smtp import Inbox, serving


def test_a_server_that_stalls_after_the_data_is_not_retried_and_kept_unconfirmed(
    tmp_path: Path,
) -> None:
    outbox = tmp_path / "outbox"
    started = time.monotonic()
    with serving(Stalling(seconds=3.0)) as port, pytest.raises(DeliveryError) as caught:
        mail.send(build(), plain(port, timeout=0.5), policy_for_tests()[0], outbox=outbox)
    assert time.monotonic() - started < 3
    assert "may have been delivered" in str(caught.value)
    assert len(list(outbox.glob("unconfirmed/*.eml"))) == 1


def test_a_server_dripping_its_greeting_is_cut_off_per_session(tmp_path: Path) -> None:
    policy, _ = policy_for_tests(attempts=2)
    started = time.monotonic()
    with (
        dripping() as port,
        pytest.raises(DeliveryError, match=r"took over 2.5 s for one session .*2 attempts"),
    ):
        mail.send(build(), plain(port, timeout=0.5), policy, outbox=tmp_path / "outbox")
    took = time.monotonic() - started  # two sessions of 5 timeouts (2.5 s) each, not hours
    assert took < 2 * 0.5 * smtp.SESSION_TIMEOUTS + 3
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_a_server_busy_forever_costs_a_bounded_number_of_attempts(tmp_path: Path) -> None:
    busy = Busy()
    policy, waits = policy_for_tests(attempts=3)
    with serving(busy) as port, pytest.raises(DeliveryError, match="421"):
        mail.send(build(), plain(port), policy, outbox=tmp_path / "outbox")
    assert busy.transactions == 3 and len(waits) == 2
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_a_reply_code_no_rfc_defines_is_a_clear_failure() -> None:
    with serving(Garbled()) as port, pytest.raises(DeliveryError, match="999"):
        mail.send(build(), plain(port), policy_for_tests()[0])


def test_a_malformed_message_does_not_block_the_others_and_is_named(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    (outbox / "0000-broken.eml").write_bytes(b"Subject: no sender, no recipient\n\nbody\n")
    mail.keep(build(to=["a@example.org"]), outbox)
    mail.keep(build(to=["b@example.org"]), outbox)
    inbox = Inbox()
    with serving(inbox) as port, pytest.raises(DeliveryError) as caught:
        mail.send_outbox(outbox, plain(port), policy_for_tests()[0])
    message = str(caught.value)
    assert message.startswith(f"sent 2 of 3 messages from {outbox}, 0 still wait there")
    assert "0000-broken.eml" in message and "From" in message
    assert sorted(r.recipients for r in inbox.received) == [("a@example.org",), ("b@example.org",)]
    assert [p.name for p in (outbox / mail.REJECTED).iterdir()] == ["0000-broken.eml"]
    assert list(outbox.glob("*.eml")) == []


def test_two_flushes_at_once_send_each_message_once(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    for n in range(8):
        mail.keep(build(to=[f"reader{n}@example.org"]), outbox)
    inbox = Slowly()
    errors: list[BaseException] = []
    sent: list[int] = []
    with serving(inbox) as port:

        def flush() -> None:
            try:
                sent.append(len(mail.send_outbox(outbox, plain(port), policy_for_tests()[0])))
            except BaseException as error:  # reported by the assertion below
                errors.append(error)

        workers = [threading.Thread(target=flush) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=30)
    assert errors == []
    assert sum(sent) == 8 and len(inbox.received) == 8
    assert len({r.recipients for r in inbox.received}) == 8
    assert list(outbox.rglob("*.eml")) == []
