"""Reading and writing registry rows as CSV, YAML or JSON, with line numbers.

CSV cells hold scalars; a list of plain values is written ``a;b;c`` (or as
JSON when a value would be ambiguous) and nested rows (an instrument's
obligations) as JSON. YAML and JSON hold the rows as they are. A file is
either a list of rows or ``{kind: <kind>, rows: [...]}``.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pydantic
import yaml
from pydantic import BaseModel

from guarantor.errors import InputError, NotFoundError, ValidationError, every_problem
from guarantor.guard import LIMITS, iter_csv, load_json, read_text
from guarantor.registry.actors import load_actors
from guarantor.registry.tables import KINDS, Table, table_for
from guarantor.yamlio import load_yaml

__all__ = [
    "RawRow",
    "check_rows",
    "dump_rows",
    "file_kind",
    "kind_from_columns",
    "read_raw",
    "read_rows",
]

FORMATS = ("csv", "yaml", "json")


@dataclass(frozen=True)
class RawRow:
    """One row as read, before validation: where it starts and where its keys are."""

    line: int
    values: dict[str, Any]
    key_lines: dict[str, int]


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "yml":
        return "yaml"
    if suffix not in FORMATS:
        raise InputError(
            f"expected a .csv, .yaml, .yml or .json file, got {path.name!r}", path=path
        )
    return suffix


def _scalar_kind(annotation: Any) -> str:
    """'list' for tuples of plain values, 'json' for nested rows, 'scalar' otherwise."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _scalar_kind(args[0]) if len(args) == 1 else "scalar"
    if origin in (tuple, list):
        element = typing.get_args(annotation)[0]
        plain = isinstance(element, type) and issubclass(element, str | Enum | int | float)
        return "list" if plain else "json"
    if origin is dict or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return "json"
    return "scalar"


def _decode_cell(cell: str, kind: str, path: Path, line: int, column: str) -> Any:
    if kind == "json" or (kind == "list" and cell.startswith("[")):
        try:
            return load_json(cell, str(path), line, error=ValidationError)
        except ValidationError as exc:
            raise ValidationError(
                f"expected JSON in this cell: {exc.message}", path=path, line=line, column=column
            ) from None
    if kind == "list":
        return [part.strip() for part in cell.split(";")]
    return cell


def _read_csv(path: Path, text: str, table: Table) -> list[RawRow]:
    kinds = {n: _scalar_kind(f.annotation) for n, f in table.model.model_fields.items()}
    rows = []
    rows_in = iter_csv(
        text, str(path), error=ValidationError, skip_comments=False, columns=table.columns
    )
    for line, record in rows_in:
        values = {
            name: _decode_cell(cell, kinds[name], path, line, name)
            for name, cell in record.items()
            if cell != ""
        }
        rows.append(RawRow(line, values, {}))
    return rows


def _kind_of(data: Any, path: Path, line: int | None) -> str | None:
    kind = data.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise ValidationError(
            f"kind: expected one name such as 'pledges', got {kind!r}", path=path, line=line
        )
    return kind


def _yaml_rows(path: Path, text: str) -> tuple[str | None, list[RawRow]]:
    loaded = load_yaml(text, path, error=ValidationError)
    data: Any = loaded.data
    prefix: tuple[str, ...] = ()
    kind = None
    if isinstance(data, dict):
        kind = _kind_of(data, path, loaded.line_of("kind"))
        data, prefix = data.get("rows"), ("rows",)
    if data is None:
        return kind, []
    if not isinstance(data, list):
        line = loaded.line_of(*prefix, default=1)
        raise ValidationError(
            "expected a list of rows or {kind: ..., rows: [...]}", path=path, line=line
        )
    rows = []
    for index, item in enumerate(data):
        line = loaded.line_of(*prefix, index, default=1) or 1
        if not isinstance(item, dict):
            raise ValidationError("expected a mapping of column: value", path=path, line=line)
        key_lines = {str(k): loaded.line_of(*prefix, index, k) or line for k in item}
        rows.append(RawRow(line, {str(k): v for k, v in item.items()}, key_lines))
    return kind, rows


def _json_rows(path: Path, text: str) -> tuple[str | None, list[RawRow]]:
    data = load_json(text, str(path), error=ValidationError)
    kind = None
    if isinstance(data, dict):
        kind, data = _kind_of(data, path, None), data.get("rows", [])
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValidationError("expected a list of rows or {kind: ..., rows: [...]}", path=path)
    return kind, [RawRow(i + 1, dict(r), {}) for i, r in enumerate(data)]


def kind_from_columns(columns: Iterable[str]) -> str | None:
    """The one table whose columns hold all of ``columns`` and all its required ones."""
    given = set(columns)
    fits = [
        t.kind
        for t in KINDS.values()
        if given <= set(t.columns)
        and {n for n, f in t.model.model_fields.items() if f.is_required()} <= given
    ]
    return fits[0] if len(fits) == 1 else None


