"""Hot statements compiled once per connection and run on its DBAPI cursor.

Ingest runs about seven small statements per document. Through SQLAlchemy's
``Connection.execute`` each costs a few hundred microseconds of Python
(cache lookup, execution context, result wrapping), far more than SQLite
needs to run it. Here a Core statement is compiled once for the connection's
dialect, its parameters are converted by the columns' own bind processors
(so dates and times are stored exactly as SQLAlchemy would store them), and
it runs on the same DBAPI connection, hence in the same transaction.
Driver errors are re-raised as SQLAlchemy's (``IntegrityError``,
``OperationalError``) so callers handle one error tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

__all__ = ["Prepared", "cursor", "prepared", "savepoint"]

_SAVEPOINT = "guarantor_doc"


class Prepared:
    """One statement's SQL for a dialect, with the order and conversion of its parameters."""

    def __init__(
        self, statement: ClauseElement, dialect: Dialect, keys: Sequence[str] | None = None
    ) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys) if keys else None)
        assert isinstance(compiled, SQLCompiler)  # a statement, not a DDL element
        self.sql = compiled.string
        self.positional = bool(compiled.positional)
        binds = compiled.binds
        self.names: list[str] = list(
            compiled.positiontup if self.positional and compiled.positiontup else binds
        )
        self.defaults = {
            name: bind.value
            for name, bind in binds.items()
            if bind.value is not None and not bind.callable
        }
        self.processors: dict[str, Callable[[Any], Any]] = {}
        for name in self.names:
            process = binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                self.processors[name] = process
        self.error_class = dialect.loaded_dbapi.Error
        self.dialect = dialect
        # rows given as tuples in ``keys`` order can go to the driver as they are
        self.tuples_as_is = (
            self.positional and not self.processors and not self.defaults
        ) and self.names == list(keys or ())
        self.keys = tuple(keys or ())

    def parameters(self, values: Mapping[str, Any]) -> Any:
        """Driver parameters (a tuple or a dict) for one row of ``values``."""
        merged = {**self.defaults, **values} if self.defaults else values
        if self.processors:
            merged = dict(merged)
            for name, process in self.processors.items():
                merged[name] = process(merged[name])
        if self.positional:
            return tuple(map(merged.__getitem__, self.names))
        return {name: merged[name] for name in self.names}

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> Any:
        """Run once; the DBAPI cursor, for ``fetchone``/``fetchall``/``lastrowid``."""
        params = self.parameters(values)
        with _translated(self, params):
            found = cursor(connection)
            found.execute(self.sql, params)
            return found

    def execute_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per row in one driver call."""
        self._execute_many(connection, [self.parameters(row) for row in rows])

    def execute_tuples(self, connection: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        """As ``execute_many``, each row a tuple in the order of the ``keys`` prepared."""
        if self.tuples_as_is:
            self._execute_many(connection, rows)
        else:
            self.execute_many(connection, [dict(zip(self.keys, row, strict=True)) for row in rows])

    def _execute_many(self, connection: Connection, params: Sequence[Any]) -> None:
        with _translated(self, params):
            cursor(connection).executemany(self.sql, params)


def prepared(
    connection: Connection,
    name: str,
    build: Callable[[], ClauseElement],
    keys: Sequence[str] | None = None,
) -> Prepared:
    """``build()`` compiled for ``connection``, remembered with its DBAPI connection."""
    cache: dict[str, Prepared] = connection.info.setdefault("guarantor.prepared", {})
    found = cache.get(name)
    if found is None:
        found = cache[name] = Prepared(build(), connection.dialect, keys)
    return found


def cursor(connection: Connection) -> Any:
    """A DBAPI cursor of ``connection``, reused while its DBAPI connection lives."""
    info = connection.info
    found = info.get("guarantor.cursor")
    if found is None:
        found = info["guarantor.cursor"] = connection.connection.cursor()
    return found


@contextmanager
def savepoint(connection: Connection) -> Iterator[None]:
    """All statements inside land together or, on any exception, not at all."""
    raw = cursor(connection)
    error_class = connection.dialect.loaded_dbapi.Error
    try:
        raw.execute(f"SAVEPOINT {_SAVEPOINT}")
    except error_class as exc:
        raise DBAPIError.instance(
            "SAVEPOINT", None, exc, error_class, dialect=connection.dialect
        ) from exc
    try:
        yield
    except BaseException:
        raw.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
        raw.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
        raise
    raw.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")


@contextmanager
def _translated(prepared: Prepared, params: Any) -> Iterator[None]:
    try:
        yield
    except prepared.error_class as exc:
        raise DBAPIError.instance(
            prepared.sql, params, exc, prepared.error_class, dialect=prepared.dialect
        ) from exc
