"""Statements run on the driver's cursor store what SQLAlchemy would, in its transaction."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import String, cast, select
from sqlalchemy.exc import IntegrityError

from guarantor.store import Store, rawsql
from guarantor.store.schema import documents, ingest_runs

KEYS = ("content_hash", "source", "text", "n_chars", "published", "ingested_at", "run_id")


def _row(content_hash: str, published: date | None) -> dict[str, object]:
    return {
        "content_hash": content_hash,
        "source": "raw.txt",
        "text": f"text {content_hash}",
        "n_chars": 9,
        "published": published,
        "ingested_at": datetime(2025, 3, 4, 5, 6, 7, 890, tzinfo=UTC),
        "run_id": None,
    }


def test_values_are_stored_as_sqlalchemy_stores_them(store: Store) -> None:
    with store.engine.begin() as connection:
        insert = rawsql.prepared(connection, "t_doc", documents.insert, KEYS)
        insert.execute_many(connection, [_row("raw", date(2025, 2, 28)), _row("none", None)])
        connection.execute(documents.insert(), [_row("sqlalchemy", date(2025, 2, 28))])
    stored = {
        "published": cast(documents.c.published, String),
        "ingested_at": cast(documents.c.ingested_at, String),
    }
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(documents.c.content_hash, *stored.values())
            .where(documents.c.published == date(2025, 2, 28))  # compared as SQLAlchemy binds
            .order_by(documents.c.content_hash)
        ).all()
    assert [r[0] for r in rows] == ["raw", "sqlalchemy"]
    assert tuple(rows[0])[1:] == tuple(rows[1])[1:]


def test_a_driver_error_is_sqlalchemys_and_the_savepoint_undoes_only_its_part(
    store: Store,
) -> None:
    with store.engine.begin() as connection:
        insert = rawsql.prepared(connection, "t_doc", documents.insert, KEYS)
        insert.execute(connection, _row("kept", None))
        with pytest.raises(IntegrityError), rawsql.savepoint(connection):
            insert.execute(connection, _row("undone", None))
            insert.execute(connection, _row("kept", None))  # the unique hash again
        insert.execute(connection, _row("after", None))  # the transaction still works
    with store.engine.connect() as connection:
        stored = connection.execute(select(documents.c.content_hash)).scalars().all()
    assert sorted(stored) == ["after", "kept"]


def test_statements_are_compiled_once_per_connection(store: Store) -> None:
    built: list[int] = []

    def build() -> object:
        built.append(1)
        return select(ingest_runs.c.id)

    with store.engine.connect() as connection:
        for _ in range(3):
            rawsql.prepared(connection, "t_runs", build).execute(connection, {}).fetchall()  # type: ignore[arg-type]
    assert built == [1]


def test_rows_as_tuples_land_as_rows_as_mappings_do(store: Store) -> None:
    with store.engine.begin() as connection:
        insert = rawsql.prepared(connection, "t_doc", documents.insert, KEYS)
        insert.execute_tuples(connection, [tuple(_row(h, date(2025, 1, 2)).values()) for h in "xy"])
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(documents.c.content_hash, documents.c.published).order_by(documents.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [("x", date(2025, 1, 2)), ("y", date(2025, 1, 2))]
