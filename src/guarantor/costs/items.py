"""What the guarantee costs a year: the force, its rotation and enablers, paid US support,
military aid to Ukraine, less offsets from outside the sharing key.

Pure functions of a deployed force size, the scenario's ``costs`` parameters and
the registry (planning factors, exchange rates). Every item keeps its basis and
reference so a report can footnote it.
"""

from __future__ import annotations

from dataclasses import dataclass

from guarantor.domain.cost_planning import CostPlanning
from guarantor.errors import NotFoundError
from guarantor.registry import Registry

__all__ = [
    "FACTOR_BY_BASIS",
    "CostItem",
    "SoldierCost",
    "YearlyCost",
    "deployed",
    "soldier_cost",
    "yearly_cost",
]

FACTOR_BY_BASIS = {
    "incremental": "incremental_cost_per_soldier_year_usd_m",
    "full": "cost_per_soldier_year_usd_m",
}
CONTINGENT = "contingent"
COMMON = "common"


@dataclass(frozen=True)
class SoldierCost:
    """Cost per deployed soldier-year in USD, with the range of its source."""

    basis: str
    value: float
    low: float
    high: float
    reference: str


@dataclass(frozen=True)
class CostItem:
    """One line of the yearly bill. ``part`` says who carries it under participants-pay:
    'contingent' (the state whose troops they are) or 'common' (shared)."""

    item: str
    per_year: float
    part: str
    paid_to: str
    basis: str
    reference: str


@dataclass(frozen=True)
class YearlyCost:
    """The bill for one year: items, offsets and the net amount the key shares."""

    items: tuple[CostItem, ...]
    offsets: tuple[CostItem, ...]

    @property
    def gross(self) -> float:
        return sum(i.per_year for i in self.items)

    @property
    def offset(self) -> float:
        return sum(i.per_year for i in self.offsets)

    @property
    def net(self) -> float:
        """What the payers carry: gross less offsets, never below zero."""
        return max(self.gross - self.offset, 0.0)

    def part(self, name: str) -> float:
        """Net amount of one part; offsets reduce every item in proportion."""
        gross = self.gross
        if gross <= 0:
            return 0.0
        share = sum(i.per_year for i in self.items if i.part == name) / gross
        return self.net * share


def soldier_cost(registry: Registry, plan: CostPlanning) -> SoldierCost:
    """The cost per soldier-year of the scenario's basis (a scenario override keeps the
    registry factor's range around it)."""
    name = FACTOR_BY_BASIS[plan.basis]
    factor = registry.factors.get(name)
    if factor is None:
        raise NotFoundError(f"no planning factor {name!r} in the registry")
    value = factor.value * 1e6
    low, high = factor.low * 1e6, factor.high * 1e6
    reference = f"registry factor {name}: {factor.reference}"
    if plan.cost_per_soldier_year_usd is not None:
        value = plan.cost_per_soldier_year_usd
        low, high = min(low, value), max(high, value)
        reference = "scenario costs.cost_per_soldier_year_usd; range: " + reference
    return SoldierCost(plan.basis, value, low, high, reference)


def deployed(force: float, requirement: int, plan: CostPlanning) -> float:
    """Troops that are paid for: the sustained force, up to the requirement if so planned."""
    force = max(float(force), 0.0)
    return min(force, float(requirement)) if plan.deploy_up_to_requirement else force


def _eur(registry: Registry, amount_m: float, plan: CostPlanning) -> float:
    """EUR million -> USD of the price year (the registry's annual average rate)."""
    return amount_m * 1e6 * registry.per_eur("USD", plan.price_year)


def _force_items(troops: float, per_soldier: SoldierCost, plan: CostPlanning) -> list[CostItem]:
    rotations = 12 / plan.tour_months
    troop_cost = troops * per_soldier.value
    return [
        CostItem(
            "troops",
            troop_cost,
            CONTINGENT,
            "contributors",
            f"{troops:,.0f} deployed x USD {per_soldier.value:,.0f} per soldier-year "
            f"({per_soldier.basis})",
            per_soldier.reference,
        ),
        CostItem(
            "rotation",
            troops * rotations * plan.rotation_cost_per_soldier_usd,
            CONTINGENT,
            "contributors",
            f"{rotations:g} swaps a year x USD {plan.rotation_cost_per_soldier_usd:,.0f}",
            "scenario costs.tour_months and costs.rotation_cost_per_soldier_usd",
        ),
        CostItem(
            "enablers",
            troop_cost * plan.enabler_share,
            CONTINGENT,
            "contributors",
            f"{plan.enabler_share:g} x the troop cost",
            "scenario costs.enabler_share",
        ),
    ]


def yearly_cost(
    registry: Registry,
    plan: CostPlanning,
    troops: float,
    *,
    us_backstop: float,
    per_soldier: SoldierCost | None = None,
) -> YearlyCost:
    """The bill for one year with ``troops`` deployed (already capped by ``deployed``).

    ``us_backstop`` is P(the US backs the force): the US items are billed at their
    expected cost (price x probability); 1 bills them in full, 0 not at all."""
    per_soldier = per_soldier or soldier_cost(registry, plan)
    items = _force_items(troops, per_soldier, plan)
    if us_backstop:
        items += [
            CostItem(
                f"us_{s.name}", s.usd_m_per_year * 1e6, COMMON, "USA", "priced item", s.reference
            )
            for s in plan.us_support
        ]
    items.append(
        CostItem(
            "military_aid",
            _eur(registry, plan.military_aid_eur_m_per_year, plan),
            COMMON,
            "UKR",
            f"EUR {plan.military_aid_eur_m_per_year:,.0f}m a year at the {plan.price_year} rate",
            "scenario costs.military_aid_eur_m_per_year",
        )
    )
    offsets = [
        CostItem(
            name,
            _eur(registry, amount, plan),
            COMMON,
            "",
            f"EUR {amount:,.0f}m a year at the {plan.price_year} rate",
            f"scenario costs.{field}",
        )
        for name, field, amount in (
            (
                "frozen_asset_income",
                "frozen_asset_income_eur_m_per_year",
                plan.frozen_asset_income_eur_m_per_year,
            ),
            ("eu_instruments", "eu_instruments_eur_m_per_year", plan.eu_instruments_eur_m_per_year),
        )
        if amount > 0
    ]
    return YearlyCost(tuple(items), tuple(offsets))
