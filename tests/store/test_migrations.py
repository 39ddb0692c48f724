"""The migrations build exactly the tables of ``store/schema.py``, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, inspect, select

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


def test_a_store_from_before_file_uris_opens_and_its_paths_become_uris(tmp_path: Path) -> None:
    """Issue 14: absolute paths become file:// URIs; relative paths, URLs, stdin stay."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0004")
    sources = [
        "/data/seeds/a b.txt",
        "/data/feed.jsonl:3",
        "/data/work/../seeds/e.txt",
        "../shared/corpus/seeds/c.txt",
        "https://example.org/d",
        "<stdin>",
    ]
    table = metadata.tables["documents"]
    with engine.begin() as connection:
        for number, source in enumerate(sources):
            values = {"content_hash": f"{number:064d}", "source": source, "text": "x"}
            values |= {"n_chars": 1, "ingested_at": datetime(2025, 1, 1, tzinfo=UTC)}
            connection.execute(insert(table).values(**values))
    engine.dispose()
    with Store.open(url) as store:
        stored = [d.source for d in store.documents()]
    assert sorted(stored) == sorted(
        [
            "file:///data/seeds/a%20b.txt",
            "file:///data/feed.jsonl#line=2,3",
            "file:///data/seeds/e.txt",
            "../shared/corpus/seeds/c.txt",
            "https://example.org/d",
            "<stdin>",
        ]
    )
    engine = make_engine(url)
    upgrade_to = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert upgrade_to == "0005"
    downgrade(engine, "0004")
    with engine.connect() as connection:
        back = connection.execute(select(table.c.source)).scalars().all()
    engine.dispose()
    assert sorted(back) == sorted(s.replace("work/../", "") for s in sources)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
