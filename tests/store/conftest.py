"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from ``GUARANTOR_TEST_PG_URL``; each test gets a database of
its own, dropped afterwards. Without the URL the PostgreSQL variant skips,
unless ``GUARANTOR_REQUIRE_PG=1`` (CI), where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from guarantor.store import Store


def _pg_admin_url() -> str | None:
    url = os.environ.get("GUARANTOR_TEST_PG_URL")
    if not url:
        if os.environ.get("GUARANTOR_REQUIRE_PG") == "1":
            pytest.fail("GUARANTOR_REQUIRE_PG=1 but GUARANTOR_TEST_PG_URL is not set")
        pytest.skip("PostgreSQL tests need GUARANTOR_TEST_PG_URL (see .ci/run)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    admin_url = _pg_admin_url()
    assert admin_url is not None
    name = f"guarantor_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"cannot create a test database at {admin_url}: {exc}")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'guarantor.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
