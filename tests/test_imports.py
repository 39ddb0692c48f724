"""The house's imports point one way: no cycle between packages of src/guarantor.

Reads every module's imports from its syntax tree (late imports inside
functions included), maps each to its package (``guarantor.extract``,
``guarantor.ingest``, ...; a top-level module is its own package) and fails on
any cycle in that graph, naming it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import guarantor

ROOT = Path(guarantor.__file__).resolve().parent


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if path.name == "__init__.py" else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("guarantor.")}


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = _package(_module_name(path))
        targets = graph.setdefault(source, set())
        for name in _imports(path):
            target = _package(name)
            where = ROOT.parent / target.replace(".", "/")
            if target != source and (where.is_dir() or where.with_suffix(".py").is_file()):
                targets.add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, by depth-first search, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_is_read() -> None:
    graph = package_graph()
    assert "guarantor.ingest" in graph["guarantor.runs"]
    assert "guarantor.extract" in graph["guarantor.runs"]


def test_no_cycle_between_packages() -> None:
    cycle = _cycle(package_graph())
    assert cycle is None, "package import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_nothing_imports_cli() -> None:
    graph = package_graph()
    importers = [p for p, targets in graph.items() if "guarantor.cli" in targets]
    assert importers in ([], ["guarantor.__main__"])  # the entry point may


def test_web_is_a_top_layer() -> None:
    """Only the CLI's ``serve`` reaches the dashboard, and the dashboard never the CLI."""
    graph = package_graph()
    importers = sorted(p for p, targets in graph.items() if "guarantor.web" in targets)
    assert importers == ["guarantor.cli"]
    assert "guarantor.cli" not in graph["guarantor.web"]
    serving = [
        path.name
        for path in (ROOT / "cli").glob("*.py")
        if any(name.startswith("guarantor.web") for name in _imports(path))
    ]
    assert serving == ["serve.py"]
