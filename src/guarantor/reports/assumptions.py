"""Every parameter a run is made under, with its value, help and reference.

Two homes: the scenario's documented parameters (``domain.scenario.parameter_rows``)
and the registry's planning factors (value, plausible range, reference). A report
lists them all and footnotes its numbers to them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from guarantor.domain.scenario import Scenario, parameter_rows
from guarantor.registry import Registry

__all__ = ["Assumption", "assumptions", "factor_assumptions", "scenario_assumptions"]


@dataclass(frozen=True)
class Assumption:
    """One parameter: dotted name, value in this run, default, help and reference."""

    name: str
    value: Any
    default: Any
    help: str
    reference: str
    home: str  # "scenario" or "registry factor"
    changed: bool  # the value differs from the default

    @property
    def value_text(self) -> str:
        return _text(self.value)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return f"{value:.6g}"
    return json.dumps(value, sort_keys=True, default=str)


def _plain(value: Any) -> Any:
    """JSON-ready: models dumped, tuples as lists (so a default compares with a value)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return json.loads(json.dumps(value, default=str))


def _value_at(data: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def scenario_assumptions(scenario: Scenario) -> list[Assumption]:
    """Each documented scenario parameter with its value in ``scenario``."""
    values = scenario.model_dump(mode="json")
    rows = []
    for row in parameter_rows():
        value, default = _value_at(values, row["name"]), _plain(row["default"])
        rows.append(
            Assumption(
                name=row["name"],
                value=value,
                default=default,
                help=row["help"],
                reference=row["reference"],
                home="scenario",
                changed=value != default,
            )
        )
    return rows


def factor_assumptions(registry: Registry) -> list[Assumption]:
    """The registry's planning factors (``guarantor registry factors``), with their ranges."""
    return [
        Assumption(
            name=f"registry.factors.{f.name}",
            value=f.value,
            default=f.value,
            help=f"{f.help} ({f.unit}; plausible range {f.low:g} to {f.high:g})",
            reference=f.reference,
            home="registry factor",
            changed=False,
        )
        for f in sorted(registry.factors.values(), key=lambda f: f.name)
    ]


def assumptions(scenario: Scenario, registry: Registry) -> dict[str, Assumption]:
    """Every parameter by name: the scenario's, then the registry's planning factors."""
    rows = scenario_assumptions(scenario) + factor_assumptions(registry)
    return {row.name: row for row in rows}
