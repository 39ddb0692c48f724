"""Sharing keys: shares add to 1 and amounts to the bill under every key (hypothesis),
GDP proportionality, caps kept when feasible, a clear error naming states when not."""

from __future__ import annotations

import math

import pytest
from cost_world import bill, context
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.costs.capped import ABILITY_TO_PAY, InfeasibleCapsError, solve_capped
from guarantor.costs.keys import BUILTIN
from guarantor.costs.userkeys import UserKey
from guarantor.domain.cost_planning import CostPlanning

ISO = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
money = st.floats(min_value=1e8, max_value=5e12, allow_nan=False)
payers = st.dictionaries(
    st.sampled_from(ISO),
    st.tuples(money, st.floats(min_value=1e7, max_value=1e11), st.floats(0, 20_000)),
    min_size=1,
    max_size=6,
)
bills = st.tuples(st.floats(0, 5e10), st.floats(0, 5e10), st.floats(0, 1e10)).filter(
    lambda b: b[0] + b[1] - b[2] > 1e6
)
NO_CAPS = CostPlanning(cap_share_of_gdp=None, cap_share_of_defence_budget=None)


def _keys() -> list:
    user = UserKey("user.test.v1", "test", {"AAA": 2.0, "CCC": 1.0, "FFF": 0.5}, "test.yaml")
    return [*BUILTIN.values(), ABILITY_TO_PAY, user]


@settings(max_examples=60, deadline=None)
@given(payers, bills, st.sampled_from(range(5)))
def test_amounts_add_up_to_the_net_bill_under_every_key(found, amounts, which) -> None:
    key = _keys()[which]
    if key.name.startswith("user."):  # the user key names states outside the sample
        found = {**found, **{a: (1e11, 1e9, 0.0) for a in ("AAA", "CCC", "FFF")}}
    shares = {a: 1.0 + i for i, a in enumerate(sorted(found))}
    ctx = context(found, plan=NO_CAPS, shares=shares)
    yearly = bill(*amounts)
    allocation = key.allocate(ctx, yearly)
    total = sum(allocation.amounts.values())
    assert math.isclose(total, yearly.net, rel_tol=1e-9)
    assert math.isclose(sum(a / yearly.net for a in allocation.amounts.values()), 1.0)
    assert all(a >= 0 for a in allocation.amounts.values())


@settings(max_examples=60, deadline=None)
@given(payers, bills)
def test_gdp_key_is_proportional_to_gdp(found, amounts) -> None:
    allocation = BUILTIN["costs.gdp_share.v1"].allocate(context(found), bill(*amounts))
    ratios = [allocation.amounts[a] / found[a][0] for a in found]
    assert max(ratios) == pytest.approx(min(ratios), rel=1e-9)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(money, min_size=1, max_size=8),
    st.lists(st.floats(1e6, 1e11), min_size=8, max_size=8),
    st.floats(1e6, 1e11),
)
def test_caps_are_never_exceeded_when_feasible(gdp, caps, total) -> None:
    actors = [f"S{i}" for i in range(len(gdp))]
    cap = dict(zip(actors, caps, strict=False))
    if sum(cap.values()) < total:
        with pytest.raises(InfeasibleCapsError):
            solve_capped(total, dict(zip(actors, gdp, strict=True)), cap)
        return
    amounts = solve_capped(total, dict(zip(actors, gdp, strict=True)), cap)
    assert math.isclose(sum(amounts.values()), total, rel_tol=1e-9)
    for actor, amount in amounts.items():
        assert amount <= cap[actor] * (1 + 1e-6)
    # below their caps, states pay the same share of GDP
    free = [amounts[a] / g for a, g in zip(actors, gdp, strict=True) if amounts[a] < cap[a] * 0.999]
    if len(free) > 1:
        assert max(free) == pytest.approx(min(free), rel=1e-5)


def test_loose_caps_give_the_gdp_key() -> None:
    found = {"AAA": (1e12, 2e10, 100.0), "BBB": (3e12, 6e10, 0.0)}
    ctx = context(found)
    capped = ABILITY_TO_PAY.allocate(ctx, bill(1e9, 1e9))
    plain = BUILTIN["costs.gdp_share.v1"].allocate(ctx, bill(1e9, 1e9))
    for actor in found:
        assert capped.amounts[actor] == pytest.approx(plain.amounts[actor], rel=1e-7)
    assert capped.binding == () and capped.shifts == ()


def test_a_binding_cap_shifts_to_the_others_and_is_reported() -> None:
    plan = CostPlanning(cap_share_of_gdp=None, cap_share_of_defence_budget=0.1)
    # BBB has a tiny defence budget: 10% of it is 0.1bn, far below its GDP share
    found = {"AAA": (1e12, 5e10, 0.0), "BBB": (1e12, 1e9, 0.0)}
    allocation = ABILITY_TO_PAY.allocate(context(found, plan=plan), bill(2e9, 0.0))
    assert allocation.amounts["BBB"] == pytest.approx(1e8, rel=1e-6)
    assert allocation.amounts["AAA"] == pytest.approx(1.9e9, rel=1e-6)
    assert allocation.binding == ("BBB",)
    moved = {s.actor: s.shifted for s in allocation.shifts}
    assert moved["BBB"] == pytest.approx(-9e8, rel=1e-6)
    assert moved["AAA"] == pytest.approx(9e8, rel=1e-6)


def test_infeasible_caps_name_the_binding_states() -> None:
    plan = CostPlanning(cap_share_of_gdp=0.0001, cap_share_of_defence_budget=None)
    found = {"AAA": (1e12, 5e10, 0.0), "BBB": (2e12, 1e9, 0.0)}
    with pytest.raises(InfeasibleCapsError) as caught:
        ABILITY_TO_PAY.allocate(context(found, plan=plan), bill(1e10, 0.0))
    message = str(caught.value)
    assert "AAA" in message and "BBB" in message and "short" in message
    assert caught.value.exit_code == 2


def test_participants_pay_puts_contingents_on_their_senders() -> None:
    found = {"AAA": (1e12, 1e10, 3000.0), "BBB": (1e12, 1e10, 1000.0)}
    allocation = BUILTIN["costs.participants_pay.v1"].allocate(context(found), bill(4e9, 2e9))
    assert allocation.amounts["AAA"] == pytest.approx(3e9 + 1e9)
    assert allocation.amounts["BBB"] == pytest.approx(1e9 + 1e9)


def test_nato_key_follows_the_cost_shares_and_names_who_is_outside() -> None:
    found = {"AAA": (1e12, 1e10, 10.0), "BBB": (1e12, 1e10, 10.0), "CCC": (1e12, 1e10, 10.0)}
    ctx = context(found, shares={"AAA": 30.0, "BBB": 10.0})
    allocation = BUILTIN["costs.nato_common_funding.v1"].allocate(ctx, bill(4e9, 0.0))
    assert allocation.amounts == pytest.approx({"AAA": 3e9, "BBB": 1e9})
    assert "CCC" in allocation.not_paying
