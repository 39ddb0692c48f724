"""The cost of the guarantee and who pays (``costs.model.v1``), from a forces result.

The force that can be kept deployed comes from ``guarantor.forces`` (its p5, p50
and p95 carry the uncertainty into the bill); the bill comes from
``costs.items``; a named key splits its net amount among states. The report is
what every output renders (table, CSV, JSON, the assessment).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from guarantor.costs.capped import ABILITY_TO_PAY
from guarantor.costs.items import SoldierCost, YearlyCost, deployed, soldier_cost, yearly_cost
from guarantor.costs.keys import BUILTIN, Allocation, KeyContext, Payer, SharingKey
from guarantor.costs.userkeys import load_user_key
from guarantor.domain.registry import CostShare
from guarantor.domain.scenario import Scenario
from guarantor.errors import UsageError
from guarantor.forces.model import ForceReport
from guarantor.registry import Registry

__all__ = [
    "KEYS",
    "RULE",
    "ActorCost",
    "CostLine",
    "CostReport",
    "key_context",
    "lines",
    "resolve_key",
    "run_costs",
]

RULE = "costs.model.v1"
KEYS: dict[str, SharingKey] = {**BUILTIN, ABILITY_TO_PAY.name: ABILITY_TO_PAY}
_KEY_FILES = {".yaml", ".yml", ".csv"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ActorCost(_Frozen):
    """One state's bill over the horizon; GDP and defence-budget shares are per year."""

    actor: str
    name: str
    amount: float
    amount_per_year: float
    share: float
    share_of_gdp: float | None
    share_of_defence_budget: float | None


class CostLine(_Frozen):
    item: str
    per_year: float
    total: float
    paid_to: str
    basis: str
    reference: str


class ShiftRow(_Frozen):
    actor: str
    uncapped: float
    amount: float
    shifted: float


class CostReport(_Frozen):
    """Who pays what for the guarantee under one key, over ``years``."""

    scenario: str
    key: str
    key_help: str
    currency: str
    price_year: int
    years: int
    total: float
    total_per_year: float
    range: dict[str, float]
    per_soldier_range: dict[str, float]
    cost_per_soldier_year: dict[str, Any]
    force: dict[str, float]
    gross_per_year: float
    offsets_per_year: float
    items: list[CostLine]
    offsets: list[CostLine]
    actors: list[ActorCost]
    caps: dict[str, Any]
    not_paying: list[dict[str, str]]
    us: dict[str, Any]
    rules: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types; the keys of ``guarantor costs --format json``."""
        return self.model_dump(mode="json")

    def top(self, n: int = 10) -> list[ActorCost]:
        return self.actors[:n]


def resolve_key(name: str, registry: Registry) -> SharingKey:
    """A built-in key by its versioned name or short name, or a user key file."""
    if name in KEYS:
        return KEYS[name]
    short = {k.split(".")[1]: key for k, key in KEYS.items()}
    if name in short:
        return short[name]
    if Path(name).suffix.lower() in _KEY_FILES:
        return load_user_key(name, {s.iso3 for s in registry.states})
    raise UsageError(
        f"unknown key {name!r}; expected one of {', '.join(KEYS)} (or their short names "
        f"{', '.join(short)}), or a key file ending .yaml, .yml or .csv"
    )


def _current_shares(rows: list[CostShare], day: date) -> dict[str, dict[str, float]]:
    """Per arrangement, the latest period that started by ``day`` (else the earliest)."""
    periods: dict[str, set[date]] = {}
    for row in rows:
        periods.setdefault(row.arrangement, set()).add(row.valid_from)
    chosen = {
        name: max((d for d in starts if d <= day), default=min(starts))
        for name, starts in periods.items()
    }
    shares: dict[str, dict[str, float]] = {}
    for row in rows:
        if row.valid_from == chosen[row.arrangement]:
            shares.setdefault(row.arrangement, {})[row.actor] = row.share_pct
    return shares


def key_context(registry: Registry, forces: ForceReport, scenario: Scenario) -> KeyContext:
    """Every state's GDP, defence budget (USD a year) and expected troops; who takes part."""
    troops = {a.actor: a.expected_troops for a in forces.actors}
    states = {
        s.iso3: Payer(
            actor=s.iso3,
            name=s.name,
            gdp=s.gdp_usd_bn * 1e9 if s.gdp_usd_bn else None,
            defence=s.defence_spending_usd_m * 1e6 if s.defence_spending_usd_m else None,
            troops=troops.get(s.iso3, 0.0),
        )
        for s in registry.states
    }
    participants = tuple(sorted(a for a, t in troops.items() if t > 0 and a in states))
    shares = _current_shares(registry.cost_shares, scenario.as_of)
    return KeyContext(states, participants, shares, scenario.costs)


