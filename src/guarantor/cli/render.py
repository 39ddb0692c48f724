"""Rendering rows as table, JSON, JSON Lines or CSV, the same for every command."""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
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
    "announce_columns",
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
    | {"title", "source", "message", "url", "source_url", "note"}
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
    "nato_member_since": "NATO",
    "eu_member": "EU",
    "active_personnel": "troops",
    "defence_spending_usd_m": "defence $m",
    "gdp_usd_bn": "GDP $bn",
    "obligation_type": "obligation",
    "deadline_hours": "hours",
    "duration_years": "years",
    "consult_within_24h": "24h",
    "eur_m": "EUR m",
    "pledged_on": "date",
    "stated_on": "date",
    "approximate": "approx",
    "share_pct": "share %",
    "valid_from": "from",
    "valid_to": "to",
    "borders_russia_or_belarus": "borders RU/BY",
    "nuclear_weapon_state": "nuclear",
    "population_m": "pop. m",
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
    wide: bool = False,
    text: Collection[str] = (),
    omitted: Sequence[str] = (),
) -> int:
    """Write rows in ``fmt``; JSON Lines and CSV stream. Returns the row count.

    A table fits the terminal: short columns keep their headers whole, running text
    (quotes, reasons) takes one elided line per row, or with ``wide`` all of it,
    wrapped. With ``total`` above the rows given, the table ends with '… N more; ``more``'.
    ``text`` names more columns of running text; ``omitted`` the columns a table leaves
    out (announced under it).
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
    texts = _TEXT | frozenset(text)
    console.print(_table(cols, cells, console.width, title=title, wide=wide, texts=texts))
    announce_more(console, total, len(materialised), more)
    announce_columns(console, omitted)
    return len(materialised)


MIN_TEXT = 12  # narrowest a running-text column gets; below it the table folds instead
MAX_SHORT = 30  # widest a code, name or number column gets before it folds
SHORT_FLOOR = 10  # narrowest such a column gets to make room for text (a date stays whole)
_GAP = 2  # what each column costs beside its text: one space of padding, one divider


def _table(
    cols: list[str],
    cells: list[list[str]],
    width: int,
    *,
    title: str | None,
    wide: bool,
    texts: frozenset[str] = _TEXT,
) -> Table:
    """A table of exactly the widths it needs, running text shortened to what is left.

    Short columns (codes, dates, numbers) are as wide as their widest cell, so they
    never fold; running text gets the rest, elided to one line, or with ``wide``
    given in full, wrapped. Tables too wide for that fold every column (rich's layout).
    """
    cells = [
        [" ".join(v.split()) if c in texts else v for c, v in zip(cols, row, strict=True)]
        for row in cells
    ]
    widths = _widths(cols, cells, width, texts)
    table = Table(
        title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0)
    )
    for i, col in enumerate(cols):
        text = col in texts
        table.add_column(
            SHORT_HEADERS.get(col, col),
            width=widths[i] if widths else None,
            no_wrap=bool(widths) and not (text and wide),
            overflow="fold",
        )
    for row in cells:
        table.add_row(
            *(
                _elide(v, widths[i]) if widths and (col not in texts or not wide) else v
                for i, (col, v) in enumerate(zip(cols, row, strict=True))
            )
        )
    if not widths and Console(width=width).measure(table).maximum > width:
        table.width = width  # make rich fold columns rather than crop the right edge
    return table


def _widths(
    cols: list[str], cells: list[list[str]], width: int, texts: frozenset[str] = _TEXT
) -> list[int] | None:
    """Each column's width so that the table fits ``width``; None when it cannot.

    Running text takes what the other columns leave; when that is under MIN_TEXT, the
    widest other columns give up characters (elided, never below SHORT_FLOOR, so dates
    and codes stay whole) until it is not.
    """
    natural = [
        max([len(SHORT_HEADERS.get(col, col)), *(len(row[i]) for row in cells)])
        for i, col in enumerate(cols)
    ]
    if sum(n + _GAP for n in natural) - 1 <= width:
        return natural
    text = [i for i, c in enumerate(cols) if c in texts]
    if not text:
        return None
    widths = [n if c in texts else min(n, MAX_SHORT) for c, n in zip(cols, natural, strict=True)]
    short = [i for i, c in enumerate(cols) if c not in texts]
    left = width + 1 - sum(widths[i] + _GAP for i in short) - _GAP * len(text)
    while left < MIN_TEXT * len(text):
        widest = max(short, key=lambda i: widths[i], default=None)
        if widest is None or widths[widest] <= SHORT_FLOOR:
            return None
        widths[widest] -= 1
        left += 1
    for i in text:
        widths[i] = min(natural[i], left // len(text))
    return widths


def _elide(text: str, budget: int) -> str:
    return text if len(text) <= budget else text[: budget - 1].rstrip() + "…"


def _table_cell(column: str, value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(column, value)
    if column == "option" and isinstance(value, str):
        return SHORT_OPTIONS.get(value, value)
    return _cell(value)


def announce_columns(console: Console, omitted: Sequence[str]) -> None:
    """Say which columns a table left out, and where they are: as many names as fit a
    line, then a count ('not shown: actor, option, +8 more; --wide or --format json')."""
    if not omitted:
        return
    hint = "; --wide or --format json"
    for named in range(len(omitted), -1, -1):
        rest = len(omitted) - named
        names = [*omitted[:named], *([f"+{rest} more"] if rest else [])]
        line = f"not shown: {', '.join(names)}{hint}"
        if len(line) <= console.width or named == 0:
            console.print(line, highlight=False, markup=False)
            return


def announce_more(console: Console, total: int | None, shown: int, hint: str) -> None:
    """Say what a table left out: '… 17 more; --all'. Nothing when all rows are shown."""
    if total is not None and total > shown:
        console.print(f"… {total - shown:,} more; {hint}", highlight=False, markup=False)
