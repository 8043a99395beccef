"""brief.deliver: a brief's files land all or none; an existing different brief needs --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brief import deliver
from brief.errors import OutputError


def test_files_are_written_and_named(tmp_path: Path) -> None:
    assert deliver.name("2026-11-21", "a-story", "md") == "2026-11-21-a-story.md"
    files = {tmp_path / "a.md": "# A\n", tmp_path / "a.json": "{}\n"}
    written = deliver.write(files)
    assert {w.status for w in written} == {"written"}
    assert (tmp_path / "a.md").read_text() == "# A\n"


def test_same_content_is_unchanged_and_different_content_needs_force(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    deliver.write({path: "one\n"})
    assert [w.status for w in deliver.write({path: "one\n"})] == ["unchanged"]
    with pytest.raises(OutputError, match="force"):
        deliver.write({path: "two\n", tmp_path / "b.md": "new\n"})
    assert path.read_text() == "one\n"
    assert not (tmp_path / "b.md").exists()  # all or none
    deliver.write({path: "two\n"}, force=True)
    assert path.read_text() == "two\n"


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    deliver.write({tmp_path / "x.md": "x\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_written_files_follow_the_umask_and_private_ones_stay_private(
    tmp_path: Path, umask: int
) -> None:
    old = os.umask(umask)
    try:
        first = deliver.write({tmp_path / "a.md": "one\n", tmp_path / "a.json": "{}\n"})
        again = deliver.write({tmp_path / "a.md": "two\n"}, force=True)
        deliver.atomic_write(tmp_path / "outbox.eml", b"secret")
    finally:
        os.umask(old)
    assert [w.status for w in (*first, *again)] == ["written", "written", "replaced"]
    for name in ("a.md", "a.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~umask
    assert (tmp_path / "outbox.eml").stat().st_mode & 0o777 == 0o600


def test_the_library_names_settings_and_the_cli_shows_flags(tmp_path: Path) -> None:
    from brief import console

    deliver.write({tmp_path / "a.md": "one\n"})
    with pytest.raises(OutputError) as caught:
        deliver.write({tmp_path / "a.md": "two\n"})
    assert "--" not in str(caught.value)
    assert "the `force` setting replaces it" in str(caught.value)
    shown = console.flags(str(caught.value))
    assert "(--force replaces it; --out writes elsewhere)" in shown