def file_kind(
    path: Path, declared: str | None, given: str | None, columns: Iterable[str] = ()
) -> Table:
    """The table a file holds: ``--kind``, its ``kind:``, its name, else its columns."""
    kind = given or declared or path.stem.split(".")[0]
    if kind not in KINDS and not given and not declared:
        kind = kind_from_columns(columns) or kind
    if kind not in KINDS:
        raise InputError(
            f"cannot tell which registry table this is ({kind!r}); name the file "
            f"<kind>.csv, add 'kind:' to it, or pass --kind (one of {', '.join(KINDS)})",
            path=path,
        )
    return table_for(kind)


def read_raw(path: Path, kind: str | None = None) -> tuple[Table, list[RawRow]]:
    """Parse ``path`` into unvalidated rows with their line numbers."""
    fmt = _format_of(path)
    text = read_text(path, max_bytes=LIMITS.max_bytes, error=InputError)
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(text)), [])
        table = file_kind(path, None, kind, (h.strip() for h in header))
        return table, _read_csv(path, text, table)
    declared, rows = _yaml_rows(path, text) if fmt == "yaml" else _json_rows(path, text)
    columns = {key for raw in rows for key in raw.values}
    return file_kind(path, declared, kind, columns), rows


def _problems(path: Path, raw: RawRow, exc: pydantic.ValidationError) -> list[ValidationError]:
    """Every bad cell of one row, each with its line and column."""
    problems = []
    for error in exc.errors():
        loc = [str(p) for p in error["loc"]]
        column = loc[0] if loc else None
        line = raw.key_lines.get(column, raw.line) if column else raw.line
        shown = column and not isinstance(error["input"], dict)
        got = f" (got {error['input']!r})" if shown else ""
        where = ".".join(loc)
        problems.append(
            ValidationError(
                f"{where or 'row'}: {error['msg']}{got}", path=path, line=line, column=column
            )
        )
    return problems


def check_rows(
    path: Path, table: Table, raw_rows: Sequence[RawRow]
) -> tuple[list[BaseModel], list[ValidationError]]:
    """Validate every row; collect all problems instead of stopping at the first."""
    rows: list[BaseModel] = []
    problems: list[ValidationError] = []
    seen: dict[str, int] = {}
    for raw in raw_rows:
        unknown = _unknown_actors(path, raw)
        try:
            row = table.model.model_validate(raw.values)
        except pydantic.ValidationError as exc:
            problems += _problems(path, raw, exc) + unknown
            continue
        if unknown:
            problems += unknown
            continue
        key = table.key(row)
        if key in seen:
            problems.append(
                ValidationError(
                    f"duplicate id {key!r}; first seen on line {seen[key]}; expected unique ids",
                    path=path,
                    line=raw.line,
                )
            )
            continue
        seen[key] = raw.line
        rows.append(row)
    return rows, problems


_ACTOR_FIELDS = ("actor", "host")
_THEATRES = frozenset({"EUROPE"})  # a commitment's host may be a theatre, not a state


def _unknown_actors(path: Path, raw: RawRow) -> list[ValidationError]:
    """Each actor field of a row that names no known actor (checked before the schema)."""
    problems = []
    for field in _ACTOR_FIELDS:
        value = raw.values.get(field)
        if not isinstance(value, str) or not value.strip() or value.strip() in _THEATRES:
            continue
        try:
            load_actors().get(value.strip())
        except NotFoundError:
            problems.append(
                ValidationError(
                    f"{field}: unknown actor {value!r}; expected an ISO alpha-3 code or "
                    "organisation that `guarantor actors` lists",
                    path=path,
                    line=raw.key_lines.get(field, raw.line),
                    column=field,
                )
            )
    return problems


def read_rows(path: Path, kind: str | None = None) -> tuple[Table, list[BaseModel]]:
    """Read and validate a whole file; every problem is raised at once, nothing half-read."""
    table, raw_rows = read_raw(path, kind)
    rows, problems = check_rows(path, table, raw_rows)
    if problems:
        raise every_problem(problems)
    return table, rows


def _encode_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "list":
        parts = [str(v) for v in value]
        ambiguous = any(not p or ";" in p or p != p.strip() for p in parts)
        if ambiguous or (parts and parts[0].startswith("[")):
            return json.dumps(parts, ensure_ascii=False)
        return ";".join(parts)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def dump_rows(rows: Iterable[BaseModel], table: Table, fmt: str, *, with_kind: bool = True) -> str:
    """Rows as CSV, YAML or JSON text that ``read_rows`` reads back unchanged."""
    data = [r.model_dump(mode="json") for r in rows]
    if fmt == "csv":
        kinds = {n: _scalar_kind(f.annotation) for n, f in table.model.model_fields.items()}
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=table.columns, lineterminator="\n")
        writer.writeheader()
        for row in data:
            writer.writerow({k: _encode_cell(v, kinds[k]) for k, v in row.items()})
        return buffer.getvalue()
    payload: Any = {"kind": table.kind, "rows": data} if with_kind else data
    if fmt == "yaml":
        return yaml.safe_dump(payload, sort_keys=False, allow_unicode=True, width=100)
    if fmt == "json":
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
