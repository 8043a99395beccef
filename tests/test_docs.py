"""Every command and option of the CLI appears in README.md (as sqlite-utils checks)."""

from __future__ import annotations

from pathlib import Path

import click
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


def options(command: click.Command) -> list[str]:
    return [
        opt
        for param in command.params
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("-") and opt != "--help"
    ]


def section(name: str) -> str:
    """README's options of ``brief NAME`` (or of ``brief`` itself): from the line that starts
    "`brief NAME` options" to the next heading or the next such line."""
    marker = f"`brief{' ' + name if name else ''}` options"
    start = README.find(marker)
    assert start >= 0, f"README.md has no {marker!r}"
    ends = [README.find(m, start + len(marker)) for m in ("\n#", "` options")]
    return README[start : min((e for e in ends if e >= 0), default=len(README))]


@pytest.mark.parametrize(
    ("command", "option"),
    [("", opt) for opt in options(COMMAND)]
    + [(name, opt) for name in commands() for opt in options(COMMAND.commands[name])],  # type: ignore[attr-defined]
    ids=lambda value: value or "brief",
)
def test_option_documented_with_its_command(command: str, option: str) -> None:
    """Each command's own options are in that command's part of the README."""
    assert f"`{option}" in section(command), f"brief {command} {option} is not in README.md"


@pytest.mark.parametrize("name", list(METHODS))
def test_method_documented(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_documented(name: str) -> None:
    assert f"| `{name}` |" in README
