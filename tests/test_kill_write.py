"""Writes you can kill: a brief's files land as one set, and a killed run leaves nothing stale.

The SIGKILL test runs a real writer in a child process and kills it at random moments (seeded,
bounded: 30 kills); the next write in the folder must see one whole set and no temporary files.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from brief import deliver

FORMATS = ("md", "html", "json")


def brief_set(folder: Path, generation: int) -> dict[Path, str]:
    """Three files of one 'brief', each naming its generation; the json one is large, so a
    kill often lands while it is being written."""
    return {
        folder / f"2026-11-21-story.{fmt}": f"generation {generation}\n" + fmt * 20_000
        for fmt in FORMATS
    }


def generations(folder: Path) -> set[str]:
    return {(folder / f"2026-11-21-story.{fmt}").read_text().split("\n", 1)[0] for fmt in FORMATS}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_set_left_half_renamed_is_completed_by_the_next_write(tmp_path: Path) -> None:
    deliver.write(brief_set(tmp_path, 1))
    # A run killed after its landing record and one rename: staged, recorded, then stopped.
    staged = [(deliver.stage(p, t.encode()), p) for p, t in brief_set(tmp_path, 2).items()]
    record = {temp.name: path.name for temp, path in staged}
    (tmp_path / ".2026-11-21-story.landing").write_text(json.dumps(record))
    os.replace(*staged[0])
    assert generations(tmp_path) == {"generation 1", "generation 2"}  # mixed, as after a kill
    stray = deliver.stage(tmp_path / "2026-11-21-other.md", b"half")  # killed before its record
    deliver.write({tmp_path / "unrelated.md": "x"})
    assert generations(tmp_path) == {"generation 2"}
    assert leftovers(tmp_path) == [] and not stray.exists()


def test_an_unchanged_set_is_not_rewritten_and_a_different_one_needs_force(
    tmp_path: Path,
) -> None:
    first = deliver.write(brief_set(tmp_path, 1))
    assert [w.status for w in first] == ["written"] * 3
    again = deliver.write(brief_set(tmp_path, 1))
    assert [w.status for w in again] == ["unchanged"] * 3
    replaced = deliver.write(brief_set(tmp_path, 2), force=True)
    assert [w.status for w in replaced] == ["replaced"] * 3 and leftovers(tmp_path) == []


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from brief import deliver
    sys.path.insert(0, sys.argv[2])
    from tests.test_kill_write import brief_set
    folder = Path(sys.argv[1])
    n = 0
    while True:
        n += 1
        deliver.write(brief_set(folder, n), force=True)
    """
)


def test_sigkill_at_any_moment_leaves_one_whole_set_after_the_next_write(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parent.parent)
    chance = random.Random(12)
    deliver.write(brief_set(tmp_path, 0))
    mixed = 0
    for _ in range(30):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), root])
        time.sleep(0.25 + chance.random() * 0.15)  # past the imports, then anywhere in a write
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        mixed += len(generations(tmp_path)) > 1
        deliver.write({tmp_path / "unrelated.md": "x"})  # any later write recovers the folder
        assert len(generations(tmp_path)) == 1
        assert leftovers(tmp_path) == []
    print(f"{mixed} of 30 kills left a half-landed set that the next write completed")
