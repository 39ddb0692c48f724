"""One design on one attack, made ready to simulate: who the guarantors are, what each
owes (its duties, read from the instruments), what each wants to do (its beliefs,
raised by the tripwire) and how each decides (its procedure).

Every state of the registry (and the EU) keeps a fixed slot in the random draws,
so two designs of the same attack see the same draws for the same state: the
comparison runs on common random numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from guarantor.beliefs.logodds import beliefs_for
from guarantor.domain.attack import ARMED_KINDS, Attack, AttackKind
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import Instrument, InstrumentKind
from guarantor.domain.response import Delay, Design, ResponseKind
from guarantor.domain.scenario import Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Option
from guarantor.errors import ConfigurationError, NotFoundError
from guarantor.registry import Registry
from guarantor.response.obligations import (
    NATO,
    REQUIRED,
    Duty,
    Parties,
    covers,
    read_duties,
)

__all__ = ["RESPONSES", "ActorPlan", "Plan", "Route", "plan_response", "universe"]

RESPONSES = tuple(ResponseKind)
ORGANISATIONS = ("EU",)


@dataclass(frozen=True)
class Route:
    """Responses a covering duty requires, once it binds and the state honours it."""

    rate: float  # honoured when the state's uniform is below this rate
    activation: str  # an Activation value (plain str: read in the inner loop)
    automatic: bool
    deadline: float  # hours after the attack; inf when none
    responses: tuple[int, ...]  # indices into RESPONSES
    duty: Duty

    label: str = ""  # instrument:type

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", f"{self.duty.instrument}:{self.duty.type.value}")


@dataclass(frozen=True)
class ActorPlan:
    actor: str
    slot: int  # its place in the draws (the same in every design)
    hit: bool  # its own soldiers were killed
    stand: float  # P(it stands by Ukraine at all)
    will: tuple[float, ...]  # P(acts | stands by), per response in RESPONSES
    routes: tuple[Route, ...]
    executive: Delay
    parliament: Delay | None
    emergency_exception: bool


@dataclass(frozen=True)
class Plan:
    design: str
    help: str
    attack: Attack
    actors: tuple[ActorPlan, ...]
    slots: int
    article4: bool  # the North Atlantic Council meets
    p_article5: float  # P(the allies invoke Article 5)
    scenario: Scenario


def universe(registry: Registry) -> tuple[str, ...]:
    """Every actor that can hold a slot: the registry's states and the EU, sorted."""
    return tuple(sorted({s.iso3 for s in registry.states} | set(ORGANISATIONS)))


def _check_actors(names: Sequence[str], known: Sequence[str], what: str) -> None:
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise NotFoundError(f"{what}: unknown actor(s) {', '.join(unknown)}; expected ISO3 codes")


def _effective_attack(attack: Attack, design: Design, contributors: Sequence[str]) -> Attack:
    """With the force present, an armed attack on Ukraine also kills its soldiers."""
    if not design.force_present or attack.casualties or attack.kind not in ARMED_KINDS:
        return attack
    if attack.target != "UKR":
        return attack
    return Attack(
        name=attack.name,
        kind=AttackKind.ATTACK_ON_FORCE,
        target=attack.target,
        attacker=attack.attacker,
        casualties=dict.fromkeys(contributors, 1),
        help=attack.help + " The reassurance force is hit too (one death per contributor).",
    )


def _design_scenario(scenario: Scenario, design: Design) -> Scenario:
    unknown = sorted(set(design.conditions) - set(ScenarioConditions.model_fields))
    if unknown:
        raise ConfigurationError(
            f"design {design.name}: unknown condition(s) {', '.join(unknown)}; expected "
            + ", ".join(ScenarioConditions.model_fields)
        )
    return scenario.with_conditions(**design.conditions) if design.conditions else scenario


def _instruments(registry: Registry, scenario: Scenario, design: Design) -> list[Instrument]:
    current = [
        i
        for i in registry.as_of(scenario.as_of).instruments
        if i.kind is not InstrumentKind.PROPOSAL
    ]
    by_id = {i.id: i for i in registry.instruments}
    missing = [name for name in design.instruments if name not in by_id]
    if missing:
        raise NotFoundError(f"design {design.name}: no registry instrument {', '.join(missing)}")
    return current + [by_id[name] for name in design.instruments]


