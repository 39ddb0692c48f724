"""Rendering rows as table, JSON, JSON Lines or CSV, the same for every command."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["Format", "ReportFormat", "emit_json", "emit_rows", "to_jsonable"]


class Format(StrEnum):
    """For results that are lists: every row in any of the four forms."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class ReportFormat(StrEnum):
    """For results that are one report (sections, not rows): table or JSON only."""

    TABLE = "table"
    JSON = "json"


def to_jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return to_jsonable(value.model_dump(mode="json"))
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")


def _cell(value: Any) -> str:
    value = to_jsonable(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit_rows(
    rows: Iterable[Mapping[str, Any]],
    fmt: Format,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    console: Console | None = None,
) -> int:
    """Write rows in ``fmt``; JSON Lines and CSV stream. Returns the row count."""
    count = 0
    if fmt is Format.JSONL:
        for row in rows:
            sys.stdout.write(json.dumps(to_jsonable(row), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt is Format.CSV:
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(
                    sys.stdout, fieldnames=list(columns or row.keys()), extrasaction="ignore"
                )
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
            count += 1
        if writer is None and columns:
            csv.writer(sys.stdout).writerow(columns)
        return count
    materialised = [dict(r) for r in rows]
    if fmt is Format.JSON:
        emit_json(materialised)
        return len(materialised)
    console = console or Console()
    cols = list(columns or (materialised[0].keys() if materialised else []))
    table = Table(title=title, show_lines=False)
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in materialised:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    console.print(table)
    return len(materialised)
