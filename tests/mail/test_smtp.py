"""brief.mail.smtp: settings from the environment and brief.toml, the retry policy, and which
failures are worth another try. Delivery to real servers is in test_mail.py."""

from __future__ import annotations

import smtplib
import socket
import ssl
from pathlib import Path

import pytest

from brief import config
from brief.errors import ConfigError
from brief.mail import smtp


def test_settings_from_file_overridden_by_environment(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_text(
        '[smtp]\nhost = "smtp.example.org"\nport = 2525\nuser = "u"\npassword = "file-secret"\n'
        'from = "brief@example.org"\n',
        encoding="utf-8",
    )
    got = config.load(
        path, env={"BRIEF_SMTP_PASSWORD": "env-secret", "BRIEF_SMTP_PORT": "587"}
    ).smtp
    assert (got.host, got.port, got.security, got.user) == (
        "smtp.example.org",
        587,
        "starttls",
        "u",
    )
    assert got.password == "env-secret" and got.sender == "brief@example.org"
    assert "secret" not in repr(got) and "secret" not in str(got)


def test_settings_from_environment_alone() -> None:
    env = {
        "BRIEF_SMTP_HOST": "smtp.example.org",
        "BRIEF_SMTP_SECURITY": "SSL",
        "BRIEF_FROM": "b@x.org",
    }
    got = config.load(None, env=env).smtp
    assert (got.port, got.security, got.sender) == (465, "ssl", "b@x.org")
    assert config.load(None, env={}).smtp == smtp.SmtpSettings()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BRIEF_SMTP_SECURITY": "tls"}, "use starttls, ssl, none"),
        ({"BRIEF_SMTP_PORT": "smtp"}, "BRIEF_SMTP_PORT must be a whole number"),
        ({"BRIEF_SMTP_PORT": "70000"}, "not a port number"),
        ({"BRIEF_SMTP_USER": "u"}, "set both BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD"),
        ({"BRIEF_SMTP_CAFILE": "/nonexistent/ca.pem"}, "is not a file"),
        ({"BRIEF_SMTP_TIMEOUT": "0"}, "seconds above 0"),
        ({"BRIEF_SMTP_USER": "u", "BRIEF_SMTP_PASSWORD": "pässword"}, "must be ASCII"),
        (
            {
                "BRIEF_SMTP_HOST": "smtp.example.org",
                "BRIEF_SMTP_SECURITY": "none",
                "BRIEF_SMTP_USER": "u",
                "BRIEF_SMTP_PASSWORD": "p",
            },
            "refusing to send the SMTP password unencrypted",
        ),
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config.load(None, env=env)


def test_unknown_key_in_config_file(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_text('[smtp]\npasword = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting pasword"):
        config.load(path, env={})


def test_retry_policy_is_configurable() -> None:
    env = {
        "BRIEF_SMTP_ATTEMPTS": "2",
        "BRIEF_SMTP_RETRY_SECONDS": "30",
        "BRIEF_SMTP_RETRY_WAIT": "0",
    }
    assert config.load(None, env=env).retry == smtp.RetryPolicy(
        attempts=2, total_seconds=30, first_wait=0
    )
    with pytest.raises(ConfigError):
        config.load(None, env={"BRIEF_SMTP_ATTEMPTS": "0"})


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ConnectionRefusedError(111, "Connection refused"), True),
        (ConnectionResetError(104, "Connection reset"), True),
        (TimeoutError("timed out"), True),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPConnectError(421, b"busy"), True),
        (smtplib.SMTPDataError(451, b"try later"), True),
        (smtplib.SMTPRecipientsRefused({"a@x.org": (450, b"greylisted")}), True),
        (smtplib.SMTPDataError(554, b"rejected"), False),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False),
        (smtplib.SMTPSenderRefused(553, b"not yours", "a@x.org"), False),
        (
            smtplib.SMTPRecipientsRefused({"a@x.org": (450, b"later"), "b@x.org": (550, b"no")}),
            False,
        ),
        (smtplib.SMTPNotSupportedError("STARTTLS extension not supported by server."), False),
        (ssl.SSLCertVerificationError("certificate verify failed"), False),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), False),
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), True),
    ],
)
def test_transient_or_permanent(error: BaseException, expected: bool) -> None:
    assert smtp.transient(error) is expected


def test_waits_grow_exponentially_with_bounded_jitter() -> None:
    policy = smtp.RetryPolicy(first_wait=2, max_wait=10, jitter=0.5)

    class State:
        attempt_number = 0

    state = State()
    for attempt, base in [(1, 2), (2, 4), (3, 8), (4, 10), (9, 10)]:
        state.attempt_number = attempt
        assert base <= policy.wait(state) <= base * 1.5  # type: ignore[arg-type]


def test_a_mistyped_password_is_never_echoed(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_text("[smtp]\nuser = 'u'\npassword = 918273645\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="password in") as caught:
        config.load(path, env={})
    assert "918273645" not in str(caught.value)
