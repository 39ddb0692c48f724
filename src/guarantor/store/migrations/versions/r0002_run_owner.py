"""Ingest runs record their process and host, so a killed run can be marked interrupted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.add_column(
            sa.Column("pid", sa.Integer(), nullable=True, comment="process that ran it")
        )
        batch.add_column(
            sa.Column("host", sa.String(length=255), nullable=True, comment="machine that ran it")
        )


def downgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.drop_column("host")
        batch.drop_column("pid")
