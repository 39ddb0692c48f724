"""The registry: bundled reference data plus the user's rows, as one typed object.

Rows from ``extra`` files or folders replace bundled rows with the same id, so
a user can correct a figure without editing the package; ``as_of`` answers
"what was in force / pledged / said on that date".
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from guarantor.domain.history import LedgerPosition, MeetingAttendance, MissionRecord
from guarantor.domain.registry import (
    Commitment,
    CostShare,
    ExchangeRate,
    Instrument,
    InstrumentKind,
    PlanningFactor,
    Pledge,
    State,
)
from guarantor.errors import InputError, NotFoundError
from guarantor.registry.codec import read_rows
from guarantor.registry.tables import KINDS

__all__ = [
    "BUNDLED_DIR",
    "Registry",
    "load_registry",
    "registry_files",
    "user_registry_dir",
]

BUNDLED_DIR = Path(__file__).resolve().parents[1] / "data" / "registry"
_SUFFIXES = (".csv", ".yaml", ".yml", ".json")


def user_registry_dir(env: Mapping[str, str] | None = None, db_url: str | None = None) -> Path:
    """Where ``registry import`` keeps the user's rows: beside the store.

    ``$GUARANTOR_REGISTRY_DIR`` if set; else ``registry/`` in the folder of a
    SQLite store given as ``db_url``; else ``$XDG_DATA_HOME/guarantor/registry``
    (``~/.local/share/guarantor/registry``, beside the default database).
    """
    env = os.environ if env is None else env
    if env.get("GUARANTOR_REGISTRY_DIR"):
        return Path(env["GUARANTOR_REGISTRY_DIR"])
    if db_url and db_url.startswith("sqlite:///") and not db_url.endswith(":memory:"):
        return Path(db_url.removeprefix("sqlite:///")).expanduser().parent / "registry"
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "guarantor" / "registry"


@dataclass(frozen=True)
class Registry:
    """Every table of reference facts; each row keeps its source."""

    states: list[State] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    factors: dict[str, PlanningFactor] = field(default_factory=dict)
    instruments: list[Instrument] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)
    ledger: list[LedgerPosition] = field(default_factory=list)
    rates: list[ExchangeRate] = field(default_factory=list)
    cost_shares: list[CostShare] = field(default_factory=list)
    missions: list[MissionRecord] = field(default_factory=list)
    meetings: list[MeetingAttendance] = field(default_factory=list)

    @property
    def agreements(self) -> list[Instrument]:
        """The bilateral security agreements (confirmed, doubtful or only reported)."""
        return [i for i in self.instruments if i.kind is InstrumentKind.BILATERAL_AGREEMENT]

    def rows(self, kind: str) -> list[BaseModel]:
        """The rows of one table, in file order."""
        if kind == "agreements":
            return list(self.agreements)
        value = getattr(self, KINDS[kind].kind) if kind in KINDS else None
        if value is None:
            raise NotFoundError(f"no registry table {kind!r}; expected one of {', '.join(KINDS)}")
        return list(value.values()) if isinstance(value, dict) else list(value)

    def state(self, iso3: str) -> State:
        for state in self.states:
            if state.iso3 == iso3.upper():
                return state
        raise NotFoundError(f"no state {iso3!r} in the registry")

    def find(self, row_id: str) -> tuple[str, BaseModel]:
        """The table and row with this id (ISO3, instrument id, factor name, ...).

        An agreement is also found as ``<PARTNER>-<signing date>``, e.g.
        ``GBR-2024-01-12``.
        """
        wanted = row_id.lower()
        for kind, table in KINDS.items():
            for row in self.rows(kind):
                if table.key(row).lower() == wanted:
                    return kind, row
        for agreement in self.agreements:
            if f"{agreement.parties[0]}-{agreement.signed}".lower() == wanted:
                return "instruments", agreement
        raise NotFoundError(f"no registry row with id {row_id!r}")

    def as_of(self, day: date) -> Registry:
        """The registry as it stood on ``day``.

        Instruments in force and proposals already floated, pledges made,
        positions stated and deployments under way by then.
        """
        return replace(
            self,
            commitments=[
                c for c in self.commitments if c.start <= day and (c.end is None or c.end > day)
            ],
            instruments=[i for i in self.instruments if _known_on(i, day)],
            pledges=[p for p in self.pledges if p.pledged_on <= day],
            ledger=[p for p in self.ledger if p.stated_on <= day],
            missions=[m for m in self.missions if m.year <= day.year],
            meetings=[m for m in self.meetings if m.held_on <= day],
        )

    def rate_year(self, currency: str, year: int) -> int:
        """The year whose average converts ``year``: itself, else the nearest earlier one.

        Falls back to the earliest bundled year only when none is earlier.
        """
        years = sorted({r.year for r in self.rates if r.currency == currency})
        if currency == "EUR":
            return year
        if not years:
            raise NotFoundError(f"no exchange rate for {currency} in the registry")
        earlier = [y for y in years if y <= year]
        return earlier[-1] if earlier else years[0]

    def per_eur(self, currency: str, year: int) -> float:
        """Units of ``currency`` per euro, averaged over ``rate_year(currency, year)``."""
        if currency == "EUR":
            return 1.0
        chosen = self.rate_year(currency, year)
        return next(r.per_eur for r in self.rates if r.currency == currency and r.year == chosen)

    def convert(self, amount: float, currency: str, year: int) -> tuple[float, float]:
        """``amount`` in ``currency`` of ``year`` as (EUR, USD) at that year's average."""
        eur = amount / self.per_eur(currency, year)
        return eur, eur * self.per_eur("USD", year)

    def pledge_value(self, pledge: Pledge) -> tuple[float | None, float | None]:
        """A money pledge in EUR and USD; (None, None) for troops, ships and the like."""
        if not pledge.is_money or pledge.amount is None:
            return None, None
        year = pledge.unit_year or pledge.pledged_on.year
        return self.convert(pledge.amount, pledge.unit, year)


