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
            update={"candidates": "all", "sensitivity_trials": 4_000}
        )
    }
)


def by_actor(
    registry: Registry, evidence: list[Evidence], scenario: Scenario = SCENARIO
) -> dict[str, Any]:
    return {c.actor: c for c in contributors_for(registry, evidence, scenario)}


def test_estimates_are_land_forces_times_mission_shares_capped_by_what_is_sustainable(
    tiny_registry: Registry, tiny_evidence: list[Evidence]
) -> None:
    # the tiny world records no earlier mission, so the shares are 1%, 5% and 10%
    found = by_actor(tiny_registry, tiny_evidence)
    assert "UKR" not in found  # excluded: the host
    assert found["AAA"].sizes == (600, 3_000, 6_000)  # 60,000 land forces; cap 7,500
    assert found["AAA"].troops == 3_000 and found["AAA"].basis == "estimate"
    assert found["BBB"].sizes == (400, 2_000, (40_000 * 0.5 - 4_000) // 4)  # less the brigade
    assert found["CCC"].sizes == (300, 1_500, int(30_000 * 0.5 * 0.5 / 4))  # frontline reserve
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
            "forces": SCENARIO.forces.model_copy(update={"usability": 0.1}),
        }
    )
    found = by_actor(tiny_registry, tiny_evidence, scenario)
    assert max(found["AAA"].sizes) == 60_000 * 0.1 // 3  # the cap moved
    assert found["DDD"].troops == 3_000  # a pledged number is not scaled


def test_mission_shares_are_each_states_peak_over_its_land_forces(
    tiny_registry: Registry,
) -> None:
    from datetime import date

    from guarantor.domain.history import MissionFamily, MissionRecord
    from guarantor.forces.capacity import mission_shares

    def sent(actor: str, mission: str, troops: int) -> MissionRecord:
        return MissionRecord(
            id=f"{actor}-{mission}",
            actor=actor,
            mission=mission,
            family=MissionFamily.LAND,
            took_part=True,
            troops=troops,
            year=2010,
            source_url="test",
            paraphrase="test",
        )

    rows = [sent("AAA", "m1", 3_000), sent("AAA", "m2", 6_000), sent("BBB", "m1", 1_000)]
    shares = mission_shares(rows, tiny_registry.states, 0.46)
    assert shares == [(40_000, 1_000 / 40_000), (60_000, 6_000 / 60_000)]
    assert date(2010, 1, 1).year == 2010


def test_comparable_states_are_the_nearest_in_land_force_size() -> None:
    from guarantor.forces.capacity import Planning, comparable_shares

    refs = ((5_000, 0.2), (10_000, 0.1), (100_000, 0.03), (300_000, 0.01))
    plan = Planning(usability=0.5, home_defence_reserve=0.5, rotation_ratio=4.0)
    plan = plan.replace(references=refs, comparable=2)
    assert comparable_shares(8_000, plan) == (0.1, 0.2)
    assert comparable_shares(250_000, plan) == (0.01, 0.03)
    assert comparable_shares(250_000, plan.replace(share_quantile=0.0)) == (0.01, 0.01)


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
    assert data["rules"] == {"beliefs": "beliefs.logodds.v2", "forces": "forces.montecarlo.v2"}
    assert 0 <= data["from_pledges"] <= 1 and data["hinges_on"].startswith("hinges on")
    assert abs(data["from_pledges"] + data["from_estimates"] - 1) < 1e-3
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
    answer = answer_who_sends(
        tiny_registry, tiny_evidence, SCENARIO.model_copy(update={"requirement": 8_000})
    )
    assert answer.with_backstop.p_requirement_met > answer.without_backstop.p_requirement_met
    summary = answer.summary(top=2)
    assert summary["requirement"] == 8_000
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
