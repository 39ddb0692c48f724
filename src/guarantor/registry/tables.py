"""The registry's tables: one kind of row each, its model, its key and its columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from guarantor.domain.history import LedgerPosition, MeetingAttendance, MissionRecord
from guarantor.domain.registry import (
    Commitment,
    CostShare,
    ExchangeRate,
    Instrument,
    PlanningFactor,
    Pledge,
    State,
)
from guarantor.errors import UsageError

__all__ = ["KINDS", "Table", "table_for"]


@dataclass(frozen=True)
class Table:
    """A kind of registry row; its data file is ``<kind>.csv`` or ``<kind>.yaml``."""

    kind: str
    model: type[BaseModel]
    key: Callable[[Any], str]
    help: str

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)


KINDS: dict[str, Table] = {
    t.kind: t
    for t in (
        Table("states", State, lambda r: r.iso3, "states: memberships, capacity, economy"),
        Table("commitments", Commitment, lambda r: r.id, "forces deployed abroad"),
        Table("factors", PlanningFactor, lambda r: r.name, "named planning assumptions"),
        Table("instruments", Instrument, lambda r: r.id, "agreements, treaties, proposals"),
        Table("pledges", Pledge, lambda r: r.id, "troop, air, naval, money offers"),
        Table("ledger", LedgerPosition, lambda r: r.id, "bundled stated positions"),
        Table("rates", ExchangeRate, lambda r: r.id, "annual average rates per euro"),
        Table("cost_shares", CostShare, lambda r: r.id, "published cost-sharing arrangements"),
        Table("missions", MissionRecord, lambda r: r.id, "part taken in earlier missions"),
        Table("meetings", MeetingAttendance, lambda r: r.id, "coalition meetings attended"),
    )
}


def table_for(kind: str) -> Table:
    """The table called ``kind``, or a usage error that lists the known ones."""
    try:
        return KINDS[kind]
    except KeyError:
        raise UsageError(
            f"unknown registry kind {kind!r}; expected one of {', '.join(KINDS)}"
        ) from None