def lines(items: Any, years: int) -> list[CostLine]:
    return [
        CostLine(
            item=i.item,
            per_year=round(i.per_year, 2),
            total=round(i.per_year * years, 2),
            paid_to=i.paid_to,
            basis=i.basis,
            reference=i.reference,
        )
        for i in items
    ]


def _actors(states: Mapping[str, Payer], allocation: Allocation, net: float, years: int) -> list:
    rows = []
    for actor, per_year in allocation.amounts.items():
        facts = states[actor]
        rows.append(
            ActorCost(
                actor=actor,
                name=facts.name,
                amount=per_year * years,
                amount_per_year=per_year,
                share=per_year / net if net > 0 else 0.0,
                share_of_gdp=per_year / facts.gdp if facts.gdp else None,
                share_of_defence_budget=per_year / facts.defence if facts.defence else None,
            )
        )
    return sorted(rows, key=lambda r: (-r.amount, r.actor))


def _caps(allocation: Allocation, scenario: Scenario, years: int) -> dict[str, Any]:
    plan = scenario.costs
    return {
        "share_of_gdp": plan.cap_share_of_gdp,
        "share_of_defence_budget": plan.cap_share_of_defence_budget,
        "binding": list(allocation.binding),
        "shifts": [
            ShiftRow(
                actor=s.actor,
                uncapped=s.uncapped * years,
                amount=s.amount * years,
                shifted=s.shifted * years,
            ).model_dump()
            for s in allocation.shifts
        ],
    }


def _us(bill: YearlyCost, allocation: Allocation, years: int) -> dict[str, Any]:
    paid = [i for i in bill.items if i.paid_to == "USA"]
    pays = allocation.amounts.get("USA", 0.0)
    return {
        "amount": pays * years,
        "share": pays / bill.net if bill.net > 0 else 0.0,
        "paid_for": [
            {"item": i.item, "per_year": i.per_year, "total": i.per_year * years} for i in paid
        ],
        "received": sum(i.per_year for i in paid) * years,
    }


def _bill(registry: Registry, scenario: Scenario, force: float, cost: SoldierCost) -> YearlyCost:
    troops = deployed(force, scenario.requirement, scenario.costs)
    return yearly_cost(
        registry,
        scenario.costs,
        troops,
        us_backstop=scenario.conditions.us_backstop,
        per_soldier=cost,
    )


def run_costs(
    registry: Registry,
    forces: ForceReport,
    scenario: Scenario,
    *,
    key: SharingKey | None = None,
    years: int | None = None,
) -> CostReport:
    """Price the guarantee for ``scenario`` from its forces result and share it by ``key``
    (default: the scenario's ``costs.key``) over ``years`` (default: ``costs.years``)."""
    plan = scenario.costs
    years = years or plan.years
    key = key or resolve_key(plan.key, registry)
    cost = soldier_cost(registry, plan)
    force = forces.sustained_force
    bill = _bill(registry, scenario, force.p50, cost)
    context = key_context(registry, forces, scenario)
    allocation = key.allocate(context, bill)
    quantiles = {
        q: _bill(registry, scenario, getattr(force, q), cost).net * years
        for q in ("p5", "p50", "p95")
    }
    low, high = (
        _bill(registry, scenario, force.p50, replace(cost, value=v)).net * years
        for v in (cost.low, cost.high)
    )
    troops = {
        q: deployed(getattr(force, q), scenario.requirement, plan) for q in ("p5", "p50", "p95")
    }
    return CostReport(
        scenario=scenario.name,
        key=key.name,
        key_help=key.help,
        currency=plan.currency,
        price_year=plan.price_year,
        years=years,
        total=bill.net * years,
        total_per_year=bill.net,
        range=quantiles,
        per_soldier_range={"low": low, "high": high},
        cost_per_soldier_year={
            "basis": cost.basis,
            "value": cost.value,
            "low": cost.low,
            "high": cost.high,
            "reference": cost.reference,
        },
        force={"requirement": scenario.requirement, "trials": forces.trials, "seed": forces.seed}
        | {f"deployed_{q}": t for q, t in troops.items()},
        gross_per_year=bill.gross,
        offsets_per_year=bill.offset,
        items=lines(bill.items, years),
        offsets=lines(bill.offsets, years),
        actors=_actors(context.states, allocation, bill.net, years),
        caps=_caps(allocation, scenario, years),
        not_paying=[{"actor": a, "reason": r} for a, r in sorted(allocation.not_paying.items())],
        us=_us(bill, allocation, years),
        rules={"costs": RULE, "key": key.name, **forces.rules},
    )
