"""Force generation for a scenario: beliefs -> contributors -> Monte Carlo -> report.

The report object is what every output renders (table, JSON, the assessment),
so they cannot disagree; it records the seed, the trials and the rule names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from guarantor.beliefs.logodds import RULE as BELIEF_RULE
from guarantor.beliefs.logodds import Belief, beliefs_for
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import PledgeKind
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.forces.capacity import Contributor, Planning, contributors, planning_for
from guarantor.forces.montecarlo import RULE as FORCE_RULE
from guarantor.forces.montecarlo import Simulation, simulate
from guarantor.registry import Registry

__all__ = [
    "ActorForce",
    "ForceReport",
    "SensitivityRow",
    "SustainedForce",
    "candidate_states",
    "contributors_for",
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


class SensitivityRow(_Frozen):
    parameter: str
    low: float
    high: float
    p_low: float
    p_high: float
    swing: float
    note: str


class ForceReport(_Frozen):
    """The answer to 'who sends troops, and is it enough?' for one scenario."""

    scenario: str
    requirement: int
    trials: int
    seed: int
    correlation: float
    rotation_ratio: float
    usability: float
    conditions: dict[str, bool]
    p_requirement_met: float
    sustained_force: SustainedForce
    actors: list[ActorForce]
    sensitivity: list[SensitivityRow]
    rules: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types; the keys of ``guarantor forces --format json``."""
        return self.model_dump(mode="json")

    def most_critical(self, n: int = 5) -> list[ActorForce]:
        return sorted(self.actors, key=lambda a: (-a.criticality, a.actor))[:n]


def participation_beliefs(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario
) -> dict[str, Belief]:
    """Each candidate state's ``ground_troops`` belief under the scenario."""
    skip = set(scenario.forces.excluded)
    actors = [s.iso3 for s in registry.states if s.iso3 not in skip]
    beliefs = beliefs_for(evidence, scenario, actors=actors, options=[Option.GROUND_TROOPS])
    return {b.actor: b for b in beliefs}


_TROOP_OPTIONS = (Option.GROUND_TROOPS, Option.WESTERN_TROOPS_IN_UKRAINE)


def candidate_states(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario
) -> set[str] | None:
    """States that may contribute: a security agreement with Ukraine, a troop pledge,
    a stated position on troops other than refusal, or the analyst's override
    (None: every state may)."""
    if scenario.forces.candidates == "all":
        return None
    committed = {party for agreement in registry.agreements for party in agreement.parties}
    pledged = {p.actor for p in registry.pledges if p.kind is PledgeKind.TROOPS}
    willing = {
        e.actor
        for e in evidence
        if e.option in _TROOP_OPTIONS
        and e.stance is not Stance.OPPOSE
        and (e.stated_on is None or e.stated_on <= scenario.as_of)
    }
    overridden = {
        actor
        for actor, options in scenario.overrides.items()
        if any(option in _TROOP_OPTIONS for option in options)
    }
    return committed | pledged | willing | overridden


def contributors_for(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    planning: Planning | None = None,
) -> list[Contributor]:
    """The states that could take part, each with its P(participate) and troops."""
    current = registry.as_of(scenario.as_of)
    beliefs = participation_beliefs(current, evidence, scenario)
    return contributors(
        current.states,
        current.commitments,
        current.pledges,
        {actor: b.probability for actor, b in beliefs.items()},
        planning or planning_for(current.factors, scenario),
        excluded=scenario.forces.excluded,
        candidates=candidate_states(current, evidence, scenario),
    )


def _simulate(
    found: Sequence[Contributor], scenario: Scenario, *, trials: int, criticality: bool
) -> Simulation:
    return simulate(
        [c.p_participate for c in found],
        [c.troops for c in found],
        scenario.requirement,
        correlation=scenario.correlation,
        trials=trials,
        seed=scenario.seed,
        chunk_trials=scenario.forces.chunk_trials,
        criticality=criticality,
    )


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
        share = float(sim.participations[index] / sim.trials)
        without = sim.met_without[index] if sim.met_without is not None else sim.met
        rows.append(
            ActorForce(
                actor=c.actor,
                name=c.name,
                p_participate=round(c.p_participate, 6),
                troops_if_participating=c.troops,
                expected_troops=round(share * c.troops, 1),
                criticality=round((sim.met - int(without)) / sim.trials, 6),
                basis=c.basis,
                detail=c.detail,
            )
        )
    return sorted(rows, key=lambda a: (-a.criticality, -a.expected_troops, a.actor))


def run_forces(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    *,
    sensitivity: bool = True,
) -> ForceReport:
    """The full force-generation answer for ``scenario`` (its trials and seed)."""
    from guarantor.forces.sensitivity import tornado  # late: sensitivity calls back here

    planning = planning_for(registry.factors, scenario)
    found = contributors_for(registry, evidence, scenario, planning)
    sim = _simulate(found, scenario, trials=scenario.trials, criticality=True)
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
        sustained_force=SustainedForce(
            mean=round(sim.mean(), 1),
            p5=sim.quantile(0.05),
            p50=sim.quantile(0.50),
            p95=sim.quantile(0.95),
            histogram=_histogram(sim),
        ),
        actors=_actors(found, sim),
        sensitivity=tornado(registry, evidence, scenario, planning) if sensitivity else [],
        rules={"beliefs": BELIEF_RULE, "forces": FORCE_RULE},
    )


def p_met_quick(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario, planning: Planning
) -> float:
    """P(requirement met) with the sensitivity trials and no criticality (for sweeps)."""
    found = contributors_for(registry, evidence, scenario, planning)
    trials = scenario.forces.sensitivity_trials
    return _simulate(found, scenario, trials=trials, criticality=False).p_requirement_met
