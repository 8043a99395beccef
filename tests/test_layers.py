"""The house rules of the layout: every module has a layer, imports only its own layer or lower
ones (function-level imports included), and no two modules import each other, however far round.

A new module must be given a layer here: that is where its place in the architecture is decided.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "brief"

# Lowest first. A module may import from its own layer and the layers before it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("brief.errors", "brief.models", "brief.version", "brief.progress"),
    (
        "brief.markup",
        "brief.clean",
        "brief.punkt",
        "brief.segment",
        "brief.vectors",
        "brief.deliver",
    ),
    ("brief.timeline", "brief.figures"),  # dates and times of sentences; the figures they give
    ("brief.persons",),  # who the articles name as people: below standalone and speakers
    ("brief.select", "brief.speakers", "brief.lede", "brief.standalone", "brief.claims"),
    ("brief.versions", "brief.headline"),  # sources differ; the headline states the lede
    ("brief.scoring",),  # the registry and every scorer under it
    ("brief.config",),  # validates method names against the registry
    ("brief.web",),  # fetch, robots, cache, extract, feeds: below ingest, which reads pages
    ("brief.ingest",),
    ("brief.sections",),
    ("brief.pipeline", "brief.render"),
    ("brief.mail",),
    ("brief.daily",),
    ("brief.api",),
    ("brief", "brief.cli", "brief.console", "brief.__main__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The layer of a module: its own entry, else its nearest package's."""
    name = module
    while True:
        for i, names in enumerate(LAYERS):
            if name in names:
                return i
        if "." not in name:
            raise KeyError(module)
        name = name.rsplit(".", 1)[0]


def imports(module: str) -> set[str]:
    """The brief modules ``module`` imports anywhere in its body, TYPE_CHECKING blocks aside."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # type-only imports cost nothing at run time and make no cycle
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "brief"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "brief":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    found.discard(module)
    return found


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer(module)  # KeyError names a module without one


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_upward_import(module: str) -> None:
    upward = sorted(m for m in imports(module) if layer(m) > layer(module))
    assert not upward, f"{module} (layer {layer(module)}) imports higher layers: {upward}"


def test_no_import_cycle() -> None:
    graph = {m: imports(m) & set(MODULES) for m in MODULES}
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        if node in path:
            cycle = " -> ".join((*path[path.index(node) :], node))
            pytest.fail(f"import cycle: {cycle}")
        if node in done:
            return
        for nxt in sorted(graph[node]):
            visit(nxt, (*path, node))
        done.add(node)

    for module in sorted(graph):
        visit(module, ())


def test_the_checker_sees_function_level_imports() -> None:
    # The old ingest <-> extract cycle hid behind an import inside a function.
    assert "brief.clean" in imports("brief.web.extract")
    assert "brief.scoring" in imports("brief.config.records")
