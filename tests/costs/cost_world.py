"""A tiny world for the cost model: payers with GDP, defence budgets and troops."""

from __future__ import annotations

from collections.abc import Mapping

from guarantor.costs.items import CostItem, YearlyCost
from guarantor.costs.keys import KeyContext, Payer
from guarantor.domain.cost_planning import CostPlanning


def context(
    payers: Mapping[str, tuple[float, float, float]],
    *,
    plan: CostPlanning | None = None,
    shares: Mapping[str, float] | None = None,
) -> KeyContext:
    """``payers``: actor -> (GDP, defence budget, troops), all taking part."""
    states = {
        a: Payer(actor=a, name=f"State {a}", gdp=g, defence=d, troops=t)
        for a, (g, d, t) in payers.items()
    }
    cost_shares = {"nato_common_funding": dict(shares)} if shares else {}
    return KeyContext(states, tuple(sorted(payers)), cost_shares, plan or CostPlanning())


def bill(contingent: float, common: float, offset: float = 0.0) -> YearlyCost:
    items = (
        CostItem("troops", contingent, "contingent", "contributors", "test", "test"),
        CostItem("military_aid", common, "common", "UKR", "test", "test"),
    )
    offsets = (CostItem("offset", offset, "common", "", "test", "test"),) if offset else ()
    return YearlyCost(items, offsets)
