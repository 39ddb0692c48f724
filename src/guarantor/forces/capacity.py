"""What each state could keep deployed in Ukraine if it took part.

From its troop pledge where it made one. Else an estimate: one of K equally
likely sizes, its land forces x what comparable states sent to earlier missions
relative to their land forces (the peak shares of the K states with a record
whose land forces are nearest in size: large conscript armies sent small shares,
small professional ones large shares), each capped by what it can sustain:
land forces x the deployable share (NATO usability target, a share of land
forces), less the home-defence reserve for
states bordering Russia or Belarus and less forces already tied down abroad,
divided by the rotation ratio. Every figure names its basis.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from guarantor.domain.history import MissionFamily, MissionRecord
from guarantor.domain.registry import (
    Commitment,
    PlanningFactor,
    Pledge,
    PledgeKind,
    State,
)
from guarantor.domain.scenario import Scenario

__all__ = [
    "Contributor",
    "Planning",
    "comparable_shares",
    "contributors",
    "land_forces",
    "mission_shares",
    "planning_for",
]

# Fallbacks when a registry lacks a factor (the bundled one has them all).
_FALLBACK = {
    "usability_deployable": 0.5,
    "home_defence_reserve_share": 0.5,
    "rotation_ratio_long_deployment": 4.0,
    "land_forces_share_of_active": 0.46,
}
# With no mission record carrying troop numbers: a tenth of land forces at most.
_NO_SHARES = (0.01, 0.05, 0.1)


@dataclass(frozen=True)
class Planning:
    """The planning factors one run uses, after scenario overrides."""

    usability: float
    home_defence_reserve: float
    rotation_ratio: float
    pledges_are_sustained: bool = True
    land_share: float = 0.46
    references: tuple[tuple[int, float], ...] = ()  # (land forces, peak mission share)
    comparable: int = 9
    share_quantile: float | None = None  # sensitivity: every estimate at this quantile

    def replace(self, **changes: object) -> Planning:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Contributor:
    """One state: P(it takes part) and the troops it keeps deployed if it does."""

    actor: str
    name: str
    p_participate: float
    troops: int  # the median of ``sizes``
    basis: str  # "pledge", "estimate" or "none"
    detail: str
    sizes: tuple[int, ...] = ()  # equally likely sizes; empty: always ``troops``


def _factor(factors: Mapping[str, PlanningFactor], *names: str) -> float:
    for name in names:
        if name in factors:
            return factors[name].value
    return _FALLBACK[names[-1]]


def land_forces(state: State, land_share: float) -> tuple[int, str]:
    """The state's land forces: the sourced figure, else active x the land share."""
    if state.land_forces:
        return state.land_forces, f"{state.land_forces:,} land forces"
    if not state.active_personnel:
        return 0, "no personnel figure"
    land = int(state.active_personnel * land_share)
    return land, f"{land:,} land forces (est. {state.active_personnel:,} active x {land_share:g})"


def mission_shares(
    missions: Iterable[MissionRecord], states: Iterable[State], land_share: float
) -> list[tuple[int, float]]:
    """Per state with a record: (land forces, the most it sent to one earlier land
    mission over its land forces), in order of land forces."""
    land = {s.iso3: land_forces(s, land_share)[0] for s in states}
    peak: dict[str, float] = {}
    for row in missions:
        if row.family is not MissionFamily.LAND or not row.troops or not land.get(row.actor):
            continue
        share = row.troops / land[row.actor]
        peak[row.actor] = max(peak.get(row.actor, 0.0), share)
    return sorted((land[actor], share) for actor, share in peak.items())


def comparable_shares(land: int, planning: Planning) -> tuple[float, ...]:
    """The shares of the ``comparable`` states nearest in land-force size, sorted."""
    if not planning.references or land <= 0:
        chosen: Sequence[float] = _NO_SHARES
    else:
        size = math.log(land)
        nearest = sorted(planning.references, key=lambda r: (abs(math.log(r[0]) - size), r[0]))
        chosen = sorted(share for _, share in nearest[: planning.comparable])
    if planning.share_quantile is not None:
        value = float(np.quantile(np.asarray(chosen), planning.share_quantile))
        return (value,) * len(chosen)
    return tuple(chosen)


def planning_for(
    factors: Mapping[str, PlanningFactor],
    scenario: Scenario,
    missions: Iterable[MissionRecord] = (),
    states: Iterable[State] = (),
) -> Planning:
    """Scenario values where given, else the registry's factors and mission shares.

    The rotation ratio defaults to the long-deployment ratio (4:1): a
    reassurance force is meant to stay for years, not one tour.
    """
    plan = scenario.forces
    land_share = _factor(factors, "land_forces_share_of_active")
    shares = mission_shares(missions, states, land_share)
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
        land_share=land_share,
        references=tuple(shares),
        comparable=plan.estimate_sizes,
    )


def _troop_pledges(pledges: Iterable[Pledge]) -> dict[str, Pledge]:
    """Each actor's largest troop pledge with a number (later pledges revise earlier)."""
    best: dict[str, Pledge] = {}
    for pledge in sorted(pledges, key=lambda p: p.pledged_on):
        if pledge.kind is not PledgeKind.TROOPS or not pledge.amount:
            continue
        best[pledge.actor] = pledge
    return best


def _sustainable(state: State, abroad: int, planning: Planning) -> tuple[int, int, str]:
    """(land forces, what it can keep deployed, how that was worked out)."""
    land, note = land_forces(state, planning.land_share)
    pool = land * planning.usability
    note += f" x {planning.usability:g} deployable"
    if state.borders_russia_or_belarus:
        pool *= 1.0 - planning.home_defence_reserve
        note += f" x (1 - {planning.home_defence_reserve:g} home reserve)"
    if abroad:
        pool -= abroad
        note += f" - {abroad:,} abroad"
    note += f", / {planning.rotation_ratio:g} rotation"
    return land, max(int(pool / planning.rotation_ratio), 0), note


def _estimate(state: State, abroad: int, planning: Planning) -> tuple[tuple[int, ...], str]:
    land, ceiling, note = _sustainable(state, abroad, planning)
    shares = comparable_shares(land, planning)
    sizes = tuple(min(int(land * share), ceiling) for share in shares)
    detail = (
        f"estimate: land forces x the earlier-mission shares of {len(shares)} states of "
        f"similar size, {shares[0]:.3f}-{shares[-1]:.3f}, "
        f"capped at {ceiling:,} sustainable ({note})"
    )
    return sizes, detail


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
        sizes: tuple[int, ...]
        if state.iso3 in pledged:
            troops, detail = _from_pledge(pledged[state.iso3], planning)
            sizes, basis = (troops,), "pledge"
        else:
            sizes, detail = _estimate(state, abroad.get(state.iso3, 0), planning)
            troops = int(np.median(sizes))
            basis = "estimate" if any(sizes) else "none"
        p = float(p_participate.get(state.iso3, 0.0))
        if candidates is not None and state.iso3 not in candidates:
            p, detail = (
                0.0,
                "not a candidate (no agreement, pledge or stated willingness); " + detail,
            )
        result.append(Contributor(state.iso3, state.name, p, troops, basis, detail, sizes))
    return result
