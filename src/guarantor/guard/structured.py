"""JSON and CSV parsed with bounds: depth, number size, cell size, finite numbers, clean strings."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from guarantor.errors import GuarantorError, InputError
from guarantor.guard.limits import LIMITS, Limits
from guarantor.guard.text import check_string

__all__ = ["iter_csv", "load_json"]


class _Refused(Exception):
    """A number the JSON hooks refuse; turned into the caller's error class."""


def load_json(
    text: str,
    source: str,
    line: int | None = None,
    *,
    limits: Limits = LIMITS,
    error: type[GuarantorError] = InputError,
) -> Any:
    """Parse JSON ``text``: depth, number size and strings bounded; NaN and Infinity refused."""

    def whole(value: str) -> int:
        if len(value.lstrip("-")) > limits.max_digits:
            raise _Refused(f"a number of {len(value)} digits (at most {limits.max_digits})")
        return int(value)

    def real(value: str) -> float:
        number = float(value) if len(value) <= 2 * limits.max_digits else math.inf
        if not math.isfinite(number):
            raise _Refused(f"a number out of range ({value[:20]}...)")
        return number

    def constant(value: str) -> float:
        raise _Refused(f"{value} (only finite numbers are accepted)")

    try:
        data = json.loads(text, parse_int=whole, parse_float=real, parse_constant=constant)
    except json.JSONDecodeError as exc:
        where = line if line is not None else exc.lineno
        raise error(
            f"not valid JSON (column {exc.colno}): {exc.msg}", path=source, line=where
        ) from None
    except _Refused as exc:
        raise error(f"JSON holds {exc}", path=source, line=line) from None
    except RecursionError:
        raise error(_too_deep(limits), path=source, line=line) from None
    _check_tree(data, source, line, limits, error)
    return data


def _too_deep(limits: Limits) -> str:
    return f"nested deeper than {limits.max_depth} levels"


def _check_tree(
    data: Any, source: str, line: int | None, limits: Limits, error: type[GuarantorError]
) -> None:
    """Depth bound and clean strings, walked without recursion."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            check_string(value, source, line, error=error)
        elif isinstance(value, dict | list):
            if depth > limits.max_depth:
                raise error(_too_deep(limits), path=source, line=line)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    check_string(key, source, line, error=error)
                stack.append((item, depth + 1))


def iter_csv(
    text: str,
    source: str,
    *,
    limits: Limits = LIMITS,
    error: type[GuarantorError] = InputError,
    skip_comments: bool = True,
    columns: Collection[str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, row)`` for each data row of a headed CSV text; ``#`` lines are comments.

    With ``columns``, a header naming any other column is refused.
    """
    lines = list(io.StringIO(text, newline=""))  # only \n, \r\n and \r end a line, as in csv
    numbers = [n for n, raw in enumerate(lines, 1) if not (skip_comments and raw.startswith("#"))]
    reader = csv.DictReader(lines[n - 1] for n in numbers)
    try:
        _check_header(reader.fieldnames or [], columns, source, numbers, error)
        before = reader.line_num
        for record in reader:
            line = numbers[before] if before < len(numbers) else len(lines)
            before = reader.line_num
            yield line, _clean_row(record, source, line, limits, error)
    except csv.Error as exc:
        at = numbers[min(reader.line_num, len(numbers) - 1)] if numbers else None
        raise error(f"not valid CSV: {exc}", path=source, line=at) from None


def _check_header(
    header: Sequence[str],
    columns: Collection[str] | None,
    source: str,
    numbers: list[int],
    error: type[GuarantorError],
) -> None:
    unknown = [c for c in header if columns is not None and c not in columns]
    if unknown:
        raise error(
            f"unknown column; expected some of: {', '.join(columns or ())}",
            path=source,
            line=numbers[0],
            column=unknown[0],
        )


def _clean_row(
    record: dict[str | Any, Any],
    source: str,
    line: int,
    limits: Limits,
    error: type[GuarantorError],
) -> dict[str, str]:
    row: dict[str, str] = {}
    for name, cell in record.items():
        if name is None:  # more cells than columns
            raise error(
                f"row has more cells than the {len(record) - 1} columns", path=source, line=line
            )
        if cell is None:
            continue
        if len(cell) > limits.max_cell_chars:
            raise error(
                f"cell of {len(cell)} characters (at most {limits.max_cell_chars})",
                path=source,
                line=line,
                column=name,
            )
        check_string(cell, source, line, field=name, error=error)
        row[name] = cell
    return row
