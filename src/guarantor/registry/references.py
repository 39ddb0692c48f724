"""Checks across tables: every actor a row names exists, every currency has a rate.

A row can be valid on its own and still break the registry: a pledge by
``XXX`` or in ``ZZZ`` passes the row schema, but after import ``assess``
cannot convert it. These checks run on the raw rows so each problem keeps the
file's line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from guarantor.errors import ValidationError
from guarantor.registry.actors import ActorIndex, closest_actors
from guarantor.registry.codec import RawRow

__all__ = ["check_references"]

_ACTOR_COLUMNS = ("actor",)


def _where(raw: RawRow, column: str) -> int:
    return raw.key_lines.get(column, raw.line)


def check_references(
    path: Path,
    raw_rows: Sequence[RawRow],
    actors: ActorIndex,
    currencies: Iterable[str],
) -> list[ValidationError]:
    """Every unknown actor code and every money unit without an exchange rate."""
    codes = {a.code for a in actors.all()}
    known = {*currencies, "EUR"}
    problems: list[ValidationError] = []
    for raw in raw_rows:
        for column in _ACTOR_COLUMNS:
            value = raw.values.get(column)
            if isinstance(value, str) and value and value.upper() not in codes:
                near = ", ".join(closest_actors(actors, value))
                problems.append(
                    ValidationError(
                        f"{column}: unknown actor {value!r}; expected an actor code "
                        f"(closest: {near})",
                        path=path,
                        line=_where(raw, column),
                        column=column,
                    )
                )
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
