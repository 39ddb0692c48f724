"""The main question in one call: who would send troops, and is it enough —
with and without a US backstop, everything else as the scenario says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from guarantor.beliefs.scenarios import default_scenario
from guarantor.beliefs.sources import evidence_from_ledger, independent_sources
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.forces.model import ForceReport, run_forces
from guarantor.registry import Registry

__all__ = ["WhoSends", "answer_who_sends"]


class WhoSends(BaseModel):
    """Two force-generation runs that differ only in the US backstop."""

    model_config = ConfigDict(frozen=True)

    requirement: int
    without_backstop: ForceReport
    with_backstop: ForceReport

    def summary(self, top: int = 5) -> dict[str, Any]:
        """A small JSON-ready answer: P(met) both ways, the critical and the big states."""
        base = self.without_backstop
        return {
            "question": "who would send troops, and is it enough?",
            "requirement": self.requirement,
            "p_requirement_met": {
                "without_us_backstop": round(base.p_requirement_met, 4),
                "with_us_backstop": round(self.with_backstop.p_requirement_met, 4),
            },
            "sustained_force_p50": {
                "without_us_backstop": base.sustained_force.p50,
                "with_us_backstop": self.with_backstop.sustained_force.p50,
            },
            "most_critical": [
                {"actor": a.actor, "name": a.name, "criticality": a.criticality}
                for a in base.most_critical(top)
            ],
            "largest_expected": [
                {"actor": a.actor, "name": a.name, "expected_troops": a.expected_troops}
                for a in sorted(base.actors, key=lambda a: -a.expected_troops)[:top]
            ],
            "from_pledges": base.from_pledges,
            "from_estimates": base.from_estimates,
            "hinges_on": base.hinges_on,
            "trials": base.trials,
            "seed": base.seed,
            "rules": base.rules,
        }


def answer_who_sends(
    registry: Registry,
    evidence: Sequence[Evidence] | None = None,
    scenario: Scenario | None = None,
    *,
    sensitivity: bool = False,
) -> WhoSends:
    """Run the scenario (default: the bundled one) with the US backstop off and on.

    ``evidence`` defaults to the registry's bundled ledger; pass
    ``guarantor.beliefs.world.load_world(db_url)`` to add the store's positions.
    """
    scenario = scenario or default_scenario()
    if evidence is None:
        evidence = independent_sources(evidence_from_ledger(registry.ledger))
    off = run_forces(
        registry, evidence, scenario.with_conditions(us_backstop=False), sensitivity=sensitivity
    )
    on = run_forces(
        registry, evidence, scenario.with_conditions(us_backstop=True), sensitivity=sensitivity
    )
    return WhoSends(requirement=scenario.requirement, without_backstop=off, with_backstop=on)
