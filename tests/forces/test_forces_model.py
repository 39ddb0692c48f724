"""Force generation on a tiny world: capacity, pledges, candidates, the report, the answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.forces import answer_who_sends, contributors_for, run_forces
from guarantor.registry import Registry

SCENARIO = Scenario(trials=20_000, seed=5, requirement=20_000)
SCENARIO = SCENARIO.model_copy(
    update={
        "forces": SCENARIO.forces.model_copy(
            # the whole capacity, so the arithmetic below reads plainly
            update={"candidates": "all", "sensitivity_trials": 4_000, "capacity_share": 1.0}
        )
    }
)


def by_actor(
    registry: Registry, evidence: list[Evidence], scenario: Scenario = SCENARIO
) -> dict[str, Any]:
    return {c.actor: c for c in contributors_for(registry, evidence, scenario)}


def test_capacity_pledge_reserve_commitments_and_rotation(
    tiny_registry: Registry, tiny_evidence: list[Evidence]
) -> None:
    found = by_actor(tiny_registry, tiny_evidence)
    assert "UKR" not in found  # excluded: the host
    assert found["AAA"].troops == 120_000 * 0.5 // 4
    assert found["BBB"].troops == (80_000 * 0.5 - 4_000) // 4  # less the brigade abroad
    assert found["CCC"].troops == 60_000 * 0.5 * 0.5 // 4  # frontline keeps half home
    assert found["DDD"].troops == 3_000 and found["DDD"].basis == "pledge"
    rotated = SCENARIO.model_copy(
        update={"forces": SCENARIO.forces.model_copy(update={"pledges_are_sustained": False})}
    )
    assert by_actor(tiny_registry, tiny_evidence, rotated)["DDD"].troops == 750


def test_scenario_rotation_and_usability_override_the_registry(
    tiny_registry: Registry, tiny_evidence: list[Evidence]
) -> None:
    scenario = SCENARIO.model_copy(
        update={
            "rotation_ratio": 3.0,
            "forces": SCENARIO.forces.model_copy(update={"usability": 0.3}),
        }
    )
    assert by_actor(tiny_registry, tiny_evidence, scenario)["AAA"].troops == 120_000 * 0.3 // 3
    half = SCENARIO.model_copy(
        update={"forces": SCENARIO.forces.model_copy(update={"capacity_share": 0.5})}
    )
    found = by_actor(tiny_registry, tiny_evidence, half)
    assert found["AAA"].troops == 120_000 * 0.5 // 4 * 0.5
    assert found["DDD"].troops == 3_000  # a pledged number is not scaled


def test_candidates_exclude_the_silent_and_the_refusing(
    tiny_registry: Registry, tiny_evidence: list[Evidence], say: Callable[..., Evidence]
) -> None:
    scenario = Scenario()  # committed_or_willing; the tiny world has no agreements
    found = by_actor(tiny_registry, tiny_evidence, scenario)
    assert found["CCC"].p_participate == 0.0  # refused, no pledge
    assert found["DDD"].p_participate > 0  # pledged
    assert found["BBB"].p_participate > 0  # said yes
    silent = by_actor(tiny_registry, [say("BBB", Stance.SUPPORT)], scenario)
    assert silent["AAA"].p_participate == 0.0
    forced = scenario.model_copy(update={"overrides": {"AAA": {Option.GROUND_TROOPS: 0.7}}})
    assert by_actor(tiny_registry, [], forced)["AAA"].p_participate == 0.7


def test_report_has_the_contract_and_records_its_rules(
    tiny_registry: Registry, tiny_evidence: list[Evidence]
) -> None:
    report = run_forces(tiny_registry, tiny_evidence, SCENARIO)
    data = report.as_json()
    for key in ("requirement", "trials", "seed", "p_requirement_met", "sustained_force", "actors"):
        assert key in data
    assert set(data["sustained_force"]) >= {"mean", "p5", "p50", "p95"}
    assert set(data["actors"][0]) >= {"actor", "p_participate", "expected_troops", "criticality"}
    assert data["rules"] == {"beliefs": "beliefs.logodds.v1", "forces": "forces.montecarlo.v1"}
    assert data["trials"] == 20_000 and data["seed"] == 5
    assert {row["parameter"] for row in data["sensitivity"]} >= {
        "correlation",
        "rotation_ratio",
        "usability",
        "requirement",
        "us_backstop",
    }
    assert all(0 <= a["criticality"] <= 1 for a in data["actors"])
    assert run_forces(tiny_registry, tiny_evidence, SCENARIO).as_json() == data


def test_backstop_helps_a_force_whose_biggest_member_waits_for_it(
    tiny_registry: Registry, tiny_evidence: list[Evidence]
) -> None:
    answer = answer_who_sends(tiny_registry, tiny_evidence, SCENARIO)
    assert answer.with_backstop.p_requirement_met > answer.without_backstop.p_requirement_met
    summary = answer.summary(top=2)
    assert summary["requirement"] == 20_000
    assert len(summary["most_critical"]) == 2
    assert summary["most_critical"][0]["actor"] in {"AAA", "BBB"}
    assert answer.without_backstop.sensitivity == []  # off by default in the answer


def test_default_answer_runs_on_the_bundled_registry() -> None:
    from guarantor.registry import load_registry

    registry = load_registry()
    scenario = Scenario(trials=10_000)
    answer = answer_who_sends(registry, scenario=scenario)
    off, on = answer.without_backstop, answer.with_backstop
    assert 0 <= off.p_requirement_met <= 1 and 0 <= on.p_requirement_met <= 1
    assert on.p_requirement_met >= off.p_requirement_met  # conditions met never lower beliefs
    assert {a.actor for a in off.actors} >= {"FRA", "GBR", "DEU"}
