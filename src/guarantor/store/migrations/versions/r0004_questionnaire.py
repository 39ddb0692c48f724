"""Questionnaire responses and their signatories (one row each; revisions are kept).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 11:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire_responses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "form",
            sa.String(length=40),
            nullable=False,
            comment="form version, e.g. questionnaire.six.v1",
        ),
        sa.Column(
            "answered_on", sa.Date(), nullable=False, comment="the date the answer was signed"
        ),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, comment="file as given"),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("signed_by", sa.Text(), nullable=True),
        sa.Column("example", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("answers", sa.Text(), nullable=False, comment="the validated response as JSON"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_responses")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_questionnaire_responses_content_hash")),
    )
    op.create_table(
        "questionnaire_signatories",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False, comment="ISO3 of a signatory"),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["questionnaire_responses.id"],
            name=op.f("fk_questionnaire_signatories_response_id_questionnaire_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("response_id", "actor", name=op.f("pk_questionnaire_signatories")),
    )
    op.create_index(
        "ix_questionnaire_signatories_actor", "questionnaire_signatories", ["actor"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_questionnaire_signatories_actor", table_name="questionnaire_signatories")
    op.drop_table("questionnaire_signatories")
    op.drop_table("questionnaire_responses")
