"""`guarantor documents`: list what is stored, filtered by outlet and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from guarantor.cli.context import get_context
from guarantor.cli.options import SinceOption, UntilOption, WideOption, day
from guarantor.cli.render import Format, emit_rows
from guarantor.store import Store, StoredDocument

__all__ = ["COLUMNS", "register"]

COLUMNS = ["id", "published", "outlet", "title", "language", "n_chars", "cluster_id", "source"]
TABLE_COLUMNS = ["id", "published", "outlet", "title", "source"]  # the rest with --wide


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


def register(app: typer.Typer) -> None:
    """Add ``guarantor documents``."""

    @app.command("documents")
    def documents(
        ctx: typer.Context,
        outlet: Annotated[
            str | None, typer.Option(help="Outlet name, domain or key.", show_default=False)
        ] = None,
        since: SinceOption = None,
        until: UntilOption = None,
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
        text: Annotated[bool, typer.Option("--text", help="Include each document's text.")] = False,
        wide: WideOption = False,
    ) -> None:
        """List stored documents (streamed for jsonl and csv)."""
        settings = get_context(ctx).settings
        with Store.open(settings.db_url) as store:
            rows: Iterator[dict[str, Any]] = (
                _row(doc, text)
                for doc in store.documents(outlet=outlet, since=day(since), until=day(until))
            )
            columns = COLUMNS if wide or fmt is not Format.TABLE else TABLE_COLUMNS
            columns = [*columns, "text"] if text else columns
            emit_rows(rows, fmt, columns=columns, title="documents", wide=wide)
