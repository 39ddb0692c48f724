"""The cost model on the bundled registry: a larger force never costs less, the JSON
keeps its contract, the range comes from the force distribution."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.costs import KEYS, run_costs
from guarantor.costs.items import deployed, yearly_cost
from guarantor.domain.cost_planning import CostPlanning
from guarantor.domain.scenario import Scenario
from guarantor.forces.model import ActorForce, ForceReport, SustainedForce
from guarantor.registry import Registry, load_registry

REGISTRY = load_registry()
TROOPS = {"FRA": 6000.0, "GBR": 4000.0, "DEU": 3000.0, "POL": 1000.0, "EST": 100.0}


def forces(p5: int, p50: int, p95: int, troops: dict[str, float] = TROOPS) -> ForceReport:
    actors = [
        ActorForce(
            actor=a,
            name=a,
            p_participate=0.5,
            troops_if_participating=int(2 * t),
            expected_troops=t,
            criticality=0.0,
            basis="test",
            detail="test",
        )
        for a, t in troops.items()
    ]
    return ForceReport(
        scenario="test",
        requirement=25_000,
        trials=1,
        seed=1,
        correlation=0.0,
        rotation_ratio=4,
        usability=0.5,
        conditions={},
        p_requirement_met=0.5,
        from_pledges=0.0,
        from_estimates=1.0,
        hinges_on="test",
        sustained_force=SustainedForce(mean=p50, p5=p5, p50=p50, p95=p95, histogram=[]),
        actors=actors,
        sensitivity=[],
        rules={"forces": "test"},
    )


@pytest.fixture(scope="module")
def registry() -> Registry:
    return REGISTRY


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 200_000),
    st.floats(0, 200_000),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["incremental", "full"]),
)
def test_a_larger_force_never_costs_less(a, b, cap, backstop, basis) -> None:
    small, large = sorted((a, b))
    plan = CostPlanning(deploy_up_to_requirement=cap, basis=basis)
    cost = [
        yearly_cost(REGISTRY, plan, deployed(f, 25_000, plan), us_backstop=backstop)
        for f in (small, large)
    ]
    assert cost[0].gross <= cost[1].gross
    assert cost[0].net <= cost[1].net


@pytest.mark.parametrize("key", list(KEYS))
def test_report_adds_up_under_every_bundled_key(registry: Registry, key: str) -> None:
    # five payers cannot carry the bill under the default caps: loosen them
    loose = CostPlanning(cap_share_of_gdp=0.01, cap_share_of_defence_budget=0.5)
    scenario = Scenario().model_copy(update={"costs": loose})
    report = run_costs(registry, forces(2_000, 20_000, 30_000), scenario, key=KEYS[key])
    assert math.isclose(sum(a.amount for a in report.actors), report.total, rel_tol=1e-9)
    assert math.isclose(sum(a.share for a in report.actors), 1.0, rel_tol=1e-9)
    assert report.range["p5"] <= report.range["p50"] <= report.range["p95"]
    assert report.range["p50"] == pytest.approx(report.total)
    assert report.per_soldier_range["low"] <= report.total <= report.per_soldier_range["high"]
    assert report.total == pytest.approx(report.total_per_year * report.years)


def test_json_has_the_contract_keys(registry: Registry) -> None:
    data = run_costs(registry, forces(2_000, 20_000, 30_000), Scenario(), years=5).as_json()
    assert {"total", "currency", "price_year", "key", "years", "actors"} <= set(data)
    assert data["currency"] == "USD" and data["price_year"] == 2024 and data["years"] == 5
    assert data["key"] == "costs.gdp_share.v1"
    for row in data["actors"]:
        assert {"actor", "amount", "share", "share_of_gdp", "share_of_defence_budget"} <= set(row)
    # participants only: the states sending troops
    assert {row["actor"] for row in data["actors"]} == set(TROOPS)


def test_deployed_force_is_capped_at_the_requirement(registry: Registry) -> None:
    report = run_costs(registry, forces(2_000, 20_000, 60_000), Scenario())
    assert report.force["deployed_p95"] == 25_000
    uncapped = Scenario().model_copy(update={"costs": CostPlanning(deploy_up_to_requirement=False)})
    assert run_costs(registry, forces(2_000, 20_000, 60_000), uncapped).force["deployed_p95"] == (
        60_000
    )


def test_us_support_is_billed_only_under_a_backstop(registry: Registry) -> None:
    report = forces(2_000, 20_000, 30_000)
    without = run_costs(registry, report, Scenario())
    with_us = run_costs(registry, report, Scenario().with_conditions(us_backstop=True))
    assert without.us["paid_for"] == []
    paid = {i["item"] for i in with_us.us["paid_for"]}
    assert paid == {"us_air_cover", "us_intelligence", "us_logistics"}
    assert with_us.total > without.total
    nato = run_costs(registry, report, Scenario(), key=KEYS["costs.nato_common_funding.v1"])
    assert 0.1 < nato.us["share"] < 0.2  # the US pays its common-funding share


def test_full_cost_basis_costs_more(registry: Registry) -> None:
    full = Scenario().model_copy(update={"costs": CostPlanning(basis="full")})
    report = forces(2_000, 20_000, 30_000)
    assert run_costs(registry, report, full).total > run_costs(registry, report, Scenario()).total
