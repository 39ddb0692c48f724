"""The store: one narrow interface over SQLite (default) or PostgreSQL.

Every write of a document is atomic: its row, its positions and its
near-duplicate bands land together or not at all. ``batch`` groups many
documents into fewer commits (each document inside its own savepoint) so a
long ingest stays fast and a kill loses at most the open batch, never half
a document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from guarantor.domain import Document, Position
from guarantor.errors import NotFoundError, StoreError, UsageError
from guarantor.store import queries, rawsql, runlog
from guarantor.store.engine import WRITER, make_engine, safe_url
from guarantor.store.migrate import upgrade
from guarantor.store.outlets import (
    GRADES,
    ensure_outlet,
    grade_outlet,
    normalise_outlet,
    resolve_outlet,
    seed_outlets,
)
from guarantor.store.records import AddResult, Outlet, StoredDocument, StoredPosition
from guarantor.store.schema import outlets
from guarantor.store.writer import existing_document, write_document

__all__ = ["Store", "StoreConflict"]


class StoreConflict(StoreError):
    """A write lost to a concurrent writer (deadlock, lock timeout); the batch may be retried."""


DEFAULT_RELIABILITY = "F"


class _Batch:
    """One connection whose transaction is shared by many documents, committed every
    ``commit_every``. The transaction begins lazily at the first statement after a
    commit, so between commits another writer can take the lock."""

    def __init__(self, connection: Connection, commit_every: int) -> None:
        self.connection = connection
        self.commit_every = commit_every
        self.pending = 0
        self.commits = 0

    def begin(self) -> None:
        if not self.connection.in_transaction():
            self.connection.begin()

    def written(self) -> None:
        self.pending += 1
        if self.pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        self.connection.commit()
        self.pending = 0
        self.commits += 1

    def rollback(self) -> None:
        self.connection.rollback()
        self.pending = 0


class Store:
    """Documents, positions, outlets and ingest runs. Open with ``Store.open(url)``."""

    def __init__(self, engine: Engine, *, near_duplicate_threshold: float = 0.8) -> None:
        self.engine = engine
        self.near_duplicate_threshold = near_duplicate_threshold
        self._batch: _Batch | None = None
        self._outlet_keys: dict[str, str] = {}  # outlet as written -> key, existing rows only
        self._grades: dict[str, str] = {}  # outlet as written -> reliability

    @classmethod
    def open(cls, url: str, *, near_duplicate_threshold: float = 0.8) -> Store:
        """Connect, migrate to the newest schema and seed the bundled outlet grades."""
        engine = make_engine(url)
        try:
            upgrade(engine)
            with engine.connect().execution_options(**WRITER) as connection, connection.begin():
                seed_outlets(connection)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the database {safe_url(url)}: {_reason(exc)}") from exc
        return cls(engine, near_duplicate_threshold=near_duplicate_threshold)

    def close(self) -> None:
        if self._batch is not None:
            self._batch.rollback()
            self._batch.connection.close()
            self._batch = None
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions -------------------------------------------------------

    @contextmanager
    def batch(self, commit_every: int = 200) -> Iterator[None]:
        """Share one transaction between writes, committing every ``commit_every`` documents.

        A kill (SIGKILL, power loss) loses only the documents since the last commit.
        """
        if self._batch is not None:
            yield
            return
        connection = self.engine.connect().execution_options(**WRITER)
        self._batch = _Batch(connection, commit_every)
        try:
            yield
        finally:
            # every document in the open transaction is complete (a failed one was rolled
            # back to its savepoint), so even an interrupted batch commits what it has
            try:
                self._batch.commit()
            except SQLAlchemyError:
                self._batch.rollback()
                raise
            finally:
                connection.close()
                self._batch = None
                self._outlet_keys.clear()
                self._grades.clear()

    @property
    def batch_commits(self) -> int:
        """How many times the open batch has committed (0 outside a batch)."""
        return self._batch.commits if self._batch is not None else 0

    def rollback_batch(self) -> None:
        """Drop everything written since the open batch last committed (to retry it)."""
        if self._batch is not None:
            self._batch.rollback()
            self._outlet_keys.clear()
            self._grades.clear()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection inside its own transaction, or a savepoint of the open batch."""
        try:
            if self._batch is not None:
                self._batch.begin()
                with self._batch.connection.begin_nested():
                    yield self._batch.connection
            else:
                writer = self.engine.connect().execution_options(**WRITER)
                with writer as connection, connection.begin():
                    yield connection
        except OperationalError as exc:
            raise _refused(exc) from exc

    @contextmanager
    def _document_write(self) -> Iterator[Connection]:
        """As ``_write``, with the batch's per-document savepoint issued on the driver's
        cursor: SQLAlchemy's nested transaction cost more than the document's own rows."""
        if self._batch is None:
            with self._write() as connection:
                yield connection
            return
        connection = self._batch.connection
        try:
            self._batch.begin()
            with rawsql.savepoint(connection):
                yield connection
        except OperationalError as exc:
            raise _refused(exc) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._batch is not None:
            yield self._batch.connection
            return
        with self.engine.connect() as connection:
            yield connection

    # -- ingest runs (SQL in guarantor.store.runlog) ----------------------

    def begin_run(self, extractor: str | None) -> int:
        """A new run owned by this process; earlier runs of this host whose process is
        gone (killed, crashed) are marked ``interrupted`` first."""
        with self._write() as connection:
            return runlog.begin(connection, extractor)

    def finish_run(
        self, run_id: int, *, status: str, stored: int, duplicates: int, failed: int
    ) -> None:
        with self._write() as connection:
            runlog.finish(connection, run_id, status, stored, duplicates, failed)
        if self._batch is not None:
            self._batch.commit()

    def record_failure(self, run_id: int, source: str, line: int | None, message: str) -> None:
        with self._write() as connection:
            runlog.failure(connection, run_id, source, line, message)

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run, oldest first; a run that never finished shows what it committed."""
        with self._read() as connection:
            return runlog.runs(connection)

    def run(self, run_id: int) -> dict[str, Any]:
        """One ingest run with its failures; ``NotFoundError`` when there is no such run."""
        found = [r for r in self.runs() if r["id"] == run_id]
        if not found:
            raise NotFoundError(f"no ingest run {run_id}; `guarantor runs` lists them")
        return {**found[0], "failures": self.failures(run_id)}

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]:
        with self._read() as connection:
            return runlog.failures(connection, run_id)

    # -- documents ----------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this normalised-text hash is stored."""
        with self._read() as connection:
            return existing_document(connection, content_hash) is not None

    def add_document(
        self, doc: Document, positions: Sequence[Position], run_id: int | None
    ) -> AddResult:
        """Store ``doc`` and its positions in one transaction; a known hash is a duplicate."""
        self._shared_outlet(doc.outlet)
        try:
            with self._document_write() as connection:
                result = write_document(
                    connection,
                    doc,
                    positions,
                    run_id,
                    threshold=self.near_duplicate_threshold,
                    outlet_keys=self._outlet_keys,
                )
        except IntegrityError as exc:  # another writer stored the same text first
            with self._read() as connection:
                existing = existing_document(connection, doc.content_hash)
            if existing is None:
                raise StoreError(f"{doc.source}: cannot store document: {_reason(exc)}") from exc
            return existing
        if self._batch is not None and result.status == "stored":
            self._batch.written()
        return result

    def _shared_outlet(self, outlet: str | None) -> None:
        """On PostgreSQL, a new outlet is inserted and committed on its own, before the
        document's batch: two ingests meeting new outlets in opposite order inside their
        batches deadlocked. (SQLite has one writer at a time, so it stays in the batch.)"""
        if not outlet or outlet in self._outlet_keys or self.engine.dialect.name == "sqlite":
            return
        try:
            with self.engine.begin() as connection:
                key = ensure_outlet(connection, outlet)
        except OperationalError as exc:
            raise _refused(exc) from exc
        if key is not None:
            self._outlet_keys[outlet] = key

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Iterator[StoredDocument]:
        """Stored documents in id order, streamed; ``outlet`` is a name, domain or key."""
        with self._read() as connection:
            outlet_key = None
            if outlet is not None:
                outlet_key = resolve_outlet(connection, outlet) or normalise_outlet(outlet)
            query = queries.documents_query(outlet_key=outlet_key, since=since, until=until)
            result = connection.execution_options(yield_per=500).execute(query)
            for row in result:
                yield queries.document_from_row(row)

    def positions(
        self,
        *,
        actor: str | None = None,
        option: str | None = None,
        stance: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Iterator[StoredPosition]:
        """Stored positions with their document's cluster, outlet and date, streamed."""
        query = queries.positions_query(
            actor=actor, option=option, stance=stance, since=since, until=until
        )
        with self._read() as connection:
            for row in connection.execution_options(yield_per=500).execute(query):
                yield queries.position_from_row(row)

    def corroboration(
        self, *, actor: str | None = None, option: str | None = None, stance: str | None = None
    ) -> dict[tuple[str, str, str], int]:
        """Independent sources of each stored (actor, option, stance), counted by the database."""
        with self._read() as connection:
            return queries.corroboration(connection, actor=actor, option=option, stance=stance)

    def counts(self) -> dict[str, int]:
        """How many documents, near-duplicate clusters, positions and outlets are stored."""
        with self._read() as connection:
            return queries.counts(connection)

    def revision(self) -> tuple[str, ...]:
        """A token that changes with every write a reader could see (for caches)."""
        with self._read() as connection:
            return queries.revision(connection)

    def documents_by_outlet_month(self) -> list[dict[str, Any]]:
        with self._read() as connection:
            return queries.month_counts(connection)

    # -- outlets ------------------------------------------------------------

    def outlets(self) -> list[Outlet]:
        with self._read() as connection:
            rows = connection.execute(select(outlets).order_by(outlets.c.key)).all()
        return [Outlet(**r._mapping) for r in rows]

    def set_outlet(
        self,
        key: str,
        *,
        name: str | None = None,
        reliability: str,
        note: str | None = None,
    ) -> Outlet:
        """Grade an outlet (adding it when new); the bundled defaults never overwrite this."""
        grade = reliability.strip().upper()
        if len(grade) != 1 or grade not in GRADES:
            raise UsageError(f"reliability must be one of A-F, got {reliability!r}")
        self._grades.clear()
        with self._write() as connection:
            row = grade_outlet(connection, key, grade, name=name, note=note)
        return Outlet(**row._mapping)

    def outlet_reliability(self, outlet_name_or_domain: str) -> str:
        """The outlet's grade A-F; 'F' (cannot judge) for an unknown or empty outlet."""
        if not outlet_name_or_domain.strip():
            return DEFAULT_RELIABILITY
        cached = self._grades.get(outlet_name_or_domain) if self._batch else None
        if cached is not None:  # grades are remembered only while a batch is open
            return cached
        with self._read() as connection:
            key = resolve_outlet(connection, outlet_name_or_domain)
            if key is None:
                return DEFAULT_RELIABILITY  # not cached: the outlet may be graded later
            grade = connection.execute(
                select(outlets.c.reliability).where(outlets.c.key == key)
            ).scalar()
        if self._batch is not None:
            self._grades[outlet_name_or_domain] = grade or DEFAULT_RELIABILITY
        return grade or DEFAULT_RELIABILITY


_RETRYABLE_PG = {"40P01", "40001"}  # deadlock detected, serialization failure


def _refused(exc: OperationalError) -> StoreError:
    """A refused write; ``StoreConflict`` when another writer caused it and a retry may pass."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    reason = _reason(exc)
    if code in _RETRYABLE_PG or "database is locked" in reason:
        return StoreConflict(f"another writer got in the way: {reason}")
    return StoreError(f"the database refused a write: {reason}")


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
