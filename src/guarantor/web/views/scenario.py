"""The scenario editor: the few knobs a reader turns (conditions, requirement,
correlation, overrides), applied over a base scenario through the scenario's own
validation, saved and read back through the guarded scenario reader, and the
headline of a run for the side-by-side comparison."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guarantor.beliefs import load_scenario
from guarantor.beliefs.scenarios import scenario_from_data
from guarantor.domain.scenario import Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Option
from guarantor.errors import NotFoundError, UsageError
from guarantor.registry.actors import ActorIndex, resolve_actor
from guarantor.reports.assessment import Assessment

__all__ = [
    "BASE",
    "CONDITIONS",
    "ScenarioEdit",
    "apply_edit",
    "edit_from_form",
    "editor_view",
    "headline",
    "load_named",
    "parse_override",
    "save_scenario",
    "saved_names",
    "scenario_path",
]

CONDITIONS = tuple(ScenarioConditions.model_fields)
BASE = "base"  # the name the server's own scenario goes by
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class ScenarioEdit:
    """What the editor changes; None leaves the base's value."""

    requirement: int | None = None
    correlation: float | None = None
    conditions: tuple[tuple[str, float], ...] = ()
    overrides: tuple[str, ...] = ()  # "ACTOR:option=p", e.g. "POL:ground_troops=0.2"

    @property
    def empty(self) -> bool:
        return self == ScenarioEdit()


def edit_from_form(form: Mapping[str, Sequence[str]]) -> ScenarioEdit:
    """The edit a submitted form describes (the editor's own field names)."""

    def number(key: str, kind: type[float] | type[int]) -> Any:
        values = [v for v in form.get(key, ()) if v.strip()]
        if not values:
            return None
        try:
            return kind(values[-1])
        except ValueError:
            raise UsageError(f"{key}: expected a number, got {values[-1]!r}") from None

    return ScenarioEdit(
        requirement=number("requirement", int),
        correlation=number("correlation", float),
        conditions=tuple(
            (key, value) for key in CONDITIONS if (value := number(key, float)) is not None
        ),
        overrides=tuple(v for v in form.get("override", ()) if v.strip()),
    )


def parse_override(text: str, actors: ActorIndex) -> tuple[str, Option, float]:
    """``ACTOR:option=p`` with a known actor, a known option and 0 <= p <= 1."""
    match = re.fullmatch(r"\s*([^:=]+):([a-z_]+)=([0-9.]+)\s*", text)
    if match is None:
        raise UsageError(f"override {text!r}: expected ACTOR:option=probability")
    name, option, value = match.groups()
    code = resolve_actor(name.strip(), actors)
    try:
        chosen, p = Option(option), float(value)
    except ValueError:
        raise UsageError(
            f"override {text!r}: option must be one of {', '.join(o.value for o in Option)}"
        ) from None
    if not 0 <= p <= 1:
        raise UsageError(f"override {text!r}: probability must be between 0 and 1")
    return code, chosen, p


def apply_edit(base: Scenario, edit: ScenarioEdit, actors: ActorIndex) -> Scenario:
    """``base`` with ``edit`` applied, validated as a scenario file would be."""
    if edit.empty:
        return base
    data = base.model_dump(mode="json")
    if edit.requirement is not None:
        data["requirement"] = edit.requirement
    if edit.correlation is not None:
        data["correlation"] = edit.correlation
    for key, value in edit.conditions:
        if key not in CONDITIONS:
            raise UsageError(f"unknown condition {key!r}; expected one of {', '.join(CONDITIONS)}")
        data["conditions"][key] = value
    for text in edit.overrides:
        code, option, p = parse_override(text, actors)
        data["overrides"].setdefault(code, {})[option.value] = p
    data["name"] = f"{base.name} (edited)"
    return scenario_from_data(data, "scenario")


def scenario_path(folder: Path, name: str) -> Path:
    """The file of the saved scenario ``name``: a checked name, inside ``folder`` only."""
    if not _NAME.fullmatch(name) or name == BASE:
        raise UsageError(
            f"scenario name {name!r}: letters, digits, '-' and '_' only, at most 40, not {BASE!r}"
        )
    path = (folder / f"{name}.yaml").resolve()
    if path.parent != folder.resolve():
        raise UsageError(f"scenario name {name!r} leaves the scenarios folder")
    return path


def saved_names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if _NAME.fullmatch(p.stem))


def save_scenario(folder: Path, name: str, scenario: Scenario) -> Path:
    """Write ``scenario`` as a complete scenario file ``guarantor --scenario`` reads."""
    path = scenario_path(folder, name)
    folder.mkdir(parents=True, exist_ok=True)
    data = scenario.model_dump(mode="json") | {"name": name}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def load_named(folder: Path, name: str, base: Scenario) -> Scenario:
    """The base scenario, or a saved one read back through the guarded scenario reader."""
    if name == BASE:
        return base
    path = scenario_path(folder, name)
    if not path.is_file():
        raise NotFoundError(f"no saved scenario {name!r}; saved: {saved_names(folder) or 'none'}")
    return load_scenario(path)


def headline(report: Assessment) -> dict[str, Any]:
    """The numbers two scenarios are compared on, each from the assessment's own parts."""
    off, on = report.who_sends.without_backstop, report.who_sends.with_backstop
    lead = report.reaction[0] if report.reaction else None
    pays = report.who_pays.report if report.who_pays else None
    return {
        "scenario": report.scenario,
        "as_of": report.as_of.isoformat(),
        "requirement": report.who_sends.requirement,
        "p_met_without_us_backstop": round(off.p_requirement_met, 4),
        "p_met_with_us_backstop": round(on.p_requirement_met, 4),
        "median_force_without_us_backstop": off.sustained_force.p50,
        "median_force_with_us_backstop": on.sustained_force.p50,
        "hinges_on": off.hinges_on,
        "first_military_response_p50_h": lead.first_military_response_h.p50 if lead else None,
        "cost_total": round(pays.total, 2) if pays else None,
        "cost_currency": pays.currency if pays else None,
        "top_contributors": [
            {"actor": a.actor, "expected_troops": a.expected_troops}
            for a in sorted(off.actors, key=lambda a: -a.expected_troops)[:5]
        ],
    }


def editor_view(
    base: Scenario, edited: Scenario, left: Assessment, right: Assessment, saved: list[str]
) -> dict[str, Any]:
    """The form's current values and the two runs side by side."""
    return {
        "base": base.name,
        "saved": [BASE, *saved],
        "values": {
            "requirement": edited.requirement,
            "correlation": edited.correlation,
            "conditions": edited.conditions.model_dump(),
            "overrides": {
                a: {o.value: p for o, p in v.items()} for a, v in edited.overrides.items()
            },
        },
        "conditions_help": {
            k: f.description or "" for k, f in ScenarioConditions.model_fields.items()
        },
        "compare": {"left": headline(left), "right": headline(right)},
    }
