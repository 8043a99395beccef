import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import clean, ingest
from brief.errors import InputError
from tests.conftest import SEEDS


def seed(n: str) -> ingest.Article:
    (path,) = SEEDS.glob(f"{n}_*.txt")
    (art,) = ingest.read([str(path)])
    return art


def test_headline_glued_to_a_repeated_standfirst_is_split_off() -> None:
    art = seed("000")
    assert art.title == "China Ban on Micron Adds to Trade Tension, Spurs Chip Rally"
    assert art.text.count("Shares of local and Asian chipmakers rose") == 1


def test_a_body_repeated_whole_is_kept_once() -> None:
    art = seed("003")
    assert art.text.count("In a move that appears to be retaliation") == 1


def test_briefing_labels_bullets_and_reading_lists_are_removed() -> None:
    art = seed("002")
    assert art.title == "China Pushes Back Against US Chip Maker Despite Promise of Openness"
    assert "The Lede:" not in art.text and "•" not in art.text
    assert "Good Reads" not in art.text and "(CNN)" not in art.text
    assert art.text.startswith("China is set to conduct a cybersecurity review")


def test_captions_and_subheadings_are_dropped() -> None:
    assert "Machine-translated copy" not in seed("001").text
    assert seed("001").title is None  # its first line is a paragraph, not a headline
    assert "Growing Tensions in Technology Trade" not in seed("004").text


def test_hard_wrapped_wire_copy_is_joined_and_tex_quotes_turned() -> None:
    title, text = clean.clean(
        "WASHINGTON (AP) -- The senate voted on Friday to approve the bill that\n"
        "was sent over by the house last week, and ``we are pleased,'' said\n"
        "the leader of the majority, who spoke to reporters after the vote\n"
        "in the chamber.\n"
    )
    assert title is None
    assert text.startswith("The senate voted on Friday to approve the bill that was sent")
    assert "“we are pleased,”" in text and "\n" not in text


