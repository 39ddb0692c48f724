"""The ingest runs' bookkeeping: a row per run (who ran it, with which extractor, how
it ended) and a row per failed input. Functions over an open connection; the
``Store`` owns the transactions."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from guarantor.store.schema import documents, ingest_failures, ingest_runs
from guarantor.store.writer import new_id

__all__ = ["begin", "failure", "failures", "finish", "runs"]


def begin(connection: Connection, extractor: str | None) -> int:
    """A new run owned by this process; this host's runs whose process is gone are
    marked ``interrupted``, with the counts of what they committed."""
    host = socket.gethostname()
    stale = connection.execute(
        select(ingest_runs.c.id, ingest_runs.c.pid).where(
            ingest_runs.c.status == "running", ingest_runs.c.host == host
        )
    ).all()
    dead = [row.id for row in stale if row.pid is not None and not _alive(row.pid)]
    for run_id in dead:  # its counts never got written: take them from what it stored
        stored, failed = _run_counts(connection, run_id)
        connection.execute(
            ingest_runs.update()
            .where(ingest_runs.c.id == run_id)
            .values(status="interrupted", stored=stored, failed=failed)
        )
    result = connection.execute(
        ingest_runs.insert().values(
            started_at=datetime.now(UTC),
            status="running",
            extractor=extractor,
            pid=os.getpid(),
            host=host,
        )
    )
    return new_id(result)


def finish(
    connection: Connection, run_id: int, status: str, stored: int, duplicates: int, failed: int
) -> None:
    connection.execute(
        ingest_runs.update()
        .where(ingest_runs.c.id == run_id)
        .values(
            finished_at=datetime.now(UTC),
            status=status,
            stored=stored,
            duplicates=duplicates,
            failed=failed,
        )
    )


def failure(
    connection: Connection, run_id: int, source: str, line: int | None, message: str
) -> None:
    connection.execute(
        ingest_failures.insert().values(run_id=run_id, source=source, line=line, message=message)
    )


def runs(connection: Connection) -> list[dict[str, Any]]:
    """Every run, oldest first; one that never finished shows what it committed."""
    rows = [
        dict(r._mapping) for r in connection.execute(select(ingest_runs).order_by(ingest_runs.c.id))
    ]
    for row in rows:
        if row["status"] != "done":
            row["stored"], row["failed"] = _run_counts(connection, row["id"])
    return rows


def failures(connection: Connection, run_id: int | None = None) -> list[dict[str, Any]]:
    query = select(ingest_failures).order_by(ingest_failures.c.id)
    if run_id is not None:
        query = query.where(ingest_failures.c.run_id == run_id)
    return [dict(r._mapping) for r in connection.execute(query).all()]


def _run_counts(connection: Connection, run_id: int) -> tuple[int, int]:
    """Documents a run committed and failures it recorded, counted in the database."""
    stored = connection.execute(
        select(func.count()).select_from(documents).where(documents.c.run_id == run_id)
    ).scalar_one()
    failed = connection.execute(
        select(func.count()).select_from(ingest_failures).where(ingest_failures.c.run_id == run_id)
    ).scalar_one()
    return int(stored), int(failed)


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
