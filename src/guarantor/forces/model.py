"""Force generation for a scenario: beliefs -> contributors -> Monte Carlo -> report.

The report object is what every output renders (table, JSON, the assessment),
so they cannot disagree; it records the seed, the trials and the rule names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.forces.capacity import Contributor
from guarantor.forces.generation import (
    candidate_states,
    contributors_for,
    participation_beliefs,
    planning_for_registry,
    simulate_contributors,
)
from guarantor.forces.montecarlo import RULE as FORCE_RULE
from guarantor.forces.montecarlo import Simulation
from guarantor.forces.sensitivity import SensitivityRow, tornado
from guarantor.registry import Registry

__all__ = [
    "ActorForce",
    "ForceReport",
    "SensitivityRow",
    "SustainedForce",
    "candidate_states",
    "contributors_for",
    "hinges_on",
    "participation_beliefs",
    "run_forces",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ActorForce(_Frozen):
    actor: str
    name: str
    p_participate: float
    troops_if_participating: int
    expected_troops: float
    criticality: float
    basis: str
    detail: str


class SustainedForce(_Frozen):
    mean: float
    p5: int
    p50: int
    p95: int
    histogram: list[dict[str, float]]


class ForceReport(_Frozen):
    """The answer to 'who sends troops, and is it enough?' for one scenario."""

    scenario: str
    requirement: int
    trials: int
    seed: int
    correlation: float
    rotation_ratio: float
    usability: float
    conditions: dict[str, float]
    p_requirement_met: float
    from_pledges: float  # share of the expected force from pledged numbers
    from_estimates: float  # share from estimates (states without a numbered pledge)
    hinges_on: str  # the largest sensitivity, in one line
    sustained_force: SustainedForce
    actors: list[ActorForce]
    sensitivity: list[SensitivityRow]
    rules: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types; the keys of ``guarantor forces --format json``."""
        return self.model_dump(mode="json")

    def most_critical(self, n: int = 5) -> list[ActorForce]:
        return sorted(self.actors, key=lambda a: (-a.criticality, a.actor))[:n]


def _histogram(sim: Simulation, bins: int = 20) -> list[dict[str, float]]:
    top = max(sim.quantile(0.999), 1)
    edges = np.linspace(0, top + 1, bins + 1)
    values = np.arange(sim.histogram.size)
    counts, _ = np.histogram(values, bins=edges, weights=sim.histogram)
    return [
        {"lower": float(edges[i]), "upper": float(edges[i + 1]), "p": float(counts[i] / sim.trials)}
        for i in range(bins)
    ]


def _actors(found: Sequence[Contributor], sim: Simulation) -> list[ActorForce]:
    rows = []
    for index, c in enumerate(found):
        without = sim.met_without[index] if sim.met_without is not None else sim.met
        rows.append(
            ActorForce(
                actor=c.actor,
                name=c.name,
                p_participate=round(c.p_participate, 6),
                troops_if_participating=c.troops,
                expected_troops=round(float(sim.troops_sent[index]) / sim.trials, 1),
                criticality=round((sim.met - int(without)) / sim.trials, 6),
                basis=c.basis,
                detail=c.detail,
            )
        )
    return sorted(rows, key=lambda a: (-a.criticality, -a.expected_troops, a.actor))


def _shares(actors: Sequence[ActorForce]) -> tuple[float, float]:
    total = sum(a.expected_troops for a in actors)
    if total <= 0:
        return 0.0, 0.0
    pledged = sum(a.expected_troops for a in actors if a.basis == "pledge")
    return round(pledged / total, 4), round(1 - pledged / total, 4)


def hinges_on(
    p_met: float, actors: Sequence[ActorForce], sensitivity: Sequence[SensitivityRow]
) -> str:
    """The largest single sensitivity in one line: an assumption's swing or a state's weight.

    The requirement is the question asked, not an assumption, so it is left out.
    """
    rows = [r for r in sensitivity if r.parameter != "requirement"]
    best_row = max(rows, key=lambda r: r.swing, default=None)
    best_actor = max(actors, key=lambda a: a.criticality, default=None)
    if best_actor is not None and (best_row is None or best_actor.criticality >= best_row.swing):
        return (
            f"hinges on {best_actor.name} ({best_actor.basis}): without it P(met) falls "
            f"from {p_met:.2f} to {p_met - best_actor.criticality:.2f}"
        )
    if best_row is not None:
        return (
            f"hinges on {best_row.parameter}: P(met) {best_row.p_low:.2f} at {best_row.low:g}, "
            f"{best_row.p_high:.2f} at {best_row.high:g}"
        )
    return "hinges on nothing measured (no contributors)"


def run_forces(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    *,
    sensitivity: bool = True,
) -> ForceReport:
    """The full force-generation answer for ``scenario`` (its trials and seed)."""
    planning = planning_for_registry(registry, scenario)
    found = contributors_for(registry, evidence, scenario, planning)
    sim = simulate_contributors(found, scenario, trials=scenario.trials, criticality=True)
    actors = _actors(found, sim)
    rows = tornado(registry, evidence, scenario, planning) if sensitivity else []
    pledged, estimated = _shares(actors)
    return ForceReport(
        scenario=scenario.name,
        requirement=scenario.requirement,
        trials=sim.trials,
        seed=sim.seed,
        correlation=scenario.correlation,
        rotation_ratio=planning.rotation_ratio,
        usability=planning.usability,
        conditions=scenario.conditions.model_dump(),
        p_requirement_met=sim.p_requirement_met,
        from_pledges=pledged,
        from_estimates=estimated,
        hinges_on=hinges_on(sim.p_requirement_met, actors, rows),
        sustained_force=SustainedForce(
            mean=round(sim.mean(), 1),
            p5=sim.quantile(0.05),
            p50=sim.quantile(0.50),
            p95=sim.quantile(0.95),
            histogram=_histogram(sim),
        ),
        actors=actors,
        sensitivity=rows,
        rules={"beliefs": scenario.beliefs.rule, "forces": FORCE_RULE},
    )
