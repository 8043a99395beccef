"""The command line as a new user meets it: real files, real exit codes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief import cli
from tests.checks import verify


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NLTK_DATA": str(cwd / "no-nltk-data")}
    return subprocess.run(
        [sys.executable, "-c", "from brief.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    import shutil

    from tests.conftest import SEEDS

    root = tmp_path_factory.mktemp("cli")
    shutil.copytree(SEEDS, root / "seeds")
    done = run("build", "seeds", "--format", "md,json", "--date", "2026-11-21", cwd=root)
    assert done.returncode == 0, done.stderr
    (path,) = (root / "out").glob("*.json")
    return root, json.loads(path.read_text("utf-8"))


def sections(data: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    return {s["key"]: s["items"] for s in data["sections"]}  # type: ignore[attr-defined, index]


def test_seeds_brief_meets_the_bar(built: tuple[Path, dict[str, object]]) -> None:
    root, data = built
    got = sections(data)
    assert data["schema"] == "brief/1" and data["title"] and data["date"] == "2026-11-21"
    (lede,) = got["lede"]
    assert not str(lede["text"]).rstrip("”\"' ").endswith("?")
    assert len(got["known"]) >= 3
    assert got["background"]
    assert len(got["outlook"]) >= 1
    assert len([q for q in got["quotes"] if q["speaker"]]) >= 2
    assert len(data["sources"]) == 5  # type: ignore[arg-type]
    verify(data, root)  # type: ignore[arg-type]
    items = [i for key in got for i in got[key]]
    assert max(len({s["source"] for s in i["support"]}) for i in items) >= 3  # type: ignore[attr-defined]


def test_markdown_has_the_sections(built: tuple[Path, dict[str, object]]) -> None:
    root, _ = built
    (md,) = (root / "out").glob("*.md")
    text = md.read_text("utf-8")
    for heading in (
        "**The Lede:**",
        "## What we know",
        "## The background",
        "## Likely outcomes / Takeaway",
        "## Key quotes",
        "## Sources",
    ):
        assert heading in text
    assert md.name.startswith("2026-11-21-")


def test_same_input_and_date_give_identical_files(tmp_path: Path, seeds_copy: Path) -> None:
    for out in ("a", "b"):
        args = ("build", "seeds", "--format", "md,json,html", "--date", "2026-11-21", "--out", out)
        assert run(*args, cwd=tmp_path).returncode == 0
    for a in sorted((tmp_path / "a").iterdir()):
        assert a.read_bytes() == (tmp_path / "b" / a.name).read_bytes()


def test_no_arguments_briefs_seeds_into_out(tmp_path: Path, seeds_copy: Path) -> None:
    done = run(cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1
    again = run(cwd=tmp_path)  # same content: nothing to overwrite, so it is fine
    assert again.returncode == 0 and "unchanged" in again.stderr


def test_an_existing_different_brief_is_never_overwritten(tmp_path: Path, seeds_copy: Path) -> None:
    args = ("build", "seeds", "--date", "2026-11-21")
    assert run(*args, cwd=tmp_path).returncode == 0
    (md,) = (tmp_path / "out").glob("*.md")
    md.write_text("my edits")
    done = run(*args, "--format", "md,json", cwd=tmp_path)
    assert done.returncode != 0 and done.stderr.startswith("Error: ")
    assert md.read_text() == "my edits"
    assert not list((tmp_path / "out").glob("*.json"))  # all or nothing
    assert run(*args, "--force", cwd=tmp_path).returncode == 0
    assert md.read_text() != "my edits"


def test_stdout_and_stdin(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    text = next(SEEDS.glob("000_*.txt")).read_text("utf-8")
    done = run("build", "-", "--stdout", "--date", "2026-11-21", cwd=tmp_path, stdin=text)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# China Ban on Micron")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("setup", "args"),
    [
        (lambda p: (p / "empty").mkdir(), ["build", "empty"]),
        (lambda p: None, ["build", "missing"]),
        (lambda p: (p / "e.txt").write_text(""), ["build", "e.txt"]),
        (lambda p: (p / "b.txt").write_bytes(b"\x00\x89PNG\x00"), ["build", "b.txt"]),
        (lambda p: None, ["build", "--length", "huge"]),
        (lambda p: None, ["build", "--format", "pdf"]),
        (lambda p: None, ["build", "--date", "yesterday"]),
        (lambda p: None, ["build", "--method", "nope"]),
        (lambda p: None, ["summarize", "--words", "10", "--sentences", "2"]),
    ],
)
def test_bad_input_is_one_error_line(tmp_path: Path, seeds_copy: Path, setup, args) -> None:  # type: ignore[no-untyped-def]
    setup(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.md").write_text("old brief")
    done = run(*args, cwd=tmp_path)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keep.md"]
    assert (tmp_path / "out" / "keep.md").read_text() == "old brief"


def test_summarize_prints_one_sentence_per_line(tmp_path: Path, seeds_copy: Path) -> None:
    done = run("summarize", "seeds", "--sentences", "3", "--method", "lexrank", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3
    done = run("summarize", "seeds", "--words", "60", cwd=tmp_path)
    assert sum(len(line.split()) for line in done.stdout.splitlines()) <= 60


def test_methods_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    from brief.scoring import METHODS

    with pytest.raises(SystemExit) as exit_:
        cli.main(["methods"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name in METHODS:
        assert name in out
