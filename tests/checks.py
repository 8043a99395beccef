"""The acceptance checks of a brief's JSON, shared by the CLI and golden tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def norm(text: str) -> str:
    """Compare up to white space and quote style."""
    text = re.sub(r"[“”„‟″]|``|''", '"', text)
    text = re.sub(r"[‘’‚‛′]", "'", text)
    return " ".join(text.split())


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'.-]+", text)}


def verify(data: dict[str, Any], root: Path) -> None:
    """Every support sentence is verbatim in its source's file; no two items overlap (the
    versions under "Where sources differ" restate a fact by design)."""
    sources = {s["id"]: s for s in data["sources"]}
    items = [i for s in data["sections"] for i in s["items"]]
    for item in items:
        assert item["support"][0]["sentence"] == item["text"]
        for support in item["support"]:
            source = sources[support["source"]]
            raw = (root / source["path"]).read_text("utf-8")
            assert norm(support["sentence"]) in norm(raw), support
    told = [i for s in data["sections"] if s["key"] != "differ" for i in s["items"]]
    for i, a in enumerate(told):
        for b in told[i + 1 :]:
            wa, wb = words(a["text"]), words(b["text"])
            assert len(wa & wb) < 0.5 * min(len(wa), len(wb)), (a["text"], b["text"])


def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in the package: ``brief-1`` or ``brief-daily-1``."""
    import json
    from importlib.resources import files

    text = files("brief").joinpath("schemas", f"{name}.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def conforms(data: dict[str, Any]) -> None:
    """``data`` is valid against the schema it names (brief/1 or brief-daily/1)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    shipped = [schema("brief-1"), schema("brief-daily-1")]
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in shipped
    )
    chosen = {s["title"]: s for s in shipped}[data["schema"]]
    Draft202012Validator(chosen, registry=registry).validate(data)
