"""The command line as a new user meets it: real files, real exit codes, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief import cli
from tests.checks import conforms, verify


def run(
    *args: str, cwd: Path, stdin: str | None = None, allow: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NLTK_DATA": str(cwd / "no-nltk-data"), "BRIEF_ALLOW_HOSTS": allow}
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
    data = json.loads(path.read_text("utf-8"))
    conforms(data)
    return root, data


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


STORIES = {
    "fire": [
        "A fire destroyed the old textile mill in Northvale on Monday night, and firefighters "
        "battled the flames for six hours before the roof of the mill collapsed.",
        "Firefighters said the fire at the Northvale mill started in a storage room full of "
        "cotton bales, and the flames spread to the roof within minutes.",
        "The Northvale fire chief said the mill fire was the largest in the town in decades, "
        "and investigators are searching the ruins of the mill for the cause of the flames.",
    ],
    "merger": [
        "Acme Foods agreed to buy the dairy maker Brightmilk for $2 billion, the companies said, "
        "creating the largest dairy group in the country.",
        "Shareholders of Brightmilk will receive $40 a share in cash under the dairy deal, which "
        "Acme Foods expects to close next year after a review by regulators.",
    ],
    "election": [
        "Voters in the island nation of Tavira elected a new parliament on Sunday, and the "
        "opposition Green Alliance won a majority of the seats, electoral officials said.",
        "The Green Alliance leader promised to form a government within a week after the "
        "parliament election gave her party 41 of the 70 seats in Tavira.",
    ],
}


@pytest.fixture
def three_stories(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for story, texts in STORIES.items():
        for i, text in enumerate(texts):
            (folder / f"{story}-{i}.txt").write_text(text + "\n")
    return tmp_path


def test_build_on_several_stories_briefs_the_largest_and_warns(three_stories: Path) -> None:
    done = run("build", "mixed", "--date", "2026-11-21", cwd=three_stories)
    assert done.returncode == 0, done.stderr
    (md,) = (three_stories / "out").glob("*.md")
    assert "Northvale" in md.read_text() and "Brightmilk" not in md.read_text()
    warning = next(line for line in done.stderr.splitlines() if line.startswith("Warning:"))
    assert "3 stories" in warning and "Acme Foods" in warning and "Tavira" in warning


def test_split_writes_one_brief_per_story(three_stories: Path) -> None:
    done = run("build", "mixed", "--split", "--date", "2026-11-21", cwd=three_stories)
    assert done.returncode == 0, done.stderr
    briefs = sorted(p.read_text() for p in (three_stories / "out").glob("*.md"))
    assert len(briefs) == 3
    for word in ("Northvale", "Brightmilk", "Tavira"):
        assert sum(word in text for text in briefs) == 1


# -- the basics: version, python -m, completion, quiet and verbose ----------------------------


def test_version_from_brief_and_python_m(tmp_path: Path) -> None:
    from brief import __version__

    done = run("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"brief {__version__}\n")
    module = subprocess.run(
        [sys.executable, "-m", "brief", "--version"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert (module.returncode, module.stdout) == (0, done.stdout)


def test_shell_completion_is_offered(tmp_path: Path) -> None:
    # typer's own test switch: the shell is named, not detected from the parent processes
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "brief", "--show-completion", "bash"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "_brief_completion" in done.stdout and "complete -o default" in done.stdout
    assert "--install-completion" in run("--help", cwd=tmp_path).stdout


def test_quiet_leaves_only_results_and_verbose_says_more(tmp_path: Path, seeds_copy: Path) -> None:
    args = ("build", "seeds", "--date", "2026-11-21")
    quiet = run("-q", *args, "--out", "a", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert quiet.stdout.startswith(str(Path("a") / "2026-11-21-"))
    normal = run(*args, "--out", "b", cwd=tmp_path)
    assert normal.stderr.startswith("written: ") and "read 5 article" not in normal.stderr
    verbose = run("--verbose", *args, "--out", "c", cwd=tmp_path)
    assert "read 5 article(s) from seeds\n" in verbose.stderr and "Warning" not in verbose.stderr
    assert quiet.stdout.replace("a/", "c/") == verbose.stdout  # stdout: results only
    both = run("-q", "-v", *args, cwd=tmp_path)
    assert both.returncode == 2 and both.stderr.startswith("Error: --quiet and --verbose")
    after = run(*args, "--out", "d", "--quiet", cwd=tmp_path)  # also after the command
    assert after.returncode == 0 and after.stderr == "" and after.stdout.startswith("d/")


# -- what was found (issue 11, item 7) ---------------------------------------------------------


def test_stdout_with_email_is_refused(tmp_path: Path, seeds_copy: Path) -> None:
    done = run("build", "seeds", "--stdout", "--email", "r@example.org", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Error: --stdout prints the brief and --email sends")
    assert len(done.stderr.splitlines()) == 1


def test_stdout_prints_one_format(tmp_path: Path, seeds_copy: Path) -> None:
    several = run("build", "seeds", "--stdout", "--format", "md,json", cwd=tmp_path)
    assert several.returncode == 2 and several.stdout == ""
    assert several.stderr == (
        "Error: --stdout prints one format, not md,json: choose one with --format\n"
    )
    one = run("build", "seeds", "--stdout", "-f", "json", "--date", "2026-11-21", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    conforms(json.loads(one.stdout))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["build", "summarize", None])
def test_no_paths_and_no_seeds_says_so(tmp_path: Path, command: str | None) -> None:
    done = run(*([command] if command else []), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "Error: no articles given (PATHS), and no seeds/ here\n"


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_output_files_follow_the_umask(tmp_path: Path, seeds_copy: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        args = ("build", "seeds", "-f", "md,html,json", "--date", "2026-11-21")
        first = run(*args, cwd=tmp_path)
        again = run(*args, "--length", "short", "--force", cwd=tmp_path)  # the same names
    finally:
        os.umask(old)
    assert first.returncode == 0 and again.returncode == 0, again.stderr
    assert "replaced: " in again.stderr
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 3
    assert {f.stat().st_mode & 0o777 for f in files} == {0o666 & ~umask}


def test_a_folder_of_markdown_html_text_and_json_briefs_cleanly(tmp_path: Path) -> None:
    from tests.servers.web import WEB
    from tests.test_ingest import MARKDOWN_ARTICLE

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (folder / "b.html").write_bytes((WEB / "gazette" / "storm-ellis.html").read_bytes())
    (folder / "c.txt").write_text(
        "Port Elden counts the cost\n\nStorm Ana came ashore near Port Elden on Saturday, "
        "cutting power to 200,000 homes, officials said.\n",
        encoding="utf-8",
    )
    (folder / "d.json").write_text(
        json.dumps({"title": "Storm Ana", "source": "Wire", "text": "Rail lines will reopen."})
    )
    done = run("build", "mixed", "-f", "md,json", "--date", "2026-11-22", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    md = next((tmp_path / "out").glob("*.md")).read_text("utf-8")
    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text("utf-8"))
    conforms(data)
    assert {s["path"] for s in data["sources"]} == {
        str(Path("mixed") / n) for n in ("a.md", "b.html", "c.txt", "d.json")
    }
    gazette = next(s for s in data["sources"] if s["path"].endswith("b.html"))
    assert gazette["outlet"] == "The Harbour Gazette" and gazette["published"] == "2026-11-20"
    for markup in ("\\*", "\\[", "](", "<b>", "&lt;"):
        assert markup not in md, markup


def test_summarize_reads_the_method_from_the_config_file(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    (tmp_path / "brief.toml").write_text('[brief]\nmethod = "luhn"\n')
    by_file = run("summarize", str(SEEDS), "--sentences", "2", cwd=tmp_path)
    by_flag = run("summarize", str(SEEDS), "--sentences", "2", "-m", "luhn", cwd=tmp_path)
    default = run("summarize", str(SEEDS), "--sentences", "2", "-m", "brief", cwd=tmp_path)
    assert by_file.returncode == 0, by_file.stderr
    assert by_file.stdout == by_flag.stdout != default.stdout