def test_front_matter_and_json_articles(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Chip ban\nsource: Example News\nurl: https://example.org/a\n"
        "published: 2023-05-22T08:00:00Z\n---\nChina banned Micron chips on Sunday. It said so.\n"
    )
    (tmp_path / "b.json").write_text(
        json.dumps({"title": "Ban", "source": "Wire", "text": "Shares rose on Monday."})
    )
    a, b = ingest.read([str(tmp_path)])
    assert (a.title, a.outlet, a.url, a.published) == (
        "Chip ban",
        "Example News",
        "https://example.org/a",
        "2023-05-22",
    )
    assert (b.title, b.outlet, b.text) == ("Ban", "Wire", "Shares rose on Monday.")
    assert a.path and a.path.endswith("a.md")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    (art,) = ingest.read(["-"], stdin=io.StringIO("Headline here\n\nBody sentence one. Two."))
    assert art.title == "Headline here" and art.path is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01binary\x00", "binary"),
        (b"{not json", "not valid JSON"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / ("a.json" if content.startswith(b"{") else "a.txt")
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        ingest.read([str(path)])


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest.read([str(tmp_path / "nope")])
    with pytest.raises(InputError, match="no readable articles"):
        ingest.read([str(tmp_path)])


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(InputError, match="cap"):
        ingest.read([str(path)])


def test_undecodable_text_falls_back_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners said the ban hurt. It did.".encode("cp1252"))
    (art,) = ingest.read([str(path)])
    assert "Café" in art.text
    assert "not UTF-8" in caplog.text


def test_a_bad_file_in_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text("A sentence about chips. Another one.")
    (tmp_path / "empty.txt").write_text("")
    assert len(ingest.read([str(tmp_path)])) == 1
    assert "empty" in caplog.text


# -- Markdown read as Markdown, saved web pages as fetched ones --------------------------------

MARKDOWN_ARTICLE = """\
# Storm **Ana** reaches [Port Elden](https://example.org/elden)

![Flooded harbour front](https://example.org/flood.jpg)

Storm Ana came ashore near **Port Elden** early on *Saturday*, cutting power to
[200,000 homes](https://example.org/power "Grid operator"), officials said.

The harbour master said <b>water levels</b> were the highest ever recorded at the `port`,
and that ~~two~~ three piers were damaged.

> "We have never seen water this high," said the harbour master, Ines Varga.

<div class="promo">Rail lines will reopen on Monday after crews clear the debris.</div>

- Forecasters expect the storm to weaken as it moves inland over the coming days.
"""


def test_markdown_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "storm.md"
    path.write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (article,) = ingest.read([str(path)])
    assert article.title == "Storm Ana reaches Port Elden"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == (
        "Storm Ana came ashore near Port Elden early on Saturday, cutting power to "
        "200,000 homes, officials said."
    )
    assert "highest ever recorded at the port, and that three piers" in article.text
    assert '"We have never seen water this high," said the harbour master' in article.text
    assert "Rail lines will reopen on Monday after crews clear the debris." in paragraphs
    for markup in ("**", "*", "[", "](", "`", "<b>", "<div", "~~", "> ", "Flooded harbour"):
        assert markup not in article.text and markup not in (article.title or "")


def test_a_markdown_brief_never_quotes_markup(tmp_path: Path) -> None:
    from brief import config, pipeline, render

    (tmp_path / "a.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Port Elden counts the cost\n\nStorm Ana came ashore near Port Elden on Saturday, "
        "cutting power to 200,000 homes, officials said. Forecasters expect the storm to "
        "weaken as it moves inland over the coming days.\n",
        encoding="utf-8",
    )
    made = pipeline.brief(ingest.read([str(tmp_path)]), config.Settings(), "2026-11-22")
    md = render.markdown(made)
    assert made.title == "Storm Ana reaches Port Elden"
    for escaped in ("\\*", "\\[", "\\]", "\\`", "\\<", "&lt;"):
        assert escaped not in md, escaped


def test_front_matter_title_wins_over_the_markdown_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: From the front matter\n---\n" + MARKDOWN_ARTICLE)
    (article,) = ingest.read([str(path)])
    assert article.title == "From the front matter"
    assert "Storm Ana reaches" not in article.text


def test_a_saved_web_page_is_extracted_like_a_fetched_one(tmp_path: Path) -> None:
    from tests.servers.web import WEB

    path = tmp_path / "storm-ellis.htm"
    path.write_bytes((WEB / "gazette" / "storm-ellis.html").read_bytes())
    (article,) = ingest.read([str(path)])
    assert article.title == "Storm Ellis cuts power to 40,000 homes on the northern coast"
    assert (article.outlet, article.published, article.author) == (
        "The Harbour Gazette",
        "2026-11-20",
        "Mara Quill",
    )
    assert article.path == str(path)
    assert article.text.startswith("Storm Ellis cut power to about 40,000 homes")
    for boilerplate in ("Home", "By Mara Quill", "All rights reserved", "<p>"):
        assert boilerplate not in article.text


def test_a_folder_mixing_text_markdown_json_and_html(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.servers.web import WEB

    (tmp_path / "a.txt").write_text("Chip ban\n\nChina banned Micron chips on Sunday.\n")
    (tmp_path / "b.md").write_text("# Ban on chips\n\nShares **rose** on Monday.\n")
    (tmp_path / "c.json").write_text(json.dumps({"title": "Wire", "text": "It said so."}))
    (tmp_path / "d.html").write_bytes((WEB / "valley" / "storm-ellis-power.html").read_bytes())
    (tmp_path / "e.html").write_bytes((WEB / "gazette" / "paywalled.html").read_bytes())
    articles = ingest.read([str(tmp_path)])
    assert [a.title for a in articles[:3]] == ["Chip ban", "Ban on chips", "Wire"]
    assert articles[1].text == "Shares rose on Monday."
    assert articles[3].outlet == "Valley Times" and len(articles) == 4
    [warning] = caplog.messages
    assert warning.startswith("skipped ") and "e.html: a paywall stub (" in warning
    assert warning.count("skipped") == 1


WRAPS = ("{}", "**{}**", "*{}*", "_{}_", "[{}](https://example.org/x)", "`{}`", "<b>{}</b>")


@given(
    st.lists(
        st.tuples(st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), st.sampled_from(WRAPS)),
        min_size=1,
        max_size=30,
    )
)
@settings(max_examples=200, deadline=None)
def test_markdown_markup_never_reaches_the_text(words: list[tuple[str, str]]) -> None:
    from brief import markup

    source = "Lead sentence of the story. " + " ".join(w.format(t) for t, w in words) + "."
    _, text = markup.plain(source)
    assert text == "Lead sentence of the story. " + " ".join(t for t, _ in words) + "."


# The pattern clean._repeat replaces: a run of 40-602 characters, white space, the run again.
REPEAT_RE = re.compile(r"(\S.{38,600}?\S)\s*\1", re.DOTALL)
RUNS = st.text(alphabet=st.sampled_from(list("ab c\n.")), min_size=0, max_size=90)


@settings(max_examples=300, deadline=None)
@given(RUNS, RUNS, st.sampled_from(["", " ", "  \n", "x"]), RUNS)
def test_repeat_finds_what_the_regex_finds(head: str, run: str, gap: str, tail: str) -> None:
    window = (head + run + gap + run + tail)[: clean.REPEAT_WINDOW]
    match = REPEAT_RE.search(window)
    expected = None
    if match and match.start() <= clean.REPEAT_LAST_START:
        expected = (match.start(), match.end(1), match.end())
    assert clean._repeat(window, clean._repeat_starts(window)) == expected
    everywhere = range(min(clean.REPEAT_LAST_START + 1, len(window)))
    assert clean._repeat(window, everywhere) == expected


def test_a_file_whose_size_stat_cannot_tell_is_read_whole(tmp_path: Path) -> None:
    """A named pipe stats as 0 bytes: reading goes on past the size to the end (or the cap)."""
    import os
    import threading

    pipe = tmp_path / "wire.txt"
    os.mkfifo(pipe)
    body = " ".join(
        f"Officials said bridge number {i} would reopen in {i + 2} days." for i in range(60)
    )

    def write() -> None:
        with pipe.open("w", encoding="utf-8") as handle:
            handle.write(body)

    writer = threading.Thread(target=write)
    writer.start()
    (art,) = ingest.read_files([pipe])[0]
    writer.join()
    assert art.text == body.strip()
