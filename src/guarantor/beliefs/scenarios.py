"""Scenario files: the bundled default, partial files merged over it, errors with lines.

A user's file gives only what it changes. Validation runs on the merged
whole, and any error is traced back through YAML node marks to the line of
the user's file that caused it.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic

from guarantor.domain.scenario import Scenario, deep_merge
from guarantor.errors import ConfigurationError, NotFoundError, UsageError, every_problem
from guarantor.guard import LIMITS, read_text
from guarantor.registry.actors import load_actors
from guarantor.yamlio import YamlDocument, load_yaml

__all__ = [
    "default_scenario",
    "default_scenario_text",
    "load_scenario",
    "parse_scenario",
    "scenario_from_data",
]

_DEFAULT = "default.yaml"


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
    text = read_text(path, max_bytes=LIMITS.max_bytes, error=ConfigurationError)
    return parse_scenario(text, path)


def parse_scenario(text: str, path: str | Path, *, merge: bool = True) -> Scenario:
    """Validate YAML ``text``; errors name ``path``, the line and what was expected."""
    data, loaded = _compose(text, path)
    # a file without 'name:' is called by its file name in every heading, never 'default'
    unnamed = merge and isinstance(data, dict) and "name" not in data and path != _DEFAULT
    if merge:
        base, _ = _compose(default_scenario_text(), _DEFAULT)
        data = deep_merge(base, data)
    problems = _unknown_actors(data, path, loaded)
    try:
        scenario = Scenario.model_validate(data)
    except pydantic.ValidationError as exc:
        errors = exc.errors()
        locs = [tuple(e["loc"]) for e in errors]
        # a container that failed only because an item in it did says nothing more
        specific = [e for e, loc in zip(errors, locs, strict=True) if not _encloses(loc, locs)]
        problems += [_problem(error, path, loaded) for error in specific]
        raise every_problem(sorted(problems, key=lambda p: p.line or 0)) from exc
    if problems:
        raise every_problem(problems)
    return scenario.model_copy(update={"name": Path(path).stem}) if unnamed else scenario


def scenario_from_data(data: Mapping[str, Any], what: str) -> Scenario:
    """A scenario built from a changed copy of another's data (a sweep point, a web edit).

    There is no file to point into, so every problem is named by its dotted key, all
    at once, with the value given.
    """
    try:
        return Scenario.model_validate(data)
    except pydantic.ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']} (got {e.get('input')!r})"
            for e in exc.errors()
        ]
        raise UsageError(f"{what}: " + "; ".join(problems)) from None


def _encloses(loc: tuple[Any, ...], locs: list[tuple[Any, ...]]) -> bool:
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs)


def _problem(error: Any, path: str | Path, loaded: YamlDocument) -> ConfigurationError:
    loc = tuple(str(part) for part in error["loc"])
    where = ".".join(loc) or "(top level)"
    return ConfigurationError(
        f"{where}: {error['msg']} (got {error.get('input')!r})",
        path=path,
        line=loaded.line_of(*loc, default=1 if loaded.lines else None),
    )


def _unknown_actors(
    data: dict[str, Any], path: str | Path, loaded: YamlDocument
) -> list[ConfigurationError]:
    """An override for an actor nobody knows is an error, not a silent no-op."""
    overrides = data.get("overrides")
    if not isinstance(overrides, dict):
        return []  # not a mapping: the schema says so
    actors = load_actors()
    problems = []
    for actor in overrides:
        try:
            actors.get(str(actor))
        except NotFoundError:
            problems.append(
                ConfigurationError(
                    f"overrides: unknown actor {actor!r}; expected a code `guarantor actors` lists",
                    path=path,
                    line=loaded.line_of("overrides", str(actor)),
                )
            )
    return problems


def _compose(text: str, path: str | Path) -> tuple[dict[str, Any], YamlDocument]:
    """Parse YAML, keeping the line of every mapping key by its path."""
    loaded = load_yaml(text, path, error=ConfigurationError)
    if loaded.data is None:
        return {}, loaded
    if not isinstance(loaded.data, dict):
        raise ConfigurationError(
            "a scenario must be a mapping of keys to values", path=path, line=1
        )
    return loaded.data, loaded
