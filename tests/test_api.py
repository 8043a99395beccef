"""The public API: what `import brief` offers is pinned here, and it works as the README shows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import brief
from tests.checks import conforms
from tests.conftest import SEEDS

PUBLIC = {
    "Article",
    "Brief",
    "BriefError",
    "Built",
    "ConfigError",
    "Daily",
    "DeliveryError",
    "FetchError",
    "InputError",
    "Item",
    "OutputError",
    "Section",
    "Settings",
    "Source",
    "Support",
    "__version__",
    "brief",
    "build",
    "daily",
    "load_settings",
    "methods",
    "read",
    "summarize",
    "write",
}


def test_the_public_api_is_pinned() -> None:
    assert set(brief.__all__) == PUBLIC
    for name in brief.__all__:
        assert getattr(brief, name) is not None


def test_import_brief_loads_nothing_heavy() -> None:
    heavy = "('brief.', 'numpy', 'scipy', 'nltk')"
    code = f"import sys, brief; print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() in ("['brief.version']", "[]")


def test_build_write_and_summarize_as_the_readme_shows(tmp_path: Path) -> None:
    settings = brief.Settings(
        length="short", formats=("md", "json"), out=tmp_path, date="2026-11-21"
    )
    built = brief.build([str(SEEDS)], settings)
    assert built.brief.date == "2026-11-21"
    assert built.texts["md"].startswith("# ")
    conforms(json.loads(built.texts["json"]))
    written = brief.write(built, settings)
    assert {w.path.suffix for w in written} == {".md", ".json"}
    lines = brief.summarize([str(SEEDS)], sentences=2)
    assert len(lines) == 2


def test_errors_are_brief_errors() -> None:
    try:
        brief.Settings(length="epic")
    except brief.BriefError as error:
        assert isinstance(error, brief.ConfigError)
        assert "unknown length 'epic'" in str(error)
    else:
        raise AssertionError("Settings(length='epic') was accepted")


STORY = (
    "The harbour authority reopened the northern port on Monday after a week of storm damage. "
    "Ferries resumed their crossings to the islands by the afternoon, the authority said. "
    "Engineers had inspected every quay and found no lasting harm to the breakwater. "
    "Fishing fleets that sheltered in the south for days began to return home. "
    "Local traders said the closure had cost the town a busy week of summer trade. "
    "The authority said a new storm barrier would be studied over the coming year."
)


def _write(folder: Path, name: str, outlet: str | None, text: str) -> None:
    meta = f"outlet: {outlet}\n" if outlet else ""
    (folder / name).write_text(f"---\ntitle: Port reopens\n{meta}---\n{text}\n", "utf-8")


def test_one_text_is_never_cited_as_several_sources(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", "Harbour Daily", STORY)
    _write(tmp_path, "b.md", "Harbour Daily", STORY + " Crews worked through the night.")
    _write(tmp_path, "c.md", None, STORY)
    _write(tmp_path, "d.md", "Coast Wire", STORY)
    settings = brief.Settings(date="2026-11-21")
    sources = brief.build([str(tmp_path)], settings).brief.sources
    # Harbour Daily's newest edition and Coast Wire's syndicated copy; not the older edition,
    # not the copy of unknown origin.
    assert sorted(s.outlet or "" for s in sources) == ["Coast Wire", "Harbour Daily"]
