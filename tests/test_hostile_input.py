"""Hostile files and front matter: one `Error:` line or a skip with its reason, never a traceback.

Each case is a reproduction from issue 12; the hypothesis tests throw generated files and front
matter at ingest and demand an Article or an InputError, nothing else.
"""

from __future__ import annotations

import json
import os
import re
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief import clean, ingest, markup, pipeline, render
from brief.config import Settings
from brief.errors import InputError
from tests.test_cli import run

BODY = (
    "The council voted to approve the new tram line on Friday after a long debate. "
    "The mayor said the line would open to passengers next year.\n"
)


def deep_folder(root: Path, depth: int) -> Path:
    """``root``/a/a/.../a (``depth`` levels) with an article at the bottom, made without
    recursion (os.makedirs recurses once per level too)."""
    root.mkdir()
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("a", dir_fd=fd)
            inner = os.open("a", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(out, BODY.encode())
        os.close(out)
    finally:
        os.close(fd)
    return root


def remove_deep(root: Path, depth: int) -> None:
    """Remove what deep_folder made, deepest first (shutil.rmtree recurses once per level)."""
    for level in range(depth, 0, -1):
        inner = os.path.join(root, *["a"] * level)
        for name in os.listdir(inner):
            os.unlink(os.path.join(inner, name))
        os.rmdir(inner)
    for name in os.listdir(root):
        os.unlink(root / name)
    root.rmdir()


def unreadable(path: Path) -> Path:
    """A file that cannot be read, even by root: a link to /proc/self/mem (reads fail, EIO)."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")
    else:
        path.write_text(BODY)
        path.chmod(0)
    return path


def test_a_folder_nested_1500_deep_is_searched_to_a_cap(caplog: pytest.LogCaptureFixture) -> None:
    # Outside pytest's tmp_path: pytest removes old temporary folders recursively, and a tree
    # this deep left by a killed run would break every later session.
    root = deep_folder(Path(tempfile.mkdtemp()) / "deep", 1500)
    try:
        (root / "top.txt").write_text(BODY)
        (found,) = ingest.read([str(root)])
        assert found.path == str(root / "top.txt")
        assert f"nested over {ingest.MAX_DEPTH} deep" in caplog.text
    finally:
        remove_deep(root, 1500)
        root.parent.rmdir()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nested.json", "[" * 200_000 + "]" * 200_000, "nested too deep"),
        ("bigint.json", '{"text": "x", "title": ' + "9" * 5000 + "}", "not usable JSON"),
        ("month.md", "---\npublished: 2026-13-45\n---\n" + BODY, "cannot read"),
        ("soon.md", "---\npublished: soon\n---\n" + BODY, "'soon' is not a date"),
        ("list.md", "---\ntitle: [a, b]\n---\n" + BODY, "'title' must be text"),
        ("yamlint.md", "---\ntitle: " + "9" * 5000 + "\n---\n" + BODY, "too long"),
    ],
)
def test_malformed_values_are_input_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        ingest.read([str(path)])


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.md"
    path.write_text("---\n" + "\n".join(rows) + "\ntitle: *i\n---\n" + BODY)
    with pytest.raises(InputError, match="aliases"):
        ingest.read([str(path)])


def test_an_unreadable_file_named_is_an_error_and_in_a_folder_a_skip(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY)
    bad = unreadable(folder / "locked.txt")
    with pytest.raises(InputError, match="could not read"):
        ingest.read([str(bad)])
    skipped: list[tuple[str, str]] = []
    (found,) = ingest.read([str(folder)], skip=lambda path, why: skipped.append((path, why)))
    assert found.path == str(folder / "good.txt")
    assert skipped == [(str(bad), skipped[0][1])] and "could not read" in skipped[0][1]


def test_a_two_megabyte_title_gives_a_short_file_name(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("---\ntitle: " + "a" * 2_000_000 + "\n---\n" + BODY)
    (found,) = ingest.read([str(path)])
    assert len(pipeline.slug(found.title or "")) == pipeline.SLUG_MAX_CHARS
    assert pipeline.slug("word " * 3 + "x" * 300) == "word-word-word"


def test_urls_and_file_names_cannot_inject_markdown(tmp_path: Path) -> None:
    hostile = "x\n\n# Injected\n\n[click](https://evil.example/)\n\n- item"
    record = {"text": BODY, "title": "Vote\n\n# Heading", "url": hostile}
    path = tmp_path / "a\n\n# Name [x](https:evil.example)\n- b.json"
    path.write_text(json.dumps(record))
    other = tmp_path / "b.md"
    other.write_text("---\nurl: 'javascript:alert(1)'\n---\n" + BODY)
    articles = ingest.read([str(path), str(other)])
    assert [a.url for a in articles] == [None, None]
    made = pipeline.brief(articles, Settings(), "2026-11-21")
    md = render.markdown(made)
    html = markup.to_html(md)
    assert "<a " not in html and "javascript" not in html  # names shown as text, never links
    headings = [text for _, text in re.findall(r"<h(\d)>(.*?)</h\1>", html)]
    assert headings[0] == "Vote # Heading"  # the title, on its one line
    assert not [h for h in headings[1:] if "Injected" in h or "Name" in h or "Heading" in h]
    sources = md.split("## Sources", 1)[1].strip().splitlines()
    assert len(sources) == 2 and all(line[:3] in ("1. ", "2. ") for line in sources)


def test_a_url_field_that_is_a_link_renders_as_one() -> None:
    assert markup.link("https://example.org/a") == "<https://example.org/a>"
    assert markup.link("https://example.org/a b") == "https://example.org/a b"
    assert markup.link("x\n# y") == "x \\# y"


@pytest.mark.parametrize(
    "args",
    [
        ("--date", "9999-12-31"),
        ("--date", "0001-01-01", "--since", "48h"),
        ("--since", "999999999d"),
        ("--since", "99999999999999999999d"),
    ],
)
def test_extreme_dates_and_windows_end_in_one_error_line(tmp_path: Path, args: tuple[str]) -> None:
    (tmp_path / "brief.toml").write_text('[daily]\nfolders = ["none"]\n')
    done = run("daily", *args, cwd=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_a_named_bad_file_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "soon.md").write_text("---\npublished: soon\n---\n" + BODY)
    done = run("build", "soon.md", cwd=tmp_path)
    assert done.returncode == 2 and not done.stdout
    assert done.stderr == "Error: soon.md: published 'soon' is not a date: use YYYY-MM-DD\n"


# -- generated ---------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT, st.dates()
)
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
KEYS = st.sampled_from(
    ["title", "headline", "source", "url", "link", "published", "date", "author", "text"]
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _read_one(path: Path) -> None:
    try:
        articles = ingest.read([str(path)])
    except InputError as error:
        assert "\n" not in str(error)
        return
    for found in articles:
        assert found.text.strip()
        assert found.url is None or found.url.startswith(("http://", "https://"))
        assert found.published is None or len(found.published) == 10


@FAST
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from(ingest.SUFFIXES))
def test_any_bytes_give_articles_or_an_input_error(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"generated{suffix}"
    path.write_bytes(raw)
    _read_one(path)


@FAST
@given(meta=st.dictionaries(KEYS, VALUE, max_size=5), body=TEXT)
def test_any_json_record_gives_an_article_or_an_input_error(
    tmp_path: Path, meta: dict[str, object], body: str
) -> None:
    path = tmp_path / "generated.json"
    path.write_text(json.dumps({"text": body, **meta}, default=str))
    _read_one(path)


@FAST
@given(
    lines=st.lists(st.tuples(KEYS, st.text(alphabet=string.printable, max_size=40)), max_size=6),
    body=TEXT,
)
def test_any_front_matter_gives_an_article_or_an_input_error(
    tmp_path: Path, lines: list[tuple[str, str]], body: str
) -> None:
    path = tmp_path / "generated.md"
    front = "\n".join(f"{key}: {value}" for key, value in lines)
    path.write_text(f"---\n{front}\n---\n{body}\n")
    _read_one(path)


def test_a_daily_folder_article_with_a_bad_date_is_skipped_with_its_reason(tmp_path: Path) -> None:
    import datetime as dt

    from brief.daily import run as daily
    from brief.web import fetch

    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "good.md").write_text("---\npublished: 2026-11-21\n---\n" + BODY)
    (folder / "soon.md").write_text("---\npublished: soon\n---\n" + BODY)
    chosen = daily.Plan(folders=(str(folder),), since=None)
    span = daily.window("2026-11-21", None, dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC))
    with fetch.Fetcher() as client:
        found = daily.gather(chosen, span, client)
    articles, skipped = found.articles, found.skipped
    assert [a.path for a in articles] == [str(folder / "good.md")]
    assert [(s.source, s.reason) for s in skipped] == [
        (str(folder / "soon.md"), "published 'soon' is not a date: use YYYY-MM-DD")
    ]


def test_an_article_of_only_unattributed_quotes_says_so() -> None:
    from brief.models import Article

    quotes = Article(
        text="“We will not back down from this fight, whatever the council decides next week.”"
        "\n\n“The tram line is the biggest investment this city has made in a generation.”"
    )
    with pytest.raises(InputError, match="quotation with no speaker named"):
        pipeline.brief([quotes], Settings(), "2026-11-21")


def test_chinese_text_is_split_at_full_width_stops_and_briefed() -> None:
    from brief import segment

    text = (
        "市议会周五投票批准了新的有轨电车线路。市长表示，这条线路将于明年向乘客开放。"
        "工会领导人说，他们的成员已经等待了十年！反对者认为项目成本过高吗？"
    )
    _, body = clean.clean(text)
    assert body == text
    article = ingest.Article(text=body)
    sentences = list(segment.article_sentences(article, 0))
    assert [s.text[-1] for s in sentences] == ["。", "。", "！", "？"]
    assert all(body[s.start : s.end] == s.text for s in sentences)
    made = pipeline.brief([article], Settings(), "2026-11-21")
    items = [i.text for s in made.sections for i in s.items]
    assert items[0] == "市议会周五投票批准了新的有轨电车线路。"
    assert "反对者认为项目成本过高吗？" not in items  # a question is not a fact
