"""What the simulation answers, as one report object per design: when the first
consultation, military response and sanctions come, how many guarantors act
within 24 h / 7 d / 30 d, and each guarantor's chance and speed of a military
response. ``simulate_response`` runs one design, ``compare_designs`` all of the
scenario's designs on the same draws (common random numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field

from guarantor.domain.attack import Attack
from guarantor.domain.evidence import Evidence
from guarantor.domain.response import MILITARY, Design, ResponseKind
from guarantor.domain.scenario import Scenario
from guarantor.errors import NotFoundError
from guarantor.registry import Registry
from guarantor.response.plan import RESPONSES, Plan, plan_response
from guarantor.response.simulation import Outcome, run_replications

__all__ = [
    "ActorResponse",
    "ResponseReport",
    "Timing",
    "compare_designs",
    "pick_attack",
    "pick_design",
    "simulate_response",
]

WINDOWS = {"24h": 24.0, "7d": 168.0, "30d": 720.0}
_MILITARY = [RESPONSES.index(k) for k in RESPONSES if k in MILITARY]
_ACTS = [RESPONSES.index(k) for k in RESPONSES if k is not ResponseKind.CONSULTATIONS]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Timing(_Frozen):
    """Hours after the attack: median and 90th percentile over all replications
    (None when the event comes in fewer than that share), and P(never, within the horizon)."""

    p50: float | None
    p90: float | None
    p_never: float


class ActorResponse(_Frozen):
    actor: str
    p_military_response: float
    median_response_h: float | None
    p_any_response: float
    own_troops_hit: bool
    duties: list[str] = Field(description="covering duties: instrument:type(deadline)")


class ResponseReport(_Frozen):
    """The answer to 'how would they react if attacked?' for one design and attack."""

    design: str
    help: str
    scenario: str
    attack: dict[str, Any]
    replications: int
    seed: int
    horizon_h: float
    guarantors: int
    first_consultation_h: Timing
    first_military_response_h: Timing
    first_sanctions_h: Timing
    acting_within: dict[str, float]
    p_article4: float
    p_article5: float
    actors: list[ActorResponse]
    rule: str

    def as_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def brief(self) -> dict[str, Any]:
        """One row of the comparison table."""
        return {
            "design": self.design,
            "consult_p50_h": self.first_consultation_h.p50,
            "military_p50_h": self.first_military_response_h.p50,
            "military_p90_h": self.first_military_response_h.p90,
            "p_no_military": self.first_military_response_h.p_never,
            "sanctions_p50_h": self.first_sanctions_h.p50,
            **{f"acting_{k}": v for k, v in self.acting_within.items()},
            "p_article5": self.p_article5,
        }


def _timing(first: NDArray[np.float64]) -> Timing:
    ordered = np.sort(first)

    def quantile(q: float) -> float | None:
        value = ordered[int(np.ceil(q * ordered.size)) - 1] if ordered.size else np.inf
        return round(float(value), 1) if np.isfinite(value) else None

    never = float(np.mean(~np.isfinite(first))) if first.size else 1.0
    return Timing(p50=quantile(0.5), p90=quantile(0.9), p_never=round(never, 4))


def _first(times: NDArray[np.float64], columns: list[int]) -> NDArray[np.float64]:
    """Per replication, the earliest time over actors and the given responses."""
    if times.shape[1] == 0:
        return np.full(times.shape[0], np.inf)
    return times[:, :, columns].min(axis=(1, 2))


def _actor_rows(plan: Plan, out: Outcome) -> list[ActorResponse]:
    rows = []
    for i, actor in enumerate(plan.actors):
        military = out.times[:, i, _MILITARY].min(axis=1)
        acted = out.times[:, i, _ACTS].min(axis=1)
        hit = military[np.isfinite(military)]
        duties = sorted(
            {
                f"{r.duty.instrument}:{r.duty.type.value}"
                + (f"<={r.deadline:g}h" if np.isfinite(r.deadline) else "")
                for r in actor.routes
            }
        )
        rows.append(
            ActorResponse(
                actor=actor.actor,
                p_military_response=round(float(np.isfinite(military).mean()), 4),
                median_response_h=round(float(np.median(hit)), 1) if hit.size else None,
                p_any_response=round(float(np.isfinite(acted).mean()), 4),
                own_troops_hit=actor.hit,
                duties=duties,
            )
        )
    return sorted(rows, key=lambda r: (-r.p_military_response, r.actor))


def summarise(plan: Plan, out: Outcome, seed: int) -> ResponseReport:
    """The report for one design from its raw outcome."""
    times = out.times
    consult = np.minimum(_first(times, [RESPONSES.index(ResponseKind.CONSULTATIONS)]), out.article4)
    acted = times[:, :, _ACTS].min(axis=2) if times.shape[1] else np.zeros((times.shape[0], 0))
    planning = plan.scenario.response
    return ResponseReport(
        design=plan.design,
        help=plan.help,
        scenario=plan.scenario.name,
        attack=plan.attack.model_dump(mode="json"),
        replications=times.shape[0],
        seed=seed,
        horizon_h=planning.horizon_h,
        guarantors=len(plan.actors),
        first_consultation_h=_timing(consult),
        first_military_response_h=_timing(_first(times, _MILITARY)),
        first_sanctions_h=_timing(_first(times, [RESPONSES.index(ResponseKind.SANCTIONS)])),
        acting_within={
            k: round(float((acted <= h).sum(axis=1).mean()), 3) for k, h in WINDOWS.items()
        },
        p_article4=round(float(np.isfinite(out.article4).mean()), 4),
        p_article5=round(float(np.isfinite(out.article5).mean()), 4),
        actors=_actor_rows(plan, out),
        rule=planning.rule,
    )


def pick_attack(scenario: Scenario, name: str | None) -> Attack:
    if name is None:
        return scenario.attacks[0]
    for attack in scenario.attacks:
        if attack.name == name:
            return attack
    names = ", ".join(a.name for a in scenario.attacks)
    raise NotFoundError(f"no attack {name!r} in the scenario; expected one of {names}")


def pick_design(scenario: Scenario, name: str | None) -> Design:
    designs = scenario.response.designs
    if name is None:
        return designs[0] if designs else Design(name="in_force", help="instruments in force")
    for design in designs:
        if design.name == name:
            return design
    names = ", ".join(d.name for d in designs)
    raise NotFoundError(f"no design {name!r} in the scenario; expected one of {names}")


def simulate_response(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    *,
    attack: Attack | None = None,
    design: Design | None = None,
    replications: int | None = None,
    seed: int | None = None,
) -> ResponseReport:
    """Simulate the response to ``attack`` (default: the scenario's first) under ``design``."""
    attack = attack or pick_attack(scenario, None)
    design = design or pick_design(scenario, None)
    seed = scenario.seed if seed is None else seed
    count = replications or scenario.response.replications
    plan = plan_response(registry, evidence, scenario, attack, design)
    outcome = run_replications(plan, np.random.default_rng(seed), count)
    return summarise(plan, outcome, seed)


def compare_designs(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    *,
    attack: Attack | None = None,
    replications: int | None = None,
    seed: int | None = None,
) -> list[ResponseReport]:
    """Every design of the scenario on the same attack and the same draws."""
    return [
        simulate_response(
            registry,
            evidence,
            scenario,
            attack=attack,
            design=design,
            replications=replications,
            seed=seed,
        )
        for design in scenario.response.designs
    ]
