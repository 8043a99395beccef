"""Every command and option of the CLI appears in README.md (as sqlite-utils checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from brief.cli import app
from brief.config import PRESETS
from brief.scoring import METHODS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
COMMAND = typer.main.get_command(app)


def commands() -> list[str]:
    return sorted(COMMAND.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", commands())
def test_command_documented(name: str) -> None:
    assert f"brief {name}" in README


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, opt)
        for name in commands()
        for param in COMMAND.commands[name].params  # type: ignore[attr-defined]
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_option_documented(command: str, option: str) -> None:
    assert f"`{option}" in README, f"{command} {option} is not in README.md"


@pytest.mark.parametrize("name", list(METHODS))
def test_method_documented(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_documented(name: str) -> None:
    assert f"| `{name}` |" in README
