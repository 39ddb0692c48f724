"""The assessment's 'who would pay?': the scenario's bill under its key, with its range,
the top payers, the US share and what the US would be paid for under a backstop.

Built from the two force runs the assessment already has (without and with a US
backstop), so it adds no Monte Carlo of its own.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from guarantor.costs.items import yearly_cost
from guarantor.costs.model import CostLine, CostReport, lines, run_costs
from guarantor.domain.scenario import Scenario
from guarantor.forces.answer import WhoSends
from guarantor.registry import Registry

__all__ = ["WhoPays", "answer_who_pays", "us_items"]


class WhoPays(BaseModel):
    """The scenario's cost report, and the US items priced when the backstop holds."""

    model_config = ConfigDict(frozen=True)

    report: CostReport
    us_backstop_items: list[CostLine]

    def summary(self, top: int = 10) -> dict[str, Any]:
        """A small JSON-ready answer: total with range, top payers, the US share."""
        r = self.report
        return {
            "question": "who would pay?",
            "key": r.key,
            "currency": r.currency,
            "price_year": r.price_year,
            "years": r.years,
            "total": round(r.total, 2),
            "total_per_year": round(r.total_per_year, 2),
            "range": {q: round(v, 2) for q, v in r.range.items()},
            "per_soldier_range": {q: round(v, 2) for q, v in r.per_soldier_range.items()},
            "top_payers": [
                {
                    "actor": a.actor,
                    "name": a.name,
                    "amount": round(a.amount, 2),
                    "share": round(a.share, 6),
                    "share_of_gdp": a.share_of_gdp,
                }
                for a in r.top(top)
            ],
            "us": {
                "share": round(r.us["share"], 6),
                "amount": round(r.us["amount"], 2),
                "paid_for_if_backstop": [
                    {"item": i.item, "per_year": i.per_year, "total": i.total}
                    for i in self.us_backstop_items
                ],
            },
            "rules": r.rules,
        }


def answer_who_pays(registry: Registry, who_sends: WhoSends, scenario: Scenario) -> WhoPays:
    """Cost the scenario's own force run; price the US items from the backstop run."""
    backstop = scenario.conditions.us_backstop
    forces = who_sends.with_backstop if backstop else who_sends.without_backstop
    report = run_costs(registry, forces, scenario)
    return WhoPays(report=report, us_backstop_items=us_items(registry, scenario))


def us_items(registry: Registry, scenario: Scenario) -> list[CostLine]:
    """The priced US items of the scenario, as they would be billed under a backstop."""
    bill = yearly_cost(registry, scenario.costs, 0.0, us_backstop=True)
    years = scenario.costs.years
    return [line for line in lines(bill.items, years) if line.paid_to == "USA"]
