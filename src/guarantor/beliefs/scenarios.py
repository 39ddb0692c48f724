"""Scenario files: the bundled default, partial files merged over it, errors with lines.

A user's file gives only what it changes. Validation runs on the merged
whole, and any error is traced back through YAML node marks to the line of
the user's file that caused it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pydantic
import yaml

from guarantor.domain.scenario import Scenario, deep_merge
from guarantor.errors import ConfigurationError
from guarantor.yamlio import safe_load

__all__ = ["default_scenario", "default_scenario_text", "load_scenario", "parse_scenario"]

_DEFAULT = "default.yaml"
LineMap = dict[tuple[str, ...], int]


def default_scenario_text() -> str:
    """The commented default scenario, as shipped (for ``scenario init``)."""
    return resources.files("guarantor").joinpath(f"data/scenario/{_DEFAULT}").read_text("utf-8")


def default_scenario() -> Scenario:
    return parse_scenario(default_scenario_text(), "<bundled default.yaml>", merge=False)


def load_scenario(path: str | Path | None) -> Scenario:
    """The scenario in ``path`` merged over the default; the default when ``path`` is None."""
    if path is None:
        return default_scenario()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"cannot read scenario file: {exc.strerror}", path=path) from exc
    return parse_scenario(text, path)


def parse_scenario(text: str, path: str | Path, *, merge: bool = True) -> Scenario:
    """Validate YAML ``text``; errors name ``path``, the line and what was expected."""
    data, lines = _compose(text, path)
    if merge:
        base, _ = _compose(default_scenario_text(), _DEFAULT)
        data = deep_merge(base, data)
    try:
        return Scenario.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(str(part) for part in first["loc"])
        where = ".".join(loc) or "(top level)"
        raise ConfigurationError(
            f"{where}: {first['msg']} (got {first.get('input')!r})",
            path=path,
            line=_line_of(loc, lines),
        ) from exc


def _compose(text: str, path: str | Path) -> tuple[dict[str, Any], LineMap]:
    """Parse YAML and record the line of every mapping key, by its path."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise ConfigurationError(
            f"not valid YAML: {exc.problem}", path=path, line=line, column=column
        ) from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or node is None:
        raise ConfigurationError(
            "a scenario must be a mapping of keys to values", path=path, line=1
        )
    lines: LineMap = {}
    _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, prefix: tuple[str, ...], lines: LineMap) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, str(key.value))
            lines[path] = key.start_mark.line + 1
            _walk(value, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, str(index))
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines)


def _line_of(loc: tuple[str, ...], lines: LineMap) -> int | None:
    """The line of the longest prefix of ``loc`` that the user's file contains."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1 if lines else None
