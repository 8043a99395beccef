"""The message: a brief's Markdown -> one multipart/alternative email, safe to hand over.

The text/plain part is the Markdown; the text/html part is rendered from it (raw HTML off, inline
styles from templates/email.html.j2). Addresses are checked and header values kept to one line.
The Message-ID is derived from the content and addresses, so a brief sent again, from the outbox
or by a second run, is the same message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from brief import markup, render
from brief.errors import ConfigError

# The date of a brief is in the first lines of its Markdown (headline, dateline); deeper
# lines quote articles, whose dates are not the brief's.
HEADER_LINES = 10
MONTHS = (
    "January February March April May June July August September October November December"
).split()


LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
ADDR_SPEC = re.compile(rf"(?P<local>{LOCAL}(?:\.{LOCAL})*)@(?P<domain>{LABEL}(?:\.{LABEL})*)")
NAMED = re.compile(r"(?P<name>[^<>]*?)\s*<(?P<spec>[^<>]*)>")
MAX_ADDRESS = 254  # RFC 5321 4.5.3.1.3: a path holds at most 256 octets with its brackets
HEADLINE = re.compile(r"^#[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
ISO_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


# CPython's header folder can split an RFC 2047 encoded word across lines when it folds a long
# non-ASCII header at the default 78 columns, and the subject then reads back garbled (found by
# a hypothesis test). Headers are kept on one line instead: RFC 5322 allows up to 998 characters,
# and subjects are capped well below that.
WIRE = policy.SMTP.clone(max_line_length=998)
FILE = policy.default.clone(max_line_length=998)  # .eml files: the same, with \n lines
SUBJECT_MAX = 200


def address(text: str, what: str = "address") -> Address:
    """One email address (``a@example.org`` or ``Name <a@example.org>``), checked strictly."""
    raw = text.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise ConfigError(f"{what} {raw!r} holds a line break or control character")
    named = NAMED.fullmatch(raw)
    name, spec = (named["name"].strip().strip('"'), named["spec"].strip()) if named else ("", raw)
    found = ADDR_SPEC.fullmatch(spec)
    if not found or len(spec) > MAX_ADDRESS:
        raise ConfigError(f"{what} {raw!r} is not an email address: use name@example.org")
    return Address(display_name=name, username=found["local"], domain=found["domain"])


def one_line(text: str) -> str:
    """Text fit for a header: every run of white space (line breaks too) becomes one space."""
    return " ".join(text.split())


def subject_line(text: str) -> str:
    """A subject: one line, at most SUBJECT_MAX characters (cut at a word, with an ellipsis)."""
    line = one_line(text)
    if len(line) <= SUBJECT_MAX:
        return line
    return line[: SUBJECT_MAX - 1].rsplit(" ", 1)[0].rstrip() + "…"


def default_subject(markdown: str, name: str = "", today: dt.date | None = None) -> str:
    """``<headline> — <date>``: the first ``# `` line and the date in ``name`` or the Markdown."""
    found = HEADLINE.search(markdown)
    headline = one_line(MD_ESCAPE.sub(r"\1", found["text"])) if found else "Brief"
    day = _date(Path(name).name) or _date("\n".join(markdown.splitlines()[:HEADER_LINES]))
    day = day or today or dt.date.today()
    return f"{headline} — {day.day} {MONTHS[day.month - 1]} {day.year}"


def _date(text: str) -> dt.date | None:
    for candidate in ISO_DATE.findall(text):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def message(
    markdown: str,
    *,
    sender: str,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str | None = None,
    date: dt.datetime | None = None,
) -> EmailMessage:
    """The brief as one multipart/alternative message: the Markdown and HTML rendered from it.

    The same arguments give the same bytes: the Message-ID and MIME boundary are digests of
    the content and addresses, so a brief sent again is recognisably the same message.
    """
    origin = address(sender, "sender (BRIEF_FROM)")
    readers = tuple(address(a, "the `to` setting") for a in to)
    copies = tuple(address(a, "the `cc` setting") for a in cc)
    if not readers:
        raise ConfigError("no recipient: give at least one address in the `to` setting")
    when = (date or dt.datetime.now(dt.UTC)).astimezone()
    title = subject_line(subject or "") or subject_line(
        default_subject(markdown, today=when.date())
    )
    headers = {
        "Subject": title,
        "From": origin,
        "To": readers,
        "Cc": copies,
        "Date": format_datetime(when),
        "Auto-Submitted": "auto-generated",  # RFC 3834: no vacation auto-replies to a cron job
    }
    # Not the Date: the same brief to the same readers keeps its id when sent again, and mail
    # stores that drop a second copy of one Message-ID (Gmail does) show it once.
    digest = _digest(markdown, *(str(headers[k]) for k in ("Subject", "From", "To", "Cc")))
    msg = EmailMessage()
    for key, value in headers.items():
        if value:
            msg[key] = value
    msg["Message-ID"] = f"<{digest[:32]}@{origin.domain}>"
    msg.set_content(markdown, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(
        html(markdown, title), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    msg.set_boundary(f"brief-{digest[32:56]}")  # a digest of the content cannot occur in it
    for part in msg.iter_parts():
        del part["MIME-Version"]  # add_alternative copies it into the part; it belongs on top
    return msg


def html(markdown: str, title: str) -> str:
    """A whole HTML email document for ``markdown`` (templates/email.html.j2)."""
    body = Markup(markup.to_styled_html(markdown, _styles()))  # markdown-it escaped all text
    return _template().render(title=title, body=body)


@cache
def _styles() -> dict[str, str]:
    """The template's ``styles`` table: tag -> inline CSS, so layout stays in the template."""
    module = _template().make_module({"title": "", "body": ""})
    return dict(module.styles)  # type: ignore[attr-defined]


def _template() -> jinja2.Template:
    template: jinja2.Template = render.environment().get_template("email.html.j2")
    return template


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
