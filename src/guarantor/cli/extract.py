"""`guarantor extract PATH...`: run the extraction pipeline on files, without a store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from guarantor.cli.context import get_context
from guarantor.cli.options import ExtractorOption, ThresholdOption, WideOption
from guarantor.cli.render import Format, emit_rows
from guarantor.domain import Position
from guarantor.extract import extract_document
from guarantor.extract.outlet_table import bundled_reliability
from guarantor.ingest import read_documents

__all__ = ["POSITION_KEYS", "TABLE_COLUMNS", "position_row", "register"]

POSITION_KEYS = [
    "document",
    "actor",
    "option",
    "stance",
    "conditions",
    "speaker",
    "claimed_by",
    "reported_by",
    "analysis",
    "quote",
    "start",
    "end",
    "stated_on",
    "grade",
    "extractor",
    "confidence",
]
TABLE_COLUMNS = ["actor", "option", "stance", "conditions", "speaker", "grade", "quote"]


def position_row(position: Position) -> dict[str, Any]:
    """A position as the JSON-able row every output format prints."""
    data = position.model_dump(mode="json")
    return {key: data.get(key) for key in POSITION_KEYS}


def extract_paths(
    paths: list[str], max_bytes: int, extractor: str, threshold: float
) -> Iterator[Position]:
    """Positions of every document under ``paths``, graded by the bundled outlet table."""
    for document in read_documents(paths, max_bytes=max_bytes):
        reliability = bundled_reliability(document.outlet)
        yield from extract_document(
            document, outlet_reliability=reliability, extractor=extractor, threshold=threshold
        )


def register(app: typer.Typer) -> None:
    """Add ``guarantor extract``."""

    @app.command("extract")
    def extract(
        ctx: typer.Context,
        paths: Annotated[
            list[str],
            typer.Argument(help="Files or folders (text, Markdown, HTML, JSONL); - is stdin."),
        ],
        fmt: Annotated[
            Format, typer.Option("--format", help="jsonl (default), json or table.")
        ] = Format.JSONL,
        extractor: ExtractorOption = None,
        threshold: ThresholdOption = None,
        wide: WideOption = False,
    ) -> None:
        """Print every position found in the given documents (nothing is stored)."""
        settings = get_context(ctx).settings
        found = extract_paths(
            paths,
            settings.max_file_bytes,
            extractor or settings.extractor,
            threshold or settings.stance_threshold,
        )
        rows = (position_row(p) for p in found)
        columns = TABLE_COLUMNS if fmt is Format.TABLE else POSITION_KEYS
        emit_rows(rows, fmt, columns=columns, title="positions", wide=wide)
