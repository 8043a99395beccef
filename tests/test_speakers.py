"""brief.speakers: who is quoted, resolved from the sentences before when the text says "he"."""

from __future__ import annotations

import pytest

from brief import segment, speakers
from tests.conftest import article


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "“We oppose restrictions with no basis,” a spokesperson from the US Commerce "
            "Department said on Sunday.",
            "US Commerce Department spokesperson",
        ),
        (
            'Responding, US Commerce Secretary Gina Raimondo told the paper, "We firmly oppose '
            'restrictions that have no basis."',
            "US Commerce Secretary Gina Raimondo",
        ),
        (
            "“No matter how the situation changes, China will open up.” – China’s new Premier, "
            "Li Qiang.",
            "China’s new Premier, Li Qiang",
        ),
        (
            "“The ban is a serious escalation of the dispute,” said Jane Doe, an analyst.",
            "Jane Doe",
        ),
        ("Micron said it looks “forward to continuing to engage with the authorities.”", "Micron"),
    ],
)
def test_speakers(text: str, who: str) -> None:
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 0) == who


def test_a_pronoun_or_short_title_speaker_is_resolved_from_earlier_sentences() -> None:
    corpus = segment.corpus(
        [
            article(
                "The US Commerce Department said it would speak to Beijing.",
                "“We will engage with allies to address distortions of the market,” "
                "the department said.",
            )
        ]
    )
    assert speakers.speaker(corpus, 1) == "US Commerce Department"
