"""Engines for the store: SQLite tuned for one writer and many readers, or PostgreSQL.

SQLite gets WAL (readers never block the writer), foreign keys (off by
default in SQLite) and a busy timeout (a second process waits rather than
failing at once). Its page cache is 16 MB instead of 2 MB: each document adds
16 rows at random places in the near-duplicate band index, and with the small
cache those inserts kept re-reading index pages. pysqlite's own transaction
handling breaks SAVEPOINTs, so transactions are begun explicitly, as
SQLAlchemy's SQLite dialect docs advise.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from guarantor.errors import ConfigurationError

__all__ = ["BUSY_TIMEOUT_MS", "CACHE_KIB", "WRITER", "make_engine", "safe_url"]

# Execution options of a connection that writes: on SQLite its transactions begin
# IMMEDIATE, taking the write lock up front (waiting within the busy timeout),
# because SQLite does not apply the busy timeout when a reading transaction
# upgrades to writing - the second of two ingests died at once with "locked".
WRITER = {"guarantor_writer": True}

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 16_000  # per connection; bounded, so memory stays flat on any corpus


def safe_url(url: str) -> str:
    """The database URL fit to print: its password masked (``user:***@host``)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<database URL that cannot be parsed>"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; creates the SQLite file's folder when needed.

    The command line refuses a ``--db`` folder that does not exist before it gets
    here (``check_db_folder``); library callers and tests may rely on the creation.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(f"database URL {url!r} cannot be parsed: {exc}") from exc
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed.render_as_string(hide_password=False))
    if parsed.get_backend_name() != "postgresql":
        raise ConfigurationError(
            f"database URL {url!r}: unknown scheme {parsed.drivername!r}; expected "
            "sqlite:///PATH or postgresql+psycopg://USER@HOST/DB "
            "(PostgreSQL needs: pip install 'guarantor[postgres]')"
        )
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise ConfigurationError(
            f"database URL {url!r} needs a driver that is not installed: {exc} "
            "(for PostgreSQL: pip install 'guarantor[postgres]')"
        ) from exc


def check_db_folder(url: str) -> None:
    """A SQLite URL whose folder does not exist is a mistake: say so, create nothing."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine reports it
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return
    if database.startswith("file:"):
        return
    folder = Path(database).expanduser().parent
    if not folder.is_dir():
        raise ConfigurationError(
            f"database URL {url!r}: folder {folder} does not exist "
            "(only the default folder is created; make it first or choose another)"
        )


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigurationError(f"cannot create the folder for {database}: {exc}") from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _ensure_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    finally:
        cursor.close()


def _ensure_wal(cursor: Any) -> None:
    """Put the database in WAL mode, waiting out other processes doing the same.

    WAL is a property of the file, so a connection to a database already in WAL
    only reads the mode. Switching needs an exclusive lock, and SQLite can answer
    "locked" at once, without waiting in its busy handler (two connections that
    both hold a shared lock and both want more; a file being recovered or
    checkpointed by its last closer): one of two concurrent ingests died that way
    on connecting. The pragmas are retried within the busy timeout instead.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _sqlite_on_begin(connection: Any) -> None:
    writer = connection.get_execution_options().get("guarantor_writer")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")
