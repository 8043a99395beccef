"""The JSON Schemas shipped in brief/schemas/ are valid, name their contract and refuse drift."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator, ValidationError

from brief import render
from brief.daily import digest
from tests.checks import conforms, schema
from tests.daily.test_digest import day
from tests.test_render import seeds_brief


@pytest.mark.parametrize(
    ("name", "contract"), [("brief-1", "brief/1"), ("brief-daily-1", "brief-daily/1")]
)
def test_each_schema_is_valid_and_names_its_contract(name: str, contract: str) -> None:
    shipped = schema(name)
    Draft202012Validator.check_schema(shipped)
    assert shipped["title"] == contract
    assert shipped["properties"]["schema"] == {"const": contract}


def test_a_brief_that_drifts_from_brief_1_is_refused() -> None:
    data = json.loads(render.json(seeds_brief()))
    conforms(data)
    for broken in (
        {k: v for k, v in data.items() if k != "sources"},
        {**data, "extra": 1},
        {**data, "date": "21 November 2026"},
    ):
        with pytest.raises(ValidationError):
            conforms(broken)
    unsupported = copy.deepcopy(data)
    unsupported["sections"][0]["items"][0]["support"] = []
    with pytest.raises(ValidationError):
        conforms(unsupported)


def test_the_digest_checks_each_brief_against_brief_1() -> None:
    data = json.loads(digest.json(day()))
    conforms(data)
    data["stories"][0]["brief"].pop("title")
    with pytest.raises(ValidationError, match="'title' is a required property"):
        conforms(data)
