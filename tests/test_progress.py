"""brief.progress: a rich display on a terminal, one line per finished stage anywhere else."""

from __future__ import annotations

import io

from brief import progress


def test_not_a_terminal_gets_one_line_per_finished_stage() -> None:
    out = io.StringIO()
    with progress.display(out, terminal=False) as report:
        for done in range(1, 4):
            report("fetching", done, 3)
        report("briefing", 1, 1)
    assert out.getvalue() == "fetching: 3 of 3\nbriefing: 1 of 1\n"


def test_a_terminal_gets_a_bar_per_stage() -> None:
    out = io.StringIO()
    with progress.display(out, terminal=True) as report:
        report("fetching", 1, 2)
        report("fetching", 2, 2)
        report("briefing", 3, 3)
    drawn = out.getvalue()
    assert "fetching" in drawn and "2/2" in drawn and "briefing" in drawn and "3/3" in drawn
    assert "━" in drawn and "\x1b[" in drawn  # a bar, drawn with terminal codes
