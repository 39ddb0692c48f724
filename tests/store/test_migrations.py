"""The migrations build exactly the tables of ``store/schema.py``, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from guarantor.store import Store
from guarantor.store.engine import make_engine
from guarantor.store.migrate import MIGRATIONS_DIR, alembic_config, upgrade
from guarantor.store.schema import metadata


def test_migrated_schema_equals_metadata(store_url: str) -> None:
    engine = make_engine(store_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    engine.dispose()
    assert diff == []


def test_every_table_exists_and_version_is_head(store_url: str) -> None:
    with Store.open(store_url) as store:
        tables = set(inspect(store.engine).get_table_names())
        with store.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    assert set(metadata.tables) <= tables
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current == head


def test_opening_twice_is_harmless(store_url: str) -> None:
    Store.open(store_url).close()
    with Store.open(store_url) as store:
        assert len(store.outlets()) > 10


def test_migrations_ship_inside_the_package() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert list((MIGRATIONS_DIR / "versions").glob("r*.py"))
