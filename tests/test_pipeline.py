"""brief.pipeline: articles + settings + date -> Brief; pure and deterministic."""

from __future__ import annotations

import pytest

from brief import config, ingest, pipeline, segment
from brief.errors import ConfigError
from tests.conftest import SEEDS, article


def test_the_date_is_an_argument_and_the_same_input_gives_the_same_brief() -> None:
    arts = ingest.read([str(SEEDS)])
    first = pipeline.brief(arts, config.Settings(), "2026-11-21")
    again = pipeline.brief(tuple(reversed(arts))[::-1], config.Settings(), "2026-11-21")
    assert first == again
    assert first.date == "2026-11-21"
    assert pipeline.brief(arts, config.Settings(), "2027-01-02").date == "2027-01-02"


def test_sources_are_numbered_in_input_order_and_untitled_ones_named_by_their_opening() -> None:
    arts = (article("One sentence about the harbour opening today in the city."),)
    (source,) = pipeline.sources(arts)
    assert source.id == 1
    assert source.title is not None


def test_a_budget_too_small_names_the_setting() -> None:
    arts = ingest.read([str(SEEDS)])
    settings = config.load(None, env={}, flags={"words": (3, "--words")})
    with pytest.raises(ConfigError, match=r"words \(--words\) = 3 is too small"):
        pipeline.brief(arts, settings, "2026-11-21")


def test_summarize_takes_words_or_sentences_not_both() -> None:
    corpus = segment.corpus(ingest.read([str(SEEDS)]))
    assert len(pipeline.summarize(corpus, sentences=2)) == 2
    with pytest.raises(ConfigError, match="not both"):
        pipeline.summarize(corpus, words=50, sentences=2)


def test_slug_is_short_and_safe() -> None:
    assert pipeline.slug("China’s Ban: Micron's Chips, 2026!") == "chinas-ban-microns-chips-2026"
    assert pipeline.slug("¿?") == "brief"


def test_more_articles_than_the_cap_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.errors import InputError

    monkeypatch.setattr(pipeline, "MAX_ARTICLES", 2)
    story = [article("The harbour reopened on Monday after the storm passed.")] * 3
    with pytest.raises(InputError, match="3 articles is over the cap of 2 for one brief"):
        pipeline.brief(story, config.Settings(), "2026-11-21")
