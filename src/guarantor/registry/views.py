"""Registry rows as flat records for listing: the full row plus derived figures.

The CLI and the web layer render these; each record keeps every stored field
(so JSON and CSV lose nothing) and adds what a reader asks next: an
instrument's strongest obligation and fastest deadline, a pledge in EUR and USD.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from guarantor.domain.registry import Instrument, Pledge
from guarantor.registry.core import Registry

__all__ = ["LISTS", "TABLE_COLUMNS", "TEXT_COLUMNS", "WIDE_COLUMNS", "records"]

LISTS = (
    "states",
    "instruments",
    "agreements",
    "pledges",
    "factors",
    "commitments",
    "ledger",
    "rates",
    "cost_shares",
    "missions",
    "meetings",
)

# A table's default columns: what fits 80 terminal columns, one line a row (the row's id,
# so `registry show ID` is one step away, then what tells rows apart); running text elided.
TABLE_COLUMNS: dict[str, list[str]] = {
    "states": [
        "iso3",
        "name",
        "nato_member_since",
        "eu_member",
        "active_personnel",
        "defence_spending_usd_m",
        "gdp_usd_bn",
    ],
    "instruments": ["id", "signed", "obligation_type", "deadline_hours", "verification"],
    "agreements": ["id", "signed", "duration_years", "consult_within_24h", "verification"],
    "pledges": ["id", "kind", "eur_m", "status", "pledged_on"],
    "factors": ["name", "value", "low", "high", "unit"],
    "commitments": ["id", "actor", "host", "troops", "approximate", "start"],
    "ledger": ["id", "stance", "paraphrase"],
    "rates": ["currency", "year", "per_eur"],
    "cost_shares": ["arrangement", "actor", "share_pct", "valid_from", "valid_to"],
    "missions": ["id", "actor", "family", "took_part", "troops", "year"],
    "meetings": ["id", "actor", "held_on", "attended"],
}

# With --wide: more columns, running text in full (wrapped); every field is in JSON and CSV.
WIDE_COLUMNS: dict[str, list[str]] = {
    "states": [
        *TABLE_COLUMNS["states"][:4],
        "borders_russia_or_belarus",
        "nuclear_weapon_state",
        *TABLE_COLUMNS["states"][4:],
        "population_m",
        "notes",
    ],
    "instruments": ["id", "name", "kind", *TABLE_COLUMNS["instruments"][1:], "notes"],
    "agreements": ["id", "name", *TABLE_COLUMNS["agreements"][1:], "obligation_type", "notes"],
    "pledges": [
        "id",
        "actor",
        "kind",
        "amount",
        "unit",
        "eur_m",
        "status",
        "pledged_on",
        "description",
        "conditions",
    ],
    "factors": [*TABLE_COLUMNS["factors"], "help"],
    "commitments": [*TABLE_COLUMNS["commitments"], "end", "name", "role", "notes"],
    "ledger": [
        "id",
        "actor",
        "option",
        "stance",
        "conditions",
        "context",
        "stated_on",
        "outlet",
        "speaker",
        "paraphrase",
        "source_url",
    ],
    "rates": [*TABLE_COLUMNS["rates"], "source", "notes"],
    "cost_shares": [*TABLE_COLUMNS["cost_shares"], "source", "notes"],
    "missions": [*TABLE_COLUMNS["missions"], "mission", "paraphrase", "source_url", "notes"],
    "meetings": [*TABLE_COLUMNS["meetings"], "meeting", "paraphrase", "source_url", "notes"],
}

# Columns of these tables that are running text, elided like quotes (beside render's own).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {"factors": ("unit", "help"), "commitments": ("role",)}


def _instrument(row: Instrument) -> dict[str, Any]:
    record = row.model_dump(mode="json")
    strongest = row.strongest
    record["obligation_type"] = strongest.value if strongest else None
    record["deadline_hours"] = row.fastest_deadline_hours
    record["source"] = row.source
    return record


def _pledge(registry: Registry, row: Pledge) -> dict[str, Any]:
    record = row.model_dump(mode="json")
    eur, usd = registry.pledge_value(row)
    record["amount_eur"] = round(eur, 2) if eur is not None else None
    record["amount_usd"] = round(usd, 2) if usd is not None else None
    record["eur_m"] = round(eur / 1e6, 1) if eur is not None else None
    if row.is_money and row.amount is not None:
        year = row.unit_year or row.pledged_on.year
        record["rate_year"] = registry.rate_year("USD" if row.unit == "EUR" else row.unit, year)
    return record


def _record(registry: Registry, row: BaseModel) -> dict[str, Any]:
    if isinstance(row, Instrument):
        return _instrument(row)
    if isinstance(row, Pledge):
        return _pledge(registry, row)
    return row.model_dump(mode="json")


def records(registry: Registry, kind: str) -> list[dict[str, Any]]:
    """Every row of ``kind`` ('agreements' is the bilateral subset of instruments)."""
    return [_record(registry, row) for row in registry.rows(kind)]
