"""Documents name their source by a file:// URI, so it resolves from any working folder.

Sources stored as absolute paths become URIs: ``/data/a.txt`` is
``file:///data/a.txt`` and a JSONL line ``/data/feed.jsonl:3`` is
``file:///data/feed.jsonl#line=2,3`` (RFC 5147: the third line), with
``..`` folded away. A relative
path, stored before this revision, cannot be resolved any more (the folder it
was relative to is not recorded): it stays as it was. URLs and ``<stdin>`` are
untouched.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 13:40:00
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_COMMENT = "path or URL as given"
NEW_COMMENT = "file:// URI of the file read, or the URL; <stdin> for standard input"
_JSONL_LINE = re.compile(r"(?P<path>.+\.jsonl):(?P<line>\d+)", re.IGNORECASE)
_LINE_FRAGMENT = re.compile(r"line=\d+,(?P<line>\d+)")

_documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("source", sa.Text))


def path_to_uri(source: str) -> str:
    """The URI of an absolute path; '..' is folded away (as far as the text tells)."""
    line = _JSONL_LINE.fullmatch(source)
    if line is None:
        return PurePosixPath(posixpath.normpath(source)).as_uri()
    number = int(line.group("line"))
    path = PurePosixPath(posixpath.normpath(line.group("path")))
    return f"{path.as_uri()}#line={number - 1},{number}"


def uri_to_path(source: str) -> str:
    parts = urlsplit(source)
    path = unquote(parts.path)
    line = _LINE_FRAGMENT.fullmatch(parts.fragment)
    return f"{path}:{line.group('line')}" if line else path


def _rewrite(where: sa.ColumnElement[bool], convert: Callable[[str], str]) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(_documents.c.id, _documents.c.source).where(where)).all()
    if rows:
        update = (
            _documents.update()
            .where(_documents.c.id == sa.bindparam("doc_id"))
            .values(source=sa.bindparam("new_source"))
        )
        bind.execute(update, [{"doc_id": i, "new_source": convert(str(s))} for i, s in rows])
    if bind.dialect.name == "postgresql":  # SQLite keeps no column comments
        new, old = (
            (NEW_COMMENT, OLD_COMMENT) if convert is path_to_uri else (OLD_COMMENT, NEW_COMMENT)
        )
        op.alter_column(
            "documents",
            "source",
            existing_type=sa.Text(),
            existing_nullable=False,
            comment=new,
            existing_comment=old,
        )


def upgrade() -> None:
    _rewrite(_documents.c.source.like("/%"), path_to_uri)


def downgrade() -> None:
    _rewrite(_documents.c.source.like("file:///%"), uri_to_path)
