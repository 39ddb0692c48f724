"""Alembic environment: always run with a connection handed over by ``store.migrate``."""

from __future__ import annotations

from alembic import context

from guarantor.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only programmatic use is supported
    raise RuntimeError("guarantor migrations run through guarantor.store.migrate.upgrade")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
