"""brief.web.extract: our own news pages -> Articles; stubs, teasers and empty pages are refused."""

from __future__ import annotations

import pytest

from brief.errors import FetchError
from brief.web import extract
from brief.web.fetch import Page
from tests.servers.web import WEB


def page(name: str) -> Page:
    url = f"http://127.0.0.1:8000/{name}"
    return Page(url, url, "text/html", (WEB / name).read_bytes())


def test_reads_title_outlet_date_author_and_text() -> None:
    article = extract.article(page("gazette/storm-ellis.html"))
    assert article.title == "Storm Ellis cuts power to 40,000 homes on the northern coast"
    assert (article.outlet, article.published, article.author) == (
        "The Harbour Gazette",
        "2026-11-20",
        "Mara Quill",
    )
    assert (article.url, article.path) == ("http://127.0.0.1:8000/gazette/storm-ellis.html", None)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Storm Ellis cut power to about 40,000 homes")
    assert len(paragraphs) == 6
    for boilerplate in ("Home", "By Mara Quill", "All rights reserved", "About us"):
        assert boilerplate not in article.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("gazette/paywalled.html", "a paywall stub ('Subscribe to read')"),
        ("courier/teaser.html", "a teaser or a stub"),
        ("valley/empty.html", "no article text found"),
    ],
)
def test_pages_without_an_article_are_refused_with_the_reason(name: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason.replace("(", r"\(").replace(")", r"\)")) as info:
        extract.article(page(name))
    assert str(info.value).startswith(f"http://127.0.0.1:8000/{name}: ")
    assert "skipped" not in str(info.value)  # the caller says "skipped", once


def article_html(paragraphs: int, extra: str = "") -> bytes:
    body = "".join(
        f"<p>On day {n} of the works, crews laid {n * 40} metres of new track along the canal, "
        f"and the council said section {n} would be finished on time.</p>"
        for n in range(1, paragraphs + 1)
    )
    return f"<html><body><article>{body}{extra}</article></body></html>".encode()


def test_a_long_article_with_a_subscription_appeal_is_kept() -> None:
    url = "http://127.0.0.1:8000/tram.html"
    appeal = "<p>Subscribe to read more stories like this one every morning.</p>"
    article = extract.article(Page(url, url, "text/html", article_html(15, appeal)))
    assert "section 15 would be finished" in article.text


def test_the_host_name_stands_in_for_an_unnamed_outlet() -> None:
    url = "https://www.example.org/bridge"
    article = extract.article(Page(url, url, "text/html", article_html(4)))
    assert article.outlet == "example.org"