def _known_on(instrument: Instrument, day: date) -> bool:
    if instrument.kind is InstrumentKind.PROPOSAL:
        return instrument.proposed_on is None or instrument.proposed_on <= day
    return instrument.in_force_on(day)


def registry_files(folder: Path) -> list[Path]:
    """The data files of a registry folder: ``<kind>.csv|yaml|yml|json``, sorted."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES and p.stem in KINDS)


def _merge(tables: dict[str, dict[str, BaseModel]], kind: str, rows: Iterable[BaseModel]) -> None:
    key = KINDS[kind].key
    for row in rows:
        tables[kind][key(row)] = row


@lru_cache(maxsize=32)
def _read_cached(path: Path, mtime_ns: int) -> tuple[str, tuple[BaseModel, ...]]:
    """Bundled files are parsed once per process (and again if they change)."""
    table, rows = read_rows(path)
    return table.kind, tuple(rows)


def load_registry(extra: Sequence[Path] = ()) -> Registry:
    """Bundled data, then each of ``extra`` (files or registry folders) on top.

    Pass ``extra=[user_registry_dir()]`` to include rows added with
    ``guarantor registry import``.
    """
    tables: dict[str, dict[str, BaseModel]] = {kind: {} for kind in KINDS}
    for path in registry_files(BUNDLED_DIR):
        kind, bundled = _read_cached(path, path.stat().st_mtime_ns)
        _merge(tables, kind, bundled)
    paths: list[Path] = []
    for item in extra:
        if item.is_dir():
            paths.extend(registry_files(item))
        elif item.exists():
            paths.append(item)
        else:
            raise InputError("registry file or folder does not exist", path=item)
    for path in paths:
        table, rows = read_rows(path)
        _merge(tables, table.kind, rows)
    values: dict[str, Any] = {kind: list(rows.values()) for kind, rows in tables.items()}
    values["factors"] = dict(tables["factors"])
    return Registry(**values)
