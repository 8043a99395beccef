"""brief.daily.digest: a golden digest of our pages (3 stories x 3 outlets), and its contract."""

from __future__ import annotations

import json
from pathlib import Path

from brief.daily import digest
from brief.daily import run as daily
from brief.errors import FetchError
from brief.web import extract
from brief.web.fetch import Page
from tests.checks import conforms
from tests.servers.web import WEB

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
DATE = "2026-11-21"


def day() -> digest.Digest:
    """Every story page of tests/data/web, as if fetched from the outlets' own sites."""
    articles = []
    for path in sorted(WEB.glob("*/*.html")):
        url = f"https://{path.parent.name}.example/{path.stem}"
        try:
            articles.append(extract.article(Page(url, url, "text/html", path.read_bytes())))
        except FetchError:  # the stub, teaser and empty pages: tested in test_extract
            continue
    return daily.compose(articles, daily.plan({"urls": ["-"]}), DATE)


def test_digest_golden(update_golden: bool) -> None:
    got = digest.markdown(day())
    path = GOLDEN / f"daily-{DATE}.md"
    if update_golden:
        path.write_text(got, "utf-8")
    assert got == path.read_text("utf-8")


def test_contents_list_every_story_in_rank_order_and_each_story_cites_its_outlets() -> None:
    made = day()
    md = digest.markdown(made)
    contents = md.split("## Contents")[1].split("---")[0]
    titles = [s.brief.title for s in made.stories]
    assert [
        line.split(". ", 1)[1].split(" (")[0] for line in contents.split("\n") if line
    ] == titles
    for story in made.stories:
        assert len(story.outlets) == 3
        assert {s.outlet for s in story.brief.sources} == set(story.outlets)
    assert made.dropped == 1  # the science wing: one outlet only


def test_json_carries_each_brief_as_a_brief_1_object() -> None:
    data = json.loads(digest.json(day()))
    conforms(data)
    assert data["schema"] == "brief-daily/1"
    assert [s["rank"] for s in data["stories"]] == [1, 2, 3]
    assert {s["brief"]["schema"] for s in data["stories"]} == {"brief/1"}
    copies = [c for s in data["stories"] for c in s["copies"]]
    assert copies == [
        {
            "outlet": "Northern Courier",
            "url": "https://courier.example/storm-ellis-wire",
            "path": None,
        }
    ]


def test_html_is_rendered_from_the_markdown() -> None:
    page = digest.html(day())
    assert page.startswith("<!DOCTYPE html>") and "<h2>Contents</h2>" in page
    assert "<script" not in page
