"""Checks across tables: every currency a row names has a rate.

A row can be valid on its own and still break the registry: a pledge in
``ZZZ`` passes the row schema, but after import ``assess``
cannot convert it. These checks run on the raw rows so each problem keeps the
file's line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from guarantor.errors import ValidationError
from guarantor.registry.codec import RawRow

__all__ = ["check_references"]


def _where(raw: RawRow, column: str) -> int:
    return raw.key_lines.get(column, raw.line)


def check_references(
    path: Path,
    raw_rows: Sequence[RawRow],
    currencies: Iterable[str],
) -> list[ValidationError]:
    """Every money unit without an exchange rate (actor codes are checked by the row schema)."""
    known = {*currencies, "EUR"}
    problems: list[ValidationError] = []
    for raw in raw_rows:
        unit = raw.values.get("unit")
        money = isinstance(unit, str) and len(unit) == 3 and unit.isupper()  # as Pledge.is_money
        if isinstance(unit, str) and money and unit not in known:
            problems.append(
                ValidationError(
                    f"unit: no exchange rate for currency {unit!r}; expected one of "
                    f"{', '.join(sorted(known))} (add it with `guarantor registry import` "
                    "of a rates file first)",
                    path=path,
                    line=_where(raw, "unit"),
                    column="unit",
                )
            )
    return problems
