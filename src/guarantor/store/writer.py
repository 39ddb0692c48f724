"""Writing one document with its positions and near-duplicate bands, on a given connection.

The caller owns the transaction (or savepoint): everything here either all
lands or, on any error, is rolled back with it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, and_, bindparam, func, or_, select

from guarantor.domain import Document, Position
from guarantor.store import neardup, rawsql
from guarantor.store.outlets import ensure_outlet, resolve_outlet
from guarantor.store.records import AddResult
from guarantor.store.schema import document_bands, documents, positions

__all__ = ["existing_document", "new_id", "position_row", "write_document"]

MAX_CANDIDATES = 5


# Hot statements: built here once, compiled once per connection by ``rawsql``.
_BY_HASH = select(documents.c.id, documents.c.cluster_id).where(
    documents.c.content_hash == bindparam("content_hash")
)
_SET_OWN_CLUSTER = (
    documents.update()
    .where(documents.c.id == bindparam("document_id"))
    .values(cluster_id=bindparam("document_id"))
)
_DOCUMENT_KEYS = (
    "content_hash",
    "source",
    "url",
    "title",
    "outlet_key",
    "published",
    "language",
    "text",
    "n_chars",
    "fingerprint",
    "cluster_id",
    "run_id",
    "ingested_at",
)
_BAND_KEYS = ("document_id", "band", "bucket")


def existing_document(connection: Connection, content_hash: str) -> AddResult | None:
    found = rawsql.prepared(connection, "by_hash", lambda: _BY_HASH)
    row = found.execute(connection, {"content_hash": content_hash}).fetchone()
    if row is None:
        return None
    return AddResult(status="duplicate", document_id=row[0], cluster_id=row[1])


def write_document(
    connection: Connection,
    doc: Document,
    found: Sequence[Position],
    run_id: int | None,
    *,
    threshold: float,
    outlet_keys: dict[str, str] | None = None,
) -> AddResult:
    """Insert ``doc`` unless its hash is stored; link it to its near-duplicate cluster."""
    existing = existing_document(connection, doc.content_hash)
    if existing is not None:
        return existing
    outlet_key = _outlet_key(connection, doc.outlet, {} if outlet_keys is None else outlet_keys)
    mine = neardup.shingles(doc.text)
    sig = neardup.signature_of(mine)
    cluster_id = _find_cluster(connection, mine, sig, threshold) if sig else None
    document_id = _insert_document(connection, doc, outlet_key, sig, cluster_id, run_id)
    if cluster_id is None:
        cluster_id = document_id
        own = rawsql.prepared(connection, "own_cluster", lambda: _SET_OWN_CLUSTER)
        own.execute(connection, {"document_id": document_id})
    if sig is not None:
        bands = rawsql.prepared(connection, "bands", document_bands.insert, _BAND_KEYS)
        bands.execute_tuples(
            connection, [(document_id, band, bucket) for band, bucket in enumerate(sig.buckets)]
        )
    if found:
        rows = [position_row(p, document_id) for p in found]
        insert = rawsql.prepared(connection, "positions", positions.insert, list(rows[0]))
        insert.execute_many(connection, rows)
    return AddResult(status="stored", document_id=document_id, cluster_id=cluster_id)


def _insert_document(
    connection: Connection,
    doc: Document,
    outlet_key: str | None,
    sig: neardup.Signature | None,
    cluster_id: int | None,
    run_id: int | None,
) -> int:
    insert = rawsql.prepared(
        connection,
        "document",
        lambda: documents.insert().returning(documents.c.id),
        _DOCUMENT_KEYS,
    )
    row = insert.execute(
        connection,
        {
            "content_hash": doc.content_hash,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "outlet_key": outlet_key,
            "published": doc.published,
            "language": doc.language,
            "text": doc.text,
            "n_chars": len(doc.text),
            "fingerprint": sig.fingerprint if sig else None,
            "cluster_id": cluster_id,
            "run_id": run_id,
            "ingested_at": datetime.now(UTC),
        },
    ).fetchone()
    return int(row[0])


def _outlet_key(connection: Connection, outlet: str | None, known: dict[str, str]) -> str | None:
    """Resolve ``outlet``, remembering only outlets that already existed (a new one's
    insert could still be rolled back with its document)."""
    if not outlet:
        return None
    key = known.get(outlet)
    if key is None:
        key = resolve_outlet(connection, outlet)
        if key is None:
            return ensure_outlet(connection, outlet)
        known[outlet] = key
    return key


def _candidates_query() -> Any:
    """One statement for all bands, built once so SQLAlchemy's compiled cache is hit."""
    match = or_(
        *(
            and_(
                document_bands.c.band == bindparam(f"band_{i}"),
                document_bands.c.bucket == bindparam(f"bucket_{i}"),
            )
            for i in range(neardup.BANDS)
        )
    )
    shared = func.count().label("shared")
    return (
        select(document_bands.c.document_id, shared)
        .where(match)
        .group_by(document_bands.c.document_id)
        .order_by(shared.desc(), document_bands.c.document_id)
        .limit(MAX_CANDIDATES)
    )


_CANDIDATES = _candidates_query()


_CANDIDATE_TEXTS = select(documents.c.id, documents.c.cluster_id, documents.c.text).where(
    documents.c.id.in_(bindparam("ids", expanding=True))
)


def _find_cluster(
    connection: Connection, mine: np.ndarray, sig: neardup.Signature, threshold: float
) -> int | None:
    """The cluster of the most similar stored document at or above ``threshold``."""
    params: dict[str, int] = {}
    for band, bucket in enumerate(sig.buckets):
        params[f"band_{band}"] = band
        params[f"bucket_{band}"] = bucket
    lookup = rawsql.prepared(connection, "candidates", lambda: _CANDIDATES)
    candidates = [row[0] for row in lookup.execute(connection, params).fetchall()]
    if not candidates:
        return None
    rows = connection.execute(_CANDIDATE_TEXTS, {"ids": candidates}).all()
    best: tuple[float, int] | None = None
    for row in sorted(rows, key=lambda r: r.id):  # ties go to the oldest, on any database
        similarity = neardup.jaccard(mine, neardup.shingles(row.text))
        if similarity >= threshold and (best is None or similarity > best[0]):
            best = (similarity, row.cluster_id or row.id)
    return best[1] if best else None


def position_row(position: Position, document_id: int) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "actor": position.actor,
        "option": position.option.value,
        "stance": position.stance.value,
        "conditions": json.dumps([c.value for c in position.conditions]),
        "speaker": position.speaker,
        "claimed_by": position.claimed_by,
        "reported_by": position.reported_by,
        "analysis": position.analysis,
        "quote": position.quote,
        "start_offset": position.start,
        "end_offset": position.end,
        "stated_on": position.stated_on,
        "reliability": position.grade.reliability,
        "credibility": position.grade.credibility,
        "extractor": position.extractor,
        "confidence": position.confidence,
    }


def new_id(result: Any) -> int:
    """The primary key of the row an INSERT just added."""
    key = result.inserted_primary_key
    if key is None or key[0] is None:  # pragma: no cover - every table here has an id
        raise RuntimeError("INSERT returned no primary key")
    return int(key[0])
