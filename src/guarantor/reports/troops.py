"""Who sends troops: the report's view of the two force runs and the tornado.

Numbers come from ``guarantor.forces`` unchanged; this module only attaches to
each the notes it rests on: a state's probability to the positions its belief
counted, its troops to its pledge or to the estimate's account, P(met) to the
run and the parameters it was made under.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from guarantor.beliefs.logodds import Belief
from guarantor.forces.answer import WhoSends
from guarantor.forces.model import ActorForce, ForceReport
from guarantor.reports.citing import Citer
from guarantor.reports.notes import Figure, Note, evidence_note

__all__ = ["ForceView", "Participant", "TornadoBar", "TroopsSection", "troops_section"]

# Parameters every force run is made under (scenario dotted names).
RUN_PARAMETERS = ("requirement", "correlation", "rotation_ratio", "forces.usability", "seed")


@dataclass(frozen=True)
class Participant:
    actor: str
    name: str
    p_participate: Figure
    troops_if_participating: Figure
    expected_troops: Figure
    criticality: Figure
    basis: str  # pledge | estimate | none
    detail: str


@dataclass(frozen=True)
class ForceView:
    """One run (with or without a US backstop): P(met) and the sustained force."""

    label: str
    p_requirement_met: Figure
    mean: Figure
    p5: Figure
    p50: Figure
    p95: Figure
    histogram: tuple[dict[str, float], ...]


@dataclass(frozen=True)
class TornadoBar:
    parameter: str
    low: float
    high: float
    p_low: Figure
    p_high: Figure
    swing: float
    note: str


@dataclass(frozen=True)
class TroopsSection:
    requirement: Figure
    without_backstop: ForceView
    with_backstop: ForceView
    participants: tuple[Participant, ...]
    tornado: tuple[TornadoBar, ...]
    from_pledges: Figure
    hinges_on: str
    trials: int
    seed: int
    rules: dict[str, str]


def _run_note(report: ForceReport, label: str) -> Note:
    conditions = ", ".join(f"{k} {v:g}" for k, v in report.conditions.items())
    return Citer.model(
        f"forces:{label}",
        f"force generation {label} ({report.rules['forces']}, {report.rules['beliefs']})",
        f"{report.trials:,} trials, seed {report.seed}, correlation {report.correlation:g}, "
        f"rotation {report.rotation_ratio:g}:1, usability {report.usability:g}; "
        f"conditions: {conditions}",
        "guarantor forces --scenario ... (same seed, same numbers)",
    )


def _force_view(cite: Citer, report: ForceReport, label: str, key: str) -> ForceView:
    params = cite.param_group(
        f"forces:{key}", "parameters of the force run", *RUN_PARAMETERS, "conditions.us_backstop"
    )
    notes = [_run_note(report, label), params]
    force = report.sustained_force

    def fig(name: str, value: float, unit: Any = "troops") -> Figure:
        return cite.figure(f"forces.{key}.{name}", value, unit, notes)

    return ForceView(
        label=label,
        p_requirement_met=fig("p_requirement_met", report.p_requirement_met, "probability"),
        mean=fig("mean", force.mean),
        p5=fig("p5", force.p5),
        p50=fig("p50", force.p50),
        p95=fig("p95", force.p95),
        histogram=tuple(force.histogram),
    )


def _belief_notes(cite: Citer, belief: Belief | None) -> list[Note]:
    """The positions the belief counted, its prior, and an override if the scenario set one."""
    if belief is None:
        return []
    notes = [evidence_note(v.evidence) for v in belief.votes if v.counted]
    notes.append(
        Citer.model(
            f"prior:{belief.actor}:{belief.option.value}",
            f"prior of {belief.actor} on {belief.option.value}: {belief.prior:.3f}",
            belief.prior_basis or "the scenario's prior for the option",
            f"rule {belief.rule}; guarantor explain {belief.actor} {belief.option.value}",
        )
    )
    if belief.override is not None:
        notes += cite.param("overrides")
    return notes


def _troop_notes(cite: Citer, actor: ActorForce) -> list[Note]:
    pledges = [
        p.id for p in cite.registry.pledges if p.actor == actor.actor and p.id in actor.detail
    ]
    notes = [cite.registry_row(p) for p in pledges]
    notes.append(Citer.model(f"troops:{actor.actor}", f"troops of {actor.name}", actor.detail))
    return notes


def _participant(cite: Citer, actor: ActorForce, belief: Belief | None, run: Note) -> Participant:
    key = f"troops.{actor.actor}"
    return Participant(
        actor=actor.actor,
        name=actor.name,
        p_participate=cite.figure(
            f"{key}.p_participate", actor.p_participate, "probability", _belief_notes(cite, belief)
        ),
        troops_if_participating=cite.figure(
            f"{key}.troops", actor.troops_if_participating, "troops", _troop_notes(cite, actor)
        ),
        expected_troops=cite.figure(f"{key}.expected", actor.expected_troops, "troops", [run]),
        criticality=cite.figure(f"{key}.criticality", actor.criticality, "probability", [run]),
        basis=actor.basis,
        detail=actor.detail,
    )


def _tornado(cite: Citer, report: ForceReport) -> tuple[TornadoBar, ...]:
    bars = []
    for row in report.sensitivity:
        note = Citer.model(
            f"sweep:{row.parameter}",
            f"sensitivity of P(met) to {row.parameter}: {row.low:g} and {row.high:g}",
            row.note,
            "same seed for both ends (common random numbers per state)",
        )
        fig = f"tornado.{row.parameter}"
        bars.append(
            TornadoBar(
                parameter=row.parameter,
                low=row.low,
                high=row.high,
                p_low=cite.figure(f"{fig}.p_low", row.p_low, "probability", [note]),
                p_high=cite.figure(f"{fig}.p_high", row.p_high, "probability", [note]),
                swing=row.swing,
                note=row.note,
            )
        )
    return tuple(bars)


def troops_section(
    cite: Citer, who: WhoSends, beliefs: Mapping[str, Belief], top: int | None = None
) -> TroopsSection:
    """The troops section from the assessment's two runs and the states' beliefs."""
    off, on = who.without_backstop, who.with_backstop
    without = _force_view(cite, off, "without a US backstop", "without_backstop")
    with_ = _force_view(cite, on, "with a US backstop", "with_backstop")
    run = _run_note(off, "without a US backstop")
    actors: Sequence[ActorForce] = [a for a in off.actors if a.p_participate > 0]
    actors = sorted(actors, key=lambda a: (-a.expected_troops, a.actor))[:top]
    return TroopsSection(
        requirement=cite.figure(
            "requirement", who.requirement, "troops", cite.param("requirement")
        ),
        without_backstop=without,
        with_backstop=with_,
        participants=tuple(_participant(cite, a, beliefs.get(a.actor), run) for a in actors),
        tornado=_tornado(cite, off),
        from_pledges=cite.figure("forces.from_pledges", off.from_pledges, "share", [run]),
        hinges_on=off.hinges_on,
        trials=off.trials,
        seed=off.seed,
        rules=dict(off.rules),
    )
