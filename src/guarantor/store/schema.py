"""The tables, in SQLAlchemy Core. Alembic migrations create exactly these.

Changing a table means a new migration under ``store/migrations/versions``;
``tests/store/test_migrations.py`` checks the migrated schema matches this file.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "document_bands",
    "documents",
    "ingest_failures",
    "ingest_runs",
    "metadata",
    "outlet_aliases",
    "outlets",
    "positions",
    "questionnaire_responses",
    "questionnaire_signatories",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

outlets = Table(
    "outlets",
    metadata,
    Column("key", String(200), primary_key=True, comment="normalised name or domain"),
    Column("name", String(300), nullable=False, comment="display name"),
    Column("reliability", String(1), nullable=False, server_default="F", comment="A-F"),
    Column("note", Text, nullable=True, comment="why this grade"),
    Column("updated_at", DateTime(timezone=True), nullable=True),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("status", String(20), nullable=False, comment="running, done, failed, interrupted"),
    Column("stored", Integer, nullable=False, server_default="0"),
    Column("duplicates", Integer, nullable=False, server_default="0"),
    Column("failed", Integer, nullable=False, server_default="0"),
    Column("extractor", String(100), nullable=True),
    Column("pid", Integer, nullable=True, comment="process that ran it"),
    Column("host", String(255), nullable=True, comment="machine that ran it"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column(
        "source",
        Text,
        nullable=False,
        comment="file:// URI of the file read, or the URL; <stdin> for standard input",
    ),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("outlet_key", String(200), ForeignKey("outlets.key"), nullable=True),
    Column("published", Date, nullable=True),
    Column("language", String(8), nullable=True),
    Column("text", Text, nullable=False),
    Column("n_chars", Integer, nullable=False),
    Column("fingerprint", String(32), nullable=True, comment="near-duplicate signature"),
    Column(
        "cluster_id",
        Integer,
        nullable=True,
        comment="id of the first document of its near-duplicate group (itself if unique)",
    ),
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), nullable=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_outlet_key", "outlet_key"),
    Index("ix_documents_cluster_id", "cluster_id"),
)

positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("actor", String(16), nullable=False),
    Column("option", String(40), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("conditions", Text, nullable=False, server_default="[]", comment="JSON list"),
    Column("speaker", Text, nullable=True),
    Column("claimed_by", String(16), nullable=True),
    Column("reported_by", String(200), nullable=True),
    Column("analysis", Boolean, nullable=False, server_default="0"),
    Column("quote", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("stated_on", String(10), nullable=True),
    Column("reliability", String(1), nullable=False),
    Column("credibility", Integer, nullable=False),
    Column("extractor", String(100), nullable=False),
    Column(
        "confidence",
        Float,
        nullable=True,
        comment="the stance model's probability; NULL for rule-only positions",
    ),
    Index("ix_positions_actor_option", "actor", "option"),
    Index("ix_positions_document_id", "document_id"),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("line", Integer, nullable=True),
    Column("message", Text, nullable=False),
)

outlet_aliases = Table(
    "outlet_aliases",
    metadata,
    Column("alias", String(200), primary_key=True, comment="normalised name or domain"),
    Column(
        "outlet_key",
        String(200),
        ForeignKey("outlets.key", ondelete="CASCADE"),
        nullable=False,
    ),
    Index("ix_outlet_aliases_outlet_key", "outlet_key"),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("band", Integer, primary_key=True, comment="index of the MinHash LSH band"),
    Column("bucket", BigInteger, nullable=False, comment="hash of the band's MinHash values"),
    Index("ix_document_bands_band_bucket", "band", "bucket"),
)

questionnaire_responses = Table(
    "questionnaire_responses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("form", String(40), nullable=False, comment="form version, e.g. questionnaire.six.v1"),
    Column("answered_on", Date, nullable=False, comment="the date the answer was signed"),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False, comment="file as given"),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("signed_by", Text, nullable=True),
    Column("example", Boolean, nullable=False, server_default="0"),
    Column("answers", Text, nullable=False, comment="the validated response as JSON"),
)

questionnaire_signatories = Table(
    "questionnaire_signatories",
    metadata,
    Column(
        "response_id",
        Integer,
        ForeignKey("questionnaire_responses.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("actor", String(16), primary_key=True, comment="ISO3 of a signatory"),
    Index("ix_questionnaire_signatories_actor", "actor"),
)
