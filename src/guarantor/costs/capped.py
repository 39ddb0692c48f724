"""``costs.ability_to_pay.v1``: GDP shares, but no state above a cap, solved with HiGHS.

Each participant pays in proportion to its GDP unless that would take it past
its cap (a share of its GDP and/or of its defence budget a year); what the
capped states cannot carry moves to the others, still in proportion to GDP.
That is the linear programme

    minimise z  subject to  sum_i x_i = 1,  0 <= x_i <= cap_i / T,  x_i <= z * g_i

with x_i the share of the bill T paid by state i and g_i its share of the
payers' GDP. Its optimum is unique: every state pays min(cap_i, z* g_i T).
"""

from __future__ import annotations

import os
import sys
from functools import cache

import highspy
import numpy as np

from guarantor.costs.items import YearlyCost
from guarantor.costs.keys import (
    Allocation,
    FunctionKey,
    KeyContext,
    Shift,
    by_weight,
    gdp_weights,
)
from guarantor.errors import ConfigurationError

__all__ = ["ABILITY_TO_PAY", "InfeasibleCapsError", "ability_to_pay", "caps_for", "solve_capped"]

_TOLERANCE = 1e-9


class InfeasibleCapsError(ConfigurationError):
    """The caps together cannot cover the bill; the message names the binding states."""


def caps_for(context: KeyContext, actors: list[str]) -> dict[str, float]:
    """Each payer's cap a year in USD (infinite where no cap applies or a figure is missing)."""
    plan = context.plan
    caps: dict[str, float] = {}
    for actor in actors:
        facts = context.states[actor]
        limits = [np.inf]
        if plan.cap_share_of_gdp is not None and facts.gdp:
            limits.append(plan.cap_share_of_gdp * facts.gdp)
        if plan.cap_share_of_defence_budget is not None and facts.defence:
            limits.append(plan.cap_share_of_defence_budget * facts.defence)
        caps[actor] = float(min(limits))
    return caps


def _infeasible(total: float, caps: dict[str, float]) -> InfeasibleCapsError:
    ranked = sorted(caps.items(), key=lambda item: -item[1])
    named = ", ".join(f"{a} {c / 1e9:,.2f}bn" for a, c in ranked)
    room = sum(caps.values())
    return InfeasibleCapsError(
        f"costs.ability_to_pay.v1: the caps cannot cover USD {total / 1e9:,.2f}bn a year; "
        f"every payer is bound by its cap ({named}; USD {room / 1e9:,.2f}bn together, "
        f"USD {(total - room) / 1e9:,.2f}bn short). Raise costs.cap_share_of_gdp or "
        "costs.cap_share_of_defence_budget, or lower the bill"
    )


@cache
def _banner_shown() -> bool:
    """HiGHS prints its banner to the C-level stdout once per process, at the first
    ``Highs()``, before any option can silence it; swallow it so JSON output stays JSON."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    return True


def _solver() -> highspy.Highs:
    _banner_shown()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    return h


def solve_capped(total: float, gdp: dict[str, float], caps: dict[str, float]) -> dict[str, float]:
    """Amounts a year: GDP-proportional with caps, by the linear programme above (HiGHS)."""
    actors = list(gdp)
    if total <= 0:
        return dict.fromkeys(actors, 0.0)
    if sum(caps[a] for a in actors) < total * (1 - _TOLERANCE):
        raise _infeasible(total, {a: caps[a] for a in actors})
    weights = np.array([gdp[a] for a in actors], dtype=float)
    weights /= weights.sum()
    upper = np.array([min(caps[a] / total, 1.0) for a in actors])
    n = len(actors)
    h = _solver()
    inf = highspy.kHighsInf
    for bound in upper:
        h.addVar(0.0, float(bound))
    h.addVar(0.0, inf)  # z, the common level of payment relative to GDP share
    h.changeColCost(n, 1.0)
    h.addRow(1.0, 1.0, n, np.arange(n, dtype=np.int32), np.ones(n))
    for i, weight in enumerate(weights):
        h.addRow(-inf, 0.0, 2, np.array([i, n], dtype=np.int32), np.array([1.0, -weight]))
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise _infeasible(total, {a: caps[a] for a in actors})
    shares = np.clip(np.array(h.getSolution().col_value[:n]), 0.0, upper)
    shares /= shares.sum()
    return {a: float(s * total) for a, s in zip(actors, shares, strict=True)}


def ability_to_pay(context: KeyContext, bill: YearlyCost) -> Allocation:
    """Participants pay by GDP, capped; the shifts say what the caps moved to whom."""
    weights, skipped = gdp_weights(context, context.participants)
    uncapped = by_weight(bill.net, weights, what="costs.ability_to_pay.v1")
    caps = caps_for(context, list(weights))
    amounts = solve_capped(bill.net, weights, caps)
    binding = tuple(
        sorted(a for a in amounts if np.isfinite(caps[a]) and amounts[a] >= caps[a] * (1 - 1e-6))
    )
    shifts = tuple(
        Shift(a, uncapped[a], amounts[a])
        for a in sorted(amounts, key=lambda a: amounts[a] - uncapped[a])
        if abs(amounts[a] - uncapped[a]) > 1e-6 * max(bill.net, 1.0)
    )
    return Allocation(amounts, skipped, binding, shifts)


ABILITY_TO_PAY = FunctionKey(
    "costs.ability_to_pay.v1",
    "participants pay by GDP, no state above its cap (costs.cap_share_of_gdp / "
    "cap_share_of_defence_budget); the cut moves to the others by GDP",
    ability_to_pay,
)
