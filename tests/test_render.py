"""Golden files of the seeds brief: review a diff here like code (`pytest --update-golden`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief import config, ingest, pipeline, render
from brief.models import Brief, Item, Section, Source, Support
from tests.checks import conforms
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


def seeds_brief() -> Brief:
    # Relative paths, as a user in the repository would type them.
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.brief(ingest.read(["seeds"]), config.Settings(), "2026-11-21")
    finally:
        os.chdir(here)


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_seeds_golden(fmt: str, update_golden: bool) -> None:
    got = render.render(seeds_brief(), fmt)
    path = GOLDEN / f"seeds-2026-11-21.{fmt}"
    if update_golden:
        path.write_text(got, "utf-8")
    assert got == path.read_text("utf-8")
    if fmt == "json":
        conforms(json.loads(got))


def hostile() -> Brief:
    text = (
        'Officials said <script>alert(1)</script> and <img src=x onerror="x()"> [a](javascript:x).'
    )
    item = Item(text=text, speaker="<b>Bob</b>", support=(Support(1, text),))
    return Brief(
        title="<h1>Title</h1> *bold*",
        date="2026-11-21",
        method="brief",
        sections=(
            Section("known", "What we know", (item,)),
            Section("quotes", "Key quotes", (item,)),
        ),
        sources=(Source(1, "T <i>x</i>", None, "javascript:alert(1)", None, None),),
    )


def test_article_text_cannot_inject_markup() -> None:
    page = render.html(hostile())
    body = page.split("<article>", 1)[1]
    for bad in ("<script", "<img", 'onerror="', "<b>", "<i>", 'href="javascript'):
        assert bad not in body
    assert "&lt;script&gt;" in body


def test_json_contract_shape() -> None:
    data = json.loads(render.json(seeds_brief()))
    conforms(data)
    assert set(data) == {"schema", "title", "date", "method", "sections", "sources"}
    for section in data["sections"]:
        assert section["key"] in {"lede", "known", "background", "outlook", "quotes"}
        for item in section["items"]:
            assert set(item) == {"text", "speaker", "support"}
    assert set(data["sources"][0]) == {"id", "title", "outlet", "url", "published", "path"}
    assert data["sources"][0]["path"] == "seeds/000_ac3ab7b56b085e98.txt"
