"""The sources a run read: per outlet, its grades, how much it said and when.

Built from the evidence the models used (the bundled ledger and the store's
positions), so the list is exactly what the numbers rest on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from guarantor.domain.evidence import Evidence

__all__ = ["SourceRow", "outlet_sources"]

NOT_FOUND = "(outlet not found)"


@dataclass(frozen=True)
class SourceRow:
    """One outlet: reliability letters and full grades seen, positions, actors, dates."""

    outlet: str
    reliability: tuple[str, ...]  # A-F letters given to its reports, best first
    grades: tuple[str, ...]  # full grades (A1 ... F6), best first
    positions: int
    actors: tuple[str, ...]
    first: date | None
    last: date | None
    kinds: tuple[str, ...]  # "ledger" (bundled) and/or "store" (ingested)
    refs: tuple[str, ...]  # ledger ids or document paths/URLs


def _row(outlet: str, items: list[Evidence]) -> SourceRow:
    days = sorted(e.stated_on for e in items if e.stated_on is not None)
    ranked = sorted(items, key=lambda e: e.grade.rank())
    return SourceRow(
        outlet=outlet,
        reliability=tuple(dict.fromkeys(sorted(e.grade.reliability for e in items))),
        grades=tuple(dict.fromkeys(e.grade.code for e in ranked)),
        positions=len(items),
        actors=tuple(sorted({e.actor for e in items})),
        first=days[0] if days else None,
        last=days[-1] if days else None,
        kinds=tuple(sorted({e.provenance.kind for e in items})),
        refs=tuple(dict.fromkeys(e.provenance.ref for e in items)),
    )


def outlet_sources(evidence: Iterable[Evidence], as_of: date | None = None) -> list[SourceRow]:
    """One row per outlet (evidence stated after ``as_of`` left out), most positions first."""
    by_outlet: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        if as_of is not None and item.stated_on is not None and item.stated_on > as_of:
            continue
        by_outlet[item.provenance.outlet or NOT_FOUND].append(item)
    rows = [_row(outlet, items) for outlet, items in by_outlet.items()]
    return sorted(rows, key=lambda r: (-r.positions, r.outlet.lower()))
