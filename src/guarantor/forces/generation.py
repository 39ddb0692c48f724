"""From beliefs to contributors to one Monte Carlo run: what the report and the
sensitivity sweeps both need (so neither imports the other).
"""

from __future__ import annotations

from collections.abc import Sequence

from guarantor.beliefs.baserates import History
from guarantor.beliefs.logodds import Belief, beliefs_for
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import PledgeKind
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.forces.capacity import Contributor, Planning, contributors, planning_for
from guarantor.forces.montecarlo import Simulation, simulate, state_key
from guarantor.registry import Registry


def planning_for_registry(registry: Registry, scenario: Scenario) -> Planning:
    """The planning factors, with the contribution shares from the registry's missions."""
    return planning_for(registry.factors, scenario, registry.missions, registry.states)


__all__ = [
    "candidate_states",
    "contributors_for",
    "p_met_quick",
    "participation_beliefs",
    "planning_for_registry",
    "simulate_contributors",
]


def participation_beliefs(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario
) -> dict[str, Belief]:
    """Each candidate state's ``ground_troops`` belief under the scenario."""
    skip = set(scenario.forces.excluded)
    actors = [s.iso3 for s in registry.states if s.iso3 not in skip]
    beliefs = beliefs_for(
        evidence,
        scenario,
        actors=actors,
        options=[Option.GROUND_TROOPS],
        history=History.of(registry.missions, registry.meetings),
    )
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
        and e.stated_on is not None
        and e.stated_on <= scenario.as_of
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
        planning or planning_for_registry(current, scenario),
        excluded=scenario.forces.excluded,
        candidates=candidate_states(current, evidence, scenario),
    )


def simulate_contributors(
    found: Sequence[Contributor], scenario: Scenario, *, trials: int, criticality: bool
) -> Simulation:
    width = max((len(c.sizes) for c in found), default=1) or 1
    return simulate(
        [c.p_participate for c in found],
        [_spread(c, width) for c in found],
        scenario.requirement,
        correlation=scenario.correlation,
        trials=trials,
        seed=scenario.seed,
        chunk_trials=scenario.forces.chunk_trials,
        criticality=criticality,
        keys=[state_key(c.actor) for c in found],
    )


def _spread(contributor: Contributor, width: int) -> list[int]:
    """``width`` equally likely sizes: a pledge repeated, an estimate's quantiles."""
    sizes = contributor.sizes or (contributor.troops,)
    if len(sizes) == width:
        return list(sizes)
    if len(sizes) == 1:
        return list(sizes) * width
    picks = ((i + 0.5) / width * len(sizes) for i in range(width))
    return [sorted(sizes)[int(x)] for x in picks]


def p_met_quick(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario, planning: Planning
) -> float:
    """P(requirement met) with the sensitivity trials and no criticality (for sweeps)."""
    found = contributors_for(registry, evidence, scenario, planning)
    trials = scenario.forces.sensitivity_trials
    run = simulate_contributors(found, scenario, trials=trials, criticality=False)
    return run.p_requirement_met
