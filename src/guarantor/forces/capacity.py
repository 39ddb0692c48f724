"""What each state could keep deployed in Ukraine if it took part.

From its troop pledge where it made one; else from its capacity: active
personnel x the deployable share (NATO usability target), less the home-defence
reserve for states bordering Russia or Belarus and less forces already tied
down abroad, divided by the rotation ratio. Every figure names its basis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from guarantor.domain.registry import Commitment, PlanningFactor, Pledge, PledgeKind, State
from guarantor.domain.scenario import Scenario

__all__ = ["Contributor", "Planning", "contributors", "planning_for"]

# Fallbacks when a registry lacks a factor (the bundled one has them all).
_FALLBACK = {
    "usability_deployable": 0.5,
    "home_defence_reserve_share": 0.5,
    "rotation_ratio_long_deployment": 4.0,
}


@dataclass(frozen=True)
class Planning:
    """The planning factors one run uses, after scenario overrides."""

    usability: float
    home_defence_reserve: float
    rotation_ratio: float
    pledges_are_sustained: bool = True
    capacity_share: float = 1.0

    def replace(self, **changes: float) -> Planning:
        values = {**self.__dict__, **changes}
        return Planning(**values)


@dataclass(frozen=True)
class Contributor:
    """One state: P(it takes part) and the troops it keeps deployed if it does."""

    actor: str
    name: str
    p_participate: float
    troops: int
    basis: str  # "pledge", "capacity" or "none"
    detail: str


def _factor(factors: Mapping[str, PlanningFactor], *names: str) -> float:
    for name in names:
        if name in factors:
            return factors[name].value
    return _FALLBACK[names[-1]]


def planning_for(factors: Mapping[str, PlanningFactor], scenario: Scenario) -> Planning:
    """Scenario values where given, else the registry's factors.

    The rotation ratio defaults to the long-deployment ratio (4:1): a
    reassurance force is meant to stay for years, not one tour.
    """
    plan = scenario.forces
    return Planning(
        usability=plan.usability or _factor(factors, "usability_deployable"),
        home_defence_reserve=(
            plan.home_defence_reserve
            if plan.home_defence_reserve is not None
            else _factor(factors, "home_defence_reserve_share")
        ),
        rotation_ratio=scenario.rotation_ratio
        or _factor(factors, "rotation_ratio_long_deployment"),
        pledges_are_sustained=plan.pledges_are_sustained,
        capacity_share=plan.capacity_share,
    )


def _troop_pledges(pledges: Iterable[Pledge]) -> dict[str, Pledge]:
    """Each actor's largest troop pledge with a number (later pledges revise earlier)."""
    best: dict[str, Pledge] = {}
    for pledge in sorted(pledges, key=lambda p: p.pledged_on):
        if pledge.kind is not PledgeKind.TROOPS or not pledge.amount:
            continue
        best[pledge.actor] = pledge
    return best


def _capacity(state: State, abroad: int, planning: Planning) -> tuple[int, str]:
    if not state.active_personnel:
        return 0, "no active-personnel figure"
    pool = state.active_personnel * planning.usability
    note = f"{state.active_personnel:,} active x {planning.usability:g} deployable"
    if state.borders_russia_or_belarus:
        pool *= 1.0 - planning.home_defence_reserve
        note += f" x (1 - {planning.home_defence_reserve:g} home reserve)"
    if abroad:
        pool -= abroad
        note += f" - {abroad:,} abroad"
    troops = max(int(pool / planning.rotation_ratio * planning.capacity_share), 0)
    note += f", / {planning.rotation_ratio:g} rotation"
    if planning.capacity_share != 1.0:
        note += f" x {planning.capacity_share:g} offered"
    return troops, note


def _from_pledge(pledge: Pledge, planning: Planning) -> tuple[int, str]:
    amount = pledge.amount or 0.0
    divisor = 1.0 if planning.pledges_are_sustained else planning.rotation_ratio
    detail = f"pledge {pledge.id}: {amount:,.0f} {pledge.unit}"
    if divisor != 1.0:
        detail += f" / {divisor:g} rotation"
    return int(amount / divisor), detail


def contributors(
    states: Iterable[State],
    commitments: Iterable[Commitment],
    pledges: Iterable[Pledge],
    p_participate: Mapping[str, float],
    planning: Planning,
    excluded: Iterable[str] = (),
    candidates: set[str] | None = None,
) -> list[Contributor]:
    """Every state not excluded, in ISO order, with its troops and its basis.

    States outside ``candidates`` (when given) are listed with P = 0.
    """
    skip = {e.upper() for e in excluded}
    abroad: dict[str, int] = {}
    for commitment in commitments:
        abroad[commitment.actor] = abroad.get(commitment.actor, 0) + commitment.troops
    pledged = _troop_pledges(pledges)
    result = []
    for state in sorted(states, key=lambda s: s.iso3):
        if state.iso3 in skip:
            continue
        if state.iso3 in pledged:
            troops, detail = _from_pledge(pledged[state.iso3], planning)
            basis = "pledge"
        else:
            troops, detail = _capacity(state, abroad.get(state.iso3, 0), planning)
            basis = "capacity" if troops else "none"
        p = float(p_participate.get(state.iso3, 0.0))
        if candidates is not None and state.iso3 not in candidates:
            p, detail = (
                0.0,
                "not a candidate (no agreement, pledge or stated willingness); " + detail,
            )
        result.append(Contributor(state.iso3, state.name, p, troops, basis, detail))
    return result
