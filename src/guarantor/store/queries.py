"""Read queries: documents, positions and the documents-per-outlet-and-month count."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, String, func, select

from guarantor.domain import Grade
from guarantor.store.records import StoredDocument, StoredPosition
from guarantor.store.schema import (
    documents,
    ingest_runs,
    outlets,
    positions,
    questionnaire_responses,
)

__all__ = [
    "counts",
    "document_from_row",
    "documents_query",
    "month_counts",
    "position_from_row",
    "positions_query",
]


def _dated(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if since is not None:
        clauses.append(documents.c.published >= since)
    if until is not None:
        clauses.append(documents.c.published <= until)
    return clauses


def documents_query(
    *, outlet_key: str | None, since: date | None, until: date | None
) -> Select[Any]:
    query = (
        select(documents, outlets.c.name.label("outlet_name"))
        .select_from(documents.outerjoin(outlets, documents.c.outlet_key == outlets.c.key))
        .where(*_dated(since, until))
        .order_by(documents.c.id)
    )
    if outlet_key is not None:
        query = query.where(documents.c.outlet_key == outlet_key)
    return query


def document_from_row(row: Any) -> StoredDocument:
    return StoredDocument(
        id=row.id,
        source=row.source,
        text=row.text,
        content_hash=row.content_hash,
        title=row.title,
        url=row.url,
        outlet=row.outlet_name,
        published=row.published,
        language=row.language,
        outlet_key=row.outlet_key,
        cluster_id=row.cluster_id,
        run_id=row.run_id,
        n_chars=row.n_chars,
        ingested_at=row.ingested_at,
    )


def _triple(actor: str | None, option: str | None, stance: str | None) -> list[ColumnElement[bool]]:
    """Filters on a position's actor, option and stance (those given)."""
    pairs = ((positions.c.actor, actor), (positions.c.option, option), (positions.c.stance, stance))
    return [column == value for column, value in pairs if value is not None]


def positions_query(
    *,
    actor: str | None,
    option: str | None,
    stance: str | None,
    since: date | None,
    until: date | None,
) -> Select[Any]:
    query = (
        select(
            positions,
            documents.c.source,
            documents.c.cluster_id,
            documents.c.outlet_key,
            documents.c.published,
        )
        .select_from(positions.join(documents, positions.c.document_id == documents.c.id))
        .where(*_dated(since, until))
        .order_by(positions.c.id)
    )
    query = query.where(*_triple(actor, option, stance))
    return query


def position_from_row(row: Any) -> StoredPosition:
    return StoredPosition(
        document=row.source,
        actor=row.actor,
        option=row.option,
        stance=row.stance,
        conditions=tuple(json.loads(row.conditions or "[]")),
        speaker=row.speaker,
        claimed_by=row.claimed_by,
        reported_by=row.reported_by,
        analysis=bool(row.analysis),
        quote=row.quote,
        start=row.start_offset,
        end=row.end_offset,
        stated_on=row.stated_on,
        grade=Grade(reliability=row.reliability, credibility=row.credibility),
        extractor=row.extractor,
        confidence=row.confidence,
        document_id=row.document_id,
        cluster_id=row.cluster_id,
        outlet_key=row.outlet_key,
        published=row.published,
    )


def corroboration(
    connection: Connection, *, actor: str | None, option: str | None, stance: str | None
) -> dict[tuple[str, str, str], int]:
    """Independent sources per (actor, option, stance): distinct near-duplicate clusters
    and distinct outlets (an unknown outlet counts as its own), the smaller of the two."""
    outlet = func.coalesce(
        documents.c.outlet_key, "cluster:" + func.cast(documents.c.cluster_id, String)
    )
    query = (
        select(
            positions.c.actor,
            positions.c.option,
            positions.c.stance,
            func.count(documents.c.cluster_id.distinct()).label("clusters"),
            func.count(outlet.distinct()).label("outlets"),
        )
        .select_from(positions.join(documents, positions.c.document_id == documents.c.id))
        .group_by(positions.c.actor, positions.c.option, positions.c.stance)
    )
    query = query.where(*_triple(actor, option, stance))
    return {
        (r.actor, r.option, r.stance): max(1, min(r.clusters, r.outlets))
        for r in connection.execute(query)
    }


def month_counts(connection: Connection) -> list[dict[str, Any]]:
    """Documents per outlet and month ('YYYY-MM'), aggregated by the database."""
    if connection.dialect.name == "postgresql":
        month = func.to_char(documents.c.published, "YYYY-MM").label("month")
    else:
        month = func.strftime("%Y-%m", documents.c.published).label("month")
    count = func.count(documents.c.id).label("documents")
    rows = connection.execute(
        select(documents.c.outlet_key, month, count)
        .group_by(documents.c.outlet_key, month)
        .order_by(documents.c.outlet_key.asc().nulls_last(), month.asc().nulls_last())
    ).all()
    return [{"outlet": r.outlet_key, "month": r.month, "documents": r.documents} for r in rows]


def revision(connection: Connection) -> tuple[str, ...]:
    """What changes whenever anything a view reads is written: the newest document,
    position, ingest run and questionnaire response, and the latest outlet re-grade.
    Primary-key maxima, so it stays cheap on a large store."""
    tables = (documents, positions, ingest_runs, questionnaire_responses)
    newest = [select(func.max(t.c.id)).scalar_subquery() for t in tables]
    regraded = select(func.max(outlets.c.updated_at)).scalar_subquery()
    row = connection.execute(select(*newest, regraded)).one()
    return tuple(str(value) for value in row)


def counts(connection: Connection) -> dict[str, int]:
    def scalar(query: Select[Any]) -> int:
        return int(connection.execute(query).scalar() or 0)

    return {
        "documents": scalar(select(func.count()).select_from(documents)),
        "clusters": scalar(select(func.count(func.distinct(documents.c.cluster_id)))),
        "positions": scalar(select(func.count()).select_from(positions)),
        "outlets": scalar(select(func.count()).select_from(outlets)),
    }
