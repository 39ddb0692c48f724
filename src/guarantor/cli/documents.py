"""`guarantor documents`: list what is stored, filtered by outlet and date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any

import typer

from guarantor.cli.context import get_context
from guarantor.cli.render import Format, emit_rows
from guarantor.store import Store, StoredDocument

__all__ = ["COLUMNS", "register"]

COLUMNS = ["id", "published", "outlet", "title", "language", "n_chars", "cluster_id", "source"]


def _row(doc: StoredDocument, with_text: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": doc.id,
        "published": doc.published,
        "outlet": doc.outlet_key,
        "title": doc.title,
        "language": doc.language,
        "n_chars": doc.n_chars,
        "cluster_id": doc.cluster_id,
        "source": doc.source,
        "content_hash": doc.content_hash,
    }
    if with_text:
        row["text"] = doc.text
    return row


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def register(app: typer.Typer) -> None:
    """Add ``guarantor documents``."""

    @app.command("documents")
    def documents(
        ctx: typer.Context,
        outlet: Annotated[
            str | None, typer.Option(help="Outlet name, domain or key.", show_default=False)
        ] = None,
        since: Annotated[
            datetime | None,
            typer.Option(
                formats=["%Y-%m-%d"], help="Published on or after this day.", show_default=False
            ),
        ] = None,
        until: Annotated[
            datetime | None,
            typer.Option(
                formats=["%Y-%m-%d"], help="Published on or before this day.", show_default=False
            ),
        ] = None,
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
        text: Annotated[bool, typer.Option("--text", help="Include each document's text.")] = False,
    ) -> None:
        """List stored documents (streamed for jsonl and csv)."""
        settings = get_context(ctx).settings
        with Store.open(settings.db_url) as store:
            rows: Iterator[dict[str, Any]] = (
                _row(doc, text)
                for doc in store.documents(outlet=outlet, since=_day(since), until=_day(until))
            )
            columns = [*COLUMNS, "text"] if text else COLUMNS
            emit_rows(rows, fmt, columns=columns, title="documents")
