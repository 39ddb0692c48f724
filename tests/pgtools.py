"""A fresh PostgreSQL database per test, on the server of ``GUARANTOR_TEST_PG_URL``.

Without the URL a PostgreSQL test skips, unless ``GUARANTOR_REQUIRE_PG=1``
(CI), where a missing server is a failure. Each database is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def pg_admin_url() -> str:
    """The server's URL, or a skip (a failure under ``GUARANTOR_REQUIRE_PG=1``)."""
    url = os.environ.get("GUARANTOR_TEST_PG_URL")
    if not url:
        if os.environ.get("GUARANTOR_REQUIRE_PG") == "1":
            pytest.fail("GUARANTOR_REQUIRE_PG=1 but GUARANTOR_TEST_PG_URL is not set")
        pytest.skip("PostgreSQL tests need GUARANTOR_TEST_PG_URL (see .ci/run)")
    return url


@contextmanager
def fresh_pg_database(prefix: str) -> Iterator[str]:
    """The URL of a new, empty database named ``prefix_<random>``, dropped on exit."""
    admin_url = pg_admin_url()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
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
