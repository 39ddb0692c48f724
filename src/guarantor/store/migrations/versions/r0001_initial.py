"""Initial schema: outlets, ingest runs and failures, documents, positions, LSH bands.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 16:14:39.207699
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.String(length=20),
            nullable=False,
            comment="running, done, failed, interrupted",
        ),
        sa.Column("stored", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicates", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("extractor", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "outlets",
        sa.Column(
            "key", sa.String(length=200), nullable=False, comment="normalised name or domain"
        ),
        sa.Column("name", sa.String(length=300), nullable=False, comment="display name"),
        sa.Column(
            "reliability", sa.String(length=1), server_default="F", nullable=False, comment="A-F"
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="why this grade"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_outlets")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, comment="path or URL as given"),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet_key", sa.String(length=200), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("n_chars", sa.Integer(), nullable=False),
        sa.Column(
            "fingerprint", sa.String(length=32), nullable=True, comment="near-duplicate signature"
        ),
        sa.Column(
            "cluster_id",
            sa.Integer(),
            nullable=True,
            comment="id of the first document of its near-duplicate group (itself if unique)",
        ),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_key"], ["outlets.key"], name=op.f("fk_documents_outlet_key_outlets")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_documents_run_id_ingest_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_cluster_id", ["cluster_id"], unique=False)
        batch_op.create_index("ix_documents_outlet_key", ["outlet_key"], unique=False)
        batch_op.create_index("ix_documents_published", ["published"], unique=False)

    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_ingest_failures_run_id_ingest_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_failures")),
    )
    op.create_table(
        "outlet_aliases",
        sa.Column(
            "alias", sa.String(length=200), nullable=False, comment="normalised name or domain"
        ),
        sa.Column("outlet_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_key"],
            ["outlets.key"],
            name=op.f("fk_outlet_aliases_outlet_key_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("alias", name=op.f("pk_outlet_aliases")),
    )
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_outlet_aliases_outlet_key", ["outlet_key"], unique=False)

    op.create_table(
        "document_bands",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False, comment="index of the MinHash LSH band"),
        sa.Column(
            "bucket", sa.BigInteger(), nullable=False, comment="hash of the band's MinHash values"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "band", name=op.f("pk_document_bands")),
    )
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.create_index("ix_document_bands_band_bucket", ["band", "bucket"], unique=False)

    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("option", sa.String(length=40), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column(
            "conditions", sa.Text(), server_default="[]", nullable=False, comment="JSON list"
        ),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(length=16), nullable=True),
        sa.Column("reported_by", sa.String(length=200), nullable=True),
        sa.Column("analysis", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("stated_on", sa.String(length=10), nullable=True),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_positions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
    )
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.create_index("ix_positions_actor_option", ["actor", "option"], unique=False)
        batch_op.create_index("ix_positions_document_id", ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_index("ix_positions_document_id")
        batch_op.drop_index("ix_positions_actor_option")

    op.drop_table("positions")
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_document_bands_band_bucket")

    op.drop_table("document_bands")
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.drop_index("ix_outlet_aliases_outlet_key")

    op.drop_table("outlet_aliases")
    op.drop_table("ingest_failures")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_published")
        batch_op.drop_index("ix_documents_outlet_key")
        batch_op.drop_index("ix_documents_cluster_id")

    op.drop_table("documents")
    op.drop_table("outlets")
    op.drop_table("ingest_runs")
