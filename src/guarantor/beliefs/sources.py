"""Evidence from its two homes — the store's extracted positions and the registry's
bundled ledger — each kept with its provenance, and counted once per independent source.

Independence: reports that share a near-duplicate cluster (one wire story
reprinted) or an outlet are one source. ``independent_sources`` joins such
keys with a union-find so the belief rule can group by one ``source_key``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from dateutil.parser import isoparse

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.history import LedgerPosition
from guarantor.domain.vocabulary import Condition, Option, Stance

__all__ = [
    "PositionStore",
    "evidence_from_ledger",
    "evidence_from_positions",
    "gather_evidence",
    "independent_sources",
    "outlet_key",
]


class StoredPositionLike(Protocol):
    """What the adapter reads from ``guarantor.store``'s StoredPosition."""

    document: str
    actor: str
    option: Option
    stance: Stance
    conditions: tuple[Condition, ...]
    speaker: str | None
    claimed_by: str | None
    reported_by: str | None
    analysis: bool
    quote: str
    stated_on: str | None
    grade: Grade
    document_id: int
    cluster_id: int | None
    outlet_key: str | None
    published: date | None


def outlet_key(name: str) -> str:
    """A comparable outlet name: lower case, letters and digits only."""
    return "outlet:" + re.sub(r"[^a-z0-9]+", "", name.lower())


def _parse_day(value: str | None) -> date | None:
    """ISO date, or ``YYYY-MM`` read as the middle of that month."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value.strip()):
            return isoparse(value.strip() + "-15").date()
        return isoparse(value.strip()).date()
    except ValueError:
        return None


def _evidence(
    item: LedgerPosition | StoredPositionLike,
    *,
    stated_on: date | None,
    source_key: str,
    provenance: Provenance,
) -> Evidence:
    """The one mapper: what both homes share, plus where it came from."""
    return Evidence(
        actor=item.actor,
        option=item.option,
        stance=item.stance,
        conditions=tuple(item.conditions),
        grade=item.grade,
        stated_on=stated_on,
        analysis=getattr(item, "analysis", False),
        claimed_by=getattr(item, "claimed_by", None),
        context=getattr(item, "context", None),
        source_key=source_key,
        provenance=provenance,
    )


def _store_key(position: StoredPositionLike) -> str:
    if position.cluster_id is not None:
        return f"cluster:{position.cluster_id}"
    if position.outlet_key:
        return outlet_key(position.outlet_key)
    return f"document:{position.document_id}"


def evidence_from_ledger(ledger: Iterable[LedgerPosition]) -> list[Evidence]:
    """The registry's bundled positions; the source is the outlet."""
    return [
        _evidence(
            row,
            stated_on=row.stated_on,
            source_key=outlet_key(row.outlet),
            provenance=Provenance(
                kind="ledger",
                ref=row.id,
                text=row.paraphrase,
                outlet=row.outlet,
                url=row.source_url,
                speaker=row.speaker,
            ),
        )
        for row in ledger
    ]


def evidence_from_positions(positions: Iterable[StoredPositionLike]) -> list[Evidence]:
    """Positions from the store; the date is the statement's, else the document's
    (publication); with neither, None, and an as-of run leaves it out."""
    return [
        _evidence(
            p,
            stated_on=_parse_day(p.stated_on) or p.published,
            source_key=_store_key(p),
            provenance=Provenance(
                kind="store",
                ref=p.document,
                text=p.quote,
                outlet=p.outlet_key or p.reported_by,
                url=p.document if p.document.startswith("http") else None,
                speaker=p.speaker,
            ),
        )
        for p in positions
    ]


def _find(parent: dict[str, str], key: str) -> str:
    parent.setdefault(key, key)
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def independent_sources(evidence: Sequence[Evidence]) -> list[Evidence]:
    """Re-key evidence so reports sharing a cluster or an outlet carry one source key."""
    parent: dict[str, str] = {}
    for item in evidence:
        keys = [item.source_key]
        if item.provenance.outlet:
            keys.append(outlet_key(item.provenance.outlet))
        root = _find(parent, keys[0])
        for other in keys[1:]:
            parent[_find(parent, other)] = root
    rekeyed = []
    for item in evidence:
        root = _find(parent, item.source_key)
        # Frozen models: an item whose key stands is shared, not copied.
        same = root == item.source_key
        rekeyed.append(item if same else item.model_copy(update={"source_key": root}))
    return rekeyed


class PositionStore(Protocol):
    """What ``gather_evidence`` needs of a store: its positions (``guarantor.store.Store``)."""

    def positions(self) -> Iterable[StoredPositionLike]: ...


def gather_evidence(
    ledger: Iterable[LedgerPosition], store: PositionStore | None = None
) -> list[Evidence]:
    """The bundled ledger plus, when a store is handed in, the store's positions."""
    evidence = evidence_from_ledger(ledger)
    if store is not None:
        evidence.extend(evidence_from_positions(store.positions()))
    return independent_sources(evidence)
