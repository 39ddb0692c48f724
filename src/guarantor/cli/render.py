"""Rendering rows as table, JSON, JSON Lines or CSV, the same for every command."""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

__all__ = [
    "SHORT_HEADERS",
    "SHORT_OPTIONS",
    "Format",
    "ReportFormat",
    "announce_more",
    "emit_json",
    "emit_rows",
    "format_number",
    "to_jsonable",
]


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
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.12g}")  # 9050.1, not 9050.099999999999
    return value


# Table columns whose numbers are probabilities or shares: two decimals (0.41).
_PROBABILITY = ("p_", "probability", "prior", "criticality", "share", "weight", "contribution")
# Columns of running text: one line each in a table, elided; the full text is a --format away.
_TEXT = frozenset(
    {"quote", "why", "text", "description", "notes", "paraphrase", "basis", "conditions", "refs"}
)


# Sums of money: shown with a scale word (2.5 bn); the unit is in its own column.
_MONEY = frozenset({"amount", "eur", "usd", "eur_total", "usd_total", "amount_eur", "amount_usd"})

# Table headers (tables only; JSON and CSV keep the full keys).
SHORT_HEADERS = {
    "expected_troops": "troops",
    "troops_if_participating": "if in",
    "p_participate": "P(in)",
    "criticality": "critical",
    "independent_sources": "sources",
    "fastest_hours": "hours",
    "legally_binding": "binding",
    "published": "date",
    "probability": "P",
    "contribution": "contrib",
}


# Option names in tables (JSON and CSV keep the full names).
SHORT_OPTIONS = {
    "ground_troops": "troops",
    "air_support": "air",
    "naval_support": "naval",
    "monitoring": "monitor",
    "security_guarantee": "guarantee",
    "collective_defense": "art5-like",
    "nato_membership": "NATO memb.",
    "military_aid": "mil. aid",
    "financial_aid": "money",
    "sanctions": "sanctions",
    "western_troops_in_ukraine": "W. troops",
}


def format_number(column: str, value: float) -> str:
    """A number as a table shows it, by kind: 0.41, 9,050, 2.5 bn, 1.5."""
    if isinstance(value, bool):
        return str(value)
    if column in _MONEY and abs(value) >= 1e6:
        for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
            if abs(value) >= scale:
                return f"{value / scale:,.3g} {word}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if any(column.startswith(p) or column == p for p in _PROBABILITY) and abs(value) <= 1:
        return f"{value:.2f}"
    if value.is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


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
    total: int | None = None,
    more: str = "--all",
) -> int:
    """Write rows in ``fmt``; JSON Lines and CSV stream. Returns the row count.

    A table fits the terminal: short columns keep their headers whole, running text
    (quotes, reasons) takes one elided line per row. With ``total`` above the rows
    given, the table ends with '… N more; ``more``'.
    """
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
    cells = [[_table_cell(c, row.get(c)) for c in cols] for row in materialised]
    budget = _text_budget(console.width, cols, cells)
    table = Table(title=title, show_lines=False, box=box.SIMPLE_HEAD, pad_edge=False)
    mins = _min_widths(cols, cells)
    if sum(mins) + 2 * len(cols) > console.width:
        mins = [0] * len(cols)  # too many columns to keep whole: let rich fold them
    for col, least in zip(cols, mins, strict=True):
        text = col in _TEXT
        table.add_column(
            SHORT_HEADERS.get(col, col),
            overflow="ellipsis" if text else "fold",
            no_wrap=text or (_short(col, cells, cols.index(col)) and bool(least)),
            min_width=least or None,
        )
    for row_cells in cells:
        table.add_row(
            *(_elide(v, budget) if c in _TEXT else v for c, v in zip(cols, row_cells, strict=True))
        )
    if console.measure(table).maximum > console.width:
        table.width = console.width  # make rich fold columns rather than crop the right edge
    console.print(table)
    announce_more(console, total, len(materialised), more)
    return len(materialised)


def _min_widths(cols: list[str], cells: list[list[str]]) -> list[int]:
    """Short columns (codes, dates, numbers, headers up to 10 wide) never wrap; text may shrink."""
    widths = []
    for i, col in enumerate(cols):
        widest = max([len(SHORT_HEADERS.get(col, col)), *(len(r[i]) for r in cells)])
        widths.append(6 if col in _TEXT else min(widest, 12))
    return widths


def _short(col: str, cells: list[list[str]], i: int) -> bool:
    """Codes, dates and numbers: never folded ('2025-08-/25' reads as nothing)."""
    return max([len(SHORT_HEADERS.get(col, col)), *(len(r[i]) for r in cells)]) <= 12


def _text_budget(width: int, cols: list[str], cells: list[list[str]]) -> int:
    """Characters each running-text column may show so the table fits ``width``."""
    texts = [c for c in cols if c in _TEXT]
    if not texts:
        return width
    mins = _min_widths(cols, cells)
    used = sum(m + 2 for c, m in zip(cols, mins, strict=True) if c not in _TEXT)
    return max(8, (width - used) // len(texts) - 2)


def _elide(text: str, budget: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= budget else text[: budget - 1].rstrip() + "…"


def _table_cell(column: str, value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(column, value)
    if column == "option" and isinstance(value, str):
        return SHORT_OPTIONS.get(value, value)
    return _cell(value)


def announce_more(console: Console, total: int | None, shown: int, hint: str) -> None:
    """Say what a table left out: '… 17 more; --all'. Nothing when all rows are shown."""
    if total is not None and total > shown:
        console.print(f"… {total - shown:,} more; {hint}", highlight=False, markup=False)
