"""The response simulation: same seed same result, obligations only ever speed things up,
nobody fights without a duty or a will to, Article 5 stays out of an attack on Ukraine
alone, and events are processed in a deterministic order."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import simpy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantor.domain.attack import Attack, AttackKind
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import Instrument, Obligation, ObligationType
from guarantor.domain.response import Design, ResponseKind
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option
from guarantor.registry import Registry
from guarantor.response import (
    draw,
    pick_attack,
    pick_design,
    plan_response,
    replicate,
    run_replications,
    simulate_response,
)
from guarantor.response.plan import RESPONSES

INVASION = Attack(name="invasion", kind=AttackKind.ARMED_ATTACK)
TODAY = Design(name="today", help="instruments in force")
MILITARY = [i for i, k in enumerate(RESPONSES) if k.military]
FIGHTING = (Option.AIR_SUPPORT, Option.NAVAL_SUPPORT, Option.GROUND_TROOPS)
SLOW = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _with(scenario: Scenario, actor: str, p: float, **response: object) -> Scenario:
    overrides = {actor: dict.fromkeys(FIGHTING, p) | {Option.SANCTIONS: p, Option.MILITARY_AID: p}}
    planning = scenario.response.model_copy(update=response)
    return scenario.model_copy(update={"overrides": overrides, "response": planning})


def test_same_seed_same_result_and_the_seed_is_recorded(
    bundled: Registry, ledger_evidence: list[Evidence], scenario: Scenario
) -> None:
    run = lambda seed: simulate_response(  # noqa: E731
        bundled, ledger_evidence, scenario, replications=40, seed=seed
    )
    first, again, other = run(11), run(11), run(12)
    assert first == again
    assert first.seed == 11 and first.replications == 40
    assert first.actors != other.actors


@SLOW
@given(
    seed=st.integers(0, 2**32 - 1),
    belief=st.floats(0.0, 1.0),
    actor=st.sampled_from(["DEU", "ITA", "FRA"]),  # mandate with exception, mandate, none
)
def test_automatic_defence_never_responds_later_than_consultation_only(
    world: Callable[..., Registry],
    instrument: Callable[..., Instrument],
    obligation: Callable[..., Obligation],
    scenario: Scenario,
    seed: int,
    belief: float,
    actor: str,
) -> None:
    consult = obligation(ObligationType.CONSULT, actor, automatic=True, hours=24)
    defend = obligation(ObligationType.DEFEND, actor, automatic=True)
    effective = _with(scenario, actor, belief)
    times = []
    for registry in (
        world(instrument("c", actor, consult)),
        world(instrument("d", actor, consult, defend)),
    ):
        plan = plan_response(registry, [], effective, INVASION, TODAY)
        out = run_replications(plan, np.random.default_rng(seed), 25)
        times.append(out.times[:, :, MILITARY].min(axis=2))
    consult_only, with_defence = times
    assert np.all(with_defence <= consult_only)


@SLOW
@given(seed=st.integers(0, 2**32 - 1), tripwire=st.floats(1.0, 50.0))
def test_no_duty_and_zero_belief_never_fights_even_when_hit(
    world: Callable[..., Registry], scenario: Scenario, seed: int, tripwire: float
) -> None:
    strike = Attack(name="strike", kind=AttackKind.ATTACK_ON_FORCE, casualties={"NOR": 5})
    effective = _with(scenario, "NOR", 0.0, tripwire=tripwire)
    plan = plan_response(world(), [], effective, strike, TODAY)
    (nor,) = plan.actors
    assert nor.actor == "NOR" and nor.hit and not nor.routes
    out = run_replications(plan, np.random.default_rng(seed), 30)
    assert np.isinf(out.times[:, 0, MILITARY]).all()


@settings(max_examples=10, deadline=None)
@given(
    kind=st.sampled_from(list(AttackKind)),
    design=st.sampled_from(["bilateral_consultation", "article5_like", "italy_24h"]),
    seed=st.integers(0, 2**32 - 1),
)
def test_article5_never_fires_for_an_attack_on_ukraine_alone(
    bundled: Registry, ledger_evidence: list[Evidence], kind: AttackKind, design: str, seed: int
) -> None:
    from guarantor.beliefs import default_scenario

    scenario = default_scenario()
    casualties = {"FRA": 1} if kind is AttackKind.ATTACK_ON_FORCE else {}
    attack = Attack(name="x", kind=kind, casualties=casualties)
    plan = plan_response(bundled, ledger_evidence, scenario, attack, pick_design(scenario, design))
    if casualties:  # France's soldiers were hit: the allies may consult and invoke
        assert plan.article4 and plan.p_article5 > 0
        return
    assert not plan.article4 and plan.p_article5 == 0
    assert all(r.activation == "now" for a in plan.actors for r in a.routes)
    out = run_replications(plan, np.random.default_rng(seed), 20)
    assert np.isinf(out.article5).all() and np.isinf(out.article4).all()


def test_a_strike_on_the_force_can_bring_article5(
    bundled: Registry, ledger_evidence: list[Evidence], scenario: Scenario
) -> None:
    report = simulate_response(
        bundled,
        ledger_evidence,
        scenario,
        attack=pick_attack(scenario, "strike_on_force"),
        replications=200,
        seed=5,
    )
    assert report.p_article4 == 1.0
    assert 0 < report.p_article5 < 1
    hit = {a.actor for a in report.actors if a.own_troops_hit}
    assert hit == {"GBR", "FRA"}


def test_events_are_processed_in_a_deterministic_order(
    bundled: Registry, ledger_evidence: list[Evidence], scenario: Scenario
) -> None:
    attack = pick_attack(scenario, "strike_on_force")
    plan = plan_response(
        bundled, ledger_evidence, scenario, attack, pick_design(scenario, "us_backstop")
    )
    draws = [draw(plan, np.random.default_rng(3).spawn(5)) for _ in range(2)]
    logs = [[replicate(simpy.Environment(), plan, d) for d in batch] for batch in draws]
    assert logs[0] == logs[1]
    for log in logs[0]:
        assert log, "something happens after a strike on the force"
        times = [entry[0] for entry in log]
        assert times == sorted(times)
        assert all(0 <= t <= scenario.response.horizon_h for t in times)


def test_designs_share_their_draws(
    bundled: Registry, ledger_evidence: list[Evidence], scenario: Scenario
) -> None:
    """Common random numbers: a state's draws do not depend on the design."""
    plans = [
        plan_response(bundled, ledger_evidence, scenario, INVASION, design)
        for design in scenario.response.designs
    ]
    draws = [draw(p, np.random.default_rng(9).spawn(2))[1] for p in plans]
    assert all(d.honour == draws[0].honour and d.ready == draws[0].ready for d in draws)
    consult = RESPONSES.index(ResponseKind.CONSULTATIONS)
    assert all(d.will[0][consult] == draws[0].will[0][consult] for d in draws)
