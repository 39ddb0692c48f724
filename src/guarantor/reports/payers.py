"""Who pays: the report's view of the cost model's answer under the scenario's key.

Amounts and shares come from ``guarantor.costs`` unchanged. Each item of the
bill cites its own reference (``CostLine.reference``), each share the key it
was split by, each share of GDP or of the defence budget the registry figure
it was divided by.
"""

from __future__ import annotations

from dataclasses import dataclass

from guarantor.costs.answer import WhoPays
from guarantor.costs.model import ActorCost, CostLine, CostReport
from guarantor.errors import NotFoundError
from guarantor.reports.citing import Citer
from guarantor.reports.notes import Figure, Note

__all__ = ["BillLine", "Payer", "PaysSection", "pays_section"]

COST_PARAMETERS = ("costs.key", "costs.years", "costs.basis", "costs.cost_per_soldier_year_usd")


@dataclass(frozen=True)
class BillLine:
    item: str
    sign: str  # "+" an item of the bill, "-" an offset
    per_year: Figure
    total: Figure
    paid_to: str
    basis: str


@dataclass(frozen=True)
class Payer:
    actor: str
    name: str
    amount: Figure
    share: Figure
    share_of_gdp: Figure
    share_of_defence_budget: Figure


@dataclass(frozen=True)
class PaysSection:
    key: str
    key_help: str
    currency: str
    price_year: int
    years: int
    total: Figure
    total_per_year: Figure
    p5: Figure
    p95: Figure
    us_share: Figure
    bill: tuple[BillLine, ...]
    payers: tuple[Payer, ...]


def _line(cite: Citer, line: CostLine, sign: str) -> BillLine:
    note = Note(
        key=f"cost:{line.item}",
        kind="assumption",
        title=f"cost item {line.item}",
        text=line.basis,
        source=line.reference,
    )
    key = f"costs.{line.item}"
    return BillLine(
        item=line.item,
        sign=sign,
        per_year=cite.figure(f"{key}.per_year", line.per_year, "usd", [note]),
        total=cite.figure(f"{key}.total", line.total, "usd", [note]),
        paid_to=line.paid_to,
        basis=line.basis,
    )


def _state_note(cite: Citer, iso3: str, what: str) -> list[Note]:
    """The registry's GDP or defence-spending figure for a state, with its source."""
    try:
        state = cite.registry.state(iso3)
    except NotFoundError:  # a payer of a user key that is not a state
        return []
    source = getattr(state, f"{what}_source")
    if not source:
        return []
    return [
        Note(
            key=f"registry:{iso3}:{what}",
            kind="registry",
            title=f"{state.name}: {what.replace('_', ' ')}",
            source=source,
        )
    ]


def _payer(cite: Citer, actor: ActorCost, key_note: Note) -> Payer:
    key = f"costs.payer.{actor.actor}"
    gdp = _state_note(cite, actor.actor, "gdp")
    budget = _state_note(cite, actor.actor, "defence_spending")
    return Payer(
        actor=actor.actor,
        name=actor.name,
        amount=cite.figure(f"{key}.amount", actor.amount, "usd", [key_note]),
        share=cite.figure(f"{key}.share", actor.share, "share", [key_note]),
        share_of_gdp=cite.figure(f"{key}.share_of_gdp", actor.share_of_gdp, "share", gdp),
        share_of_defence_budget=cite.figure(
            f"{key}.share_of_defence_budget", actor.share_of_defence_budget, "share", budget
        ),
    )


def _key_note(report: CostReport) -> Note:
    return Citer.model(
        f"costs:{report.key}",
        f"sharing key {report.key} ({report.rules.get('costs', 'costs.model.v1')})",
        report.key_help,
        "guarantor costs --key ...",
    )


def pays_section(cite: Citer, answer: WhoPays | None, top: int | None = None) -> PaysSection | None:
    """The bill, its range and each state's share under the scenario's key."""
    if answer is None:
        return None
    r = answer.report
    key_note = _key_note(r)
    params = cite.param_group("costs", "parameters of the cost model", *COST_PARAMETERS)
    total_notes = [key_note, params]
    return PaysSection(
        key=r.key,
        key_help=r.key_help,
        currency=r.currency,
        price_year=r.price_year,
        years=r.years,
        total=cite.figure("costs.total", r.total, "usd", total_notes),
        total_per_year=cite.figure("costs.total_per_year", r.total_per_year, "usd", total_notes),
        p5=cite.figure("costs.range.p5", r.range["p5"], "usd", total_notes),
        p95=cite.figure("costs.range.p95", r.range["p95"], "usd", total_notes),
        us_share=cite.figure("costs.us_share", r.us["share"], "share", [key_note]),
        bill=tuple(
            [_line(cite, i, "+") for i in r.items] + [_line(cite, o, "-") for o in r.offsets]
        ),
        payers=tuple(_payer(cite, a, key_note) for a in r.actors[:top]),
    )
