"""Positions keep the learned model's confidence (None for rule-only positions).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("positions") as batch:
        batch.add_column(
            sa.Column(
                "confidence",
                sa.Float(),
                nullable=True,
                comment="the stance model's probability; NULL for rule-only positions",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("positions") as batch:
        batch.drop_column("confidence")
