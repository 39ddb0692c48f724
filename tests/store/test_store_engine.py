"""SQLite is opened in WAL mode with foreign keys and a busy timeout; bad URLs are clear."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from guarantor.errors import ConfigurationError
from guarantor.settings import default_db_url
from guarantor.store import Store
from guarantor.store.engine import BUSY_TIMEOUT_MS, CACHE_KIB, _ensure_wal, make_engine


def test_sqlite_pragmas_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "g.db"
    with Store.open(f"sqlite:///{path}") as store, store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
        assert connection.execute(text("PRAGMA cache_size")).scalar() == -CACHE_KIB
    assert path.is_file()


def test_default_location_is_under_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_url() == f"sqlite:///{tmp_path / 'guarantor' / 'guarantor.db'}"


def test_unparseable_url_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="cannot be parsed"):
        make_engine("not a url at all")


def test_missing_driver_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="driver"):
        make_engine("mysql+nosuchdriver://u@h/db")


def test_safe_url_masks_the_password_once_for_everyone() -> None:
    from guarantor.store import safe_url

    shown = safe_url("postgresql+psycopg://ann:s3cret@db.example/guarantor")
    assert "s3cret" not in shown and shown.startswith("postgresql+psycopg://ann:***@db.example")


class _LockedCursor:
    """A DB-API cursor whose journal-mode pragmas fail ``locked`` a few times first."""

    def __init__(self, failures: int, message: str = "database is locked") -> None:
        self.failures = failures
        self.message = message
        self.mode = "delete"
        self.calls = 0

    def execute(self, sql: str) -> _LockedCursor:
        self.calls += 1
        if self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError(self.message)
        if sql.endswith("=WAL"):
            self.mode = "wal"
        return self

    def fetchone(self) -> tuple[str]:
        return (self.mode,)


def test_switching_to_wal_waits_out_a_lock_instead_of_failing() -> None:
    cursor = _LockedCursor(failures=3)
    _ensure_wal(cursor)
    assert cursor.mode == "wal"
    assert cursor.calls == 3 + 2  # three refused reads, then read and switch


def test_an_error_that_is_not_a_lock_is_not_retried() -> None:
    cursor = _LockedCursor(failures=5, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _ensure_wal(cursor)
    assert cursor.calls == 1


def test_a_database_already_in_wal_is_only_read() -> None:
    cursor = _LockedCursor(failures=0)
    cursor.mode = "wal"
    _ensure_wal(cursor)
    assert cursor.calls == 1
