"""The few statements whose SQL differs between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

__all__ = ["insert_ignore"]


def insert_ignore(connection: Connection, table: Table, keys: Sequence[str]) -> Insert:
    """INSERT that skips rows whose ``keys`` already exist (ON CONFLICT DO NOTHING)."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    if connection.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return table.insert().prefix_with("IGNORE")  # pragma: no cover - MySQL-style fallback
