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