def _routes(
    duties: Sequence[Duty], attack: Attack, scenario: Scenario, nato: frozenset[str]
) -> Iterator[Route]:
    """Each covering duty as routes: fighting at the defend rate, the rest at the
    commitment rate (a defence duty that is honoured also means consultations and aid)."""
    planning = scenario.response
    rates = planning.reliability
    for duty in duties:
        activation = covers(duty, attack, nato)
        if activation is None:
            continue
        deadline = float(duty.deadline_hours) if duty.deadline_hours is not None else math.inf
        able = REQUIRED[duty.type] & frozenset(planning.procedure(duty.actor).responses)
        for military, rate in ((False, rates["commitment"]), (True, rates["defend"])):
            chosen = tuple(
                i for i, k in enumerate(RESPONSES) if k in able and k.military == military
            )
            if chosen:
                yield Route(rate, activation.value, duty.automatic, deadline, chosen, duty)


def _will(
    actor: str, beliefs: dict[tuple[str, Option], float], scenario: Scenario, hit: bool
) -> tuple[float, ...]:
    """P(acts | stands by) per response: its belief, raised by the tripwire when hit."""
    planning = scenario.response
    able = set(planning.procedure(actor).responses)
    values = []
    for kind in RESPONSES:
        if kind not in able:
            values.append(0.0)
            continue
        p = planning.consult_at_will if kind.option is None else beliefs[(actor, kind.option)]
        if hit:
            p = p * planning.tripwire / (1.0 - p + p * planning.tripwire)
        values.append(p)
    return tuple(values)


def plan_response(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    attack: Attack,
    design: Design,
) -> Plan:
    """Guarantors, duties, beliefs and procedures for ``design`` facing ``attack``."""
    planning = scenario.response
    slots = universe(registry)
    _check_actors(planning.force_contributors, slots, "response.force_contributors")
    _check_actors(list(planning.procedures), slots, "response.procedures")
    _check_actors([attack.target, attack.attacker], slots, f"attack {attack.name}")
    attack = _effective_attack(attack, design, planning.force_contributors)
    _check_actors(list(attack.casualties), slots, f"attack {attack.name} casualties")
    scenario = _design_scenario(scenario, design)
    instruments = _instruments(registry, scenario, design)
    partners = {
        p
        for i in instruments
        if i.kind is InstrumentKind.BILATERAL_AGREEMENT
        for p in i.parties
        if p != "UKR"
    }
    parties = Parties(registry.states, frozenset(partners), frozenset(planning.force_contributors))
    nato = parties.nato
    duties = read_duties(instruments, parties)
    members_hit = attack.target in nato or any(s in nato for s in attack.casualties)
    owed = {d.actor for d in duties if d.to == "UKR" and attack.target == "UKR"}
    owed |= {d.actor for d in duties if d.to == NATO and members_hit}
    guarantors = sorted((owed | set(attack.casualties)) - {attack.attacker, attack.target})
    _check_actors(guarantors, slots, f"instruments of design {design.name}")
    options = sorted({k.option for k in RESPONSES if k.option is not None})
    beliefs = {
        (b.actor, b.option): b.probability
        for b in beliefs_for(evidence, scenario, actors=guarantors, options=options)
    }
    routes = list(_routes(duties, attack, scenario, nato))
    actors = []
    for actor in guarantors:
        procedure = planning.procedure(actor)
        hit = actor in attack.casualties
        own = tuple(r for r in routes if r.duty.actor == actor)
        rates = planning.reliability
        actors.append(
            ActorPlan(
                actor=actor,
                slot=slots.index(actor),
                hit=hit,
                stand=rates["commitment"] if own else rates["none"],
                will=_will(actor, beliefs, scenario, hit),
                routes=own,
                executive=procedure.executive or planning.executive,
                parliament=procedure.parliament,
                emergency_exception=procedure.emergency_exception,
            )
        )
    armed = attack.kind in ARMED_KINDS and members_hit
    p5 = 0.0 if not armed else 1.0 if attack.target in nato else planning.article5_forces_abroad
    return Plan(
        design=design.name,
        help=design.help,
        attack=attack,
        actors=tuple(actors),
        slots=len(slots),
        article4=members_hit,
        p_article5=p5,
        scenario=scenario,
    )
