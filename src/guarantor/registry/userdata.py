"""The user's own registry rows: validate a whole file, then write atomically.

Imported rows live in ``user_registry_dir()`` as ``<kind>.yaml``; a row with
the id of an existing user or bundled row replaces it when the registry loads.
Nothing is written unless every row of the file is valid.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from guarantor.errors import NotFoundError, ValidationError, every_problem
from guarantor.registry.codec import check_rows, dump_rows, read_raw, read_rows
from guarantor.registry.core import load_registry
from guarantor.registry.references import check_references
from guarantor.registry.tables import KINDS

__all__ = ["ImportResult", "import_file", "remove_row", "validate_file"]


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: int
    replaced: int
    path: Path


def validate_file(
    path: Path, kind: str | None = None, user_dir: Path | None = None
) -> tuple[str, int, list[ValidationError]]:
    """(kind, valid row count, every problem found) for ``path``; writes nothing.

    Besides each row's schema: actors must exist, and money must be in a currency
    the rates table (bundled, the user's in ``user_dir``, or this file) can convert.
    """
    table, raw_rows = read_raw(path, kind)
    rows, problems = check_rows(path, table, raw_rows)
    registry = load_registry([user_dir] if user_dir is not None and user_dir.is_dir() else [])
    currencies = {r.currency for r in registry.rates}
    currencies |= {str(r.values.get("currency")) for r in raw_rows if table.kind == "rates"}
    bad = {p.line for p in problems}
    references = check_references(path, raw_rows, currencies)
    broken = {p.line for p in references} - bad
    problems = sorted(problems + references, key=lambda p: p.line or 0)
    return table.kind, len(rows) - len(broken), problems


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def import_file(
    path: Path, user_dir: Path, kind: str | None = None, *, replace: bool = False
) -> ImportResult:
    """Validate every row of ``path``; only then merge them into the user's table.

    With ``replace``, the file's rows take the place of the user's whole table
    of that kind (bundled rows are untouched).
    """
    _kind, _count, problems = validate_file(path, kind, user_dir)
    if problems:
        raise every_problem(problems)
    table, new_rows = read_rows(path, kind)
    target = user_dir / f"{table.kind}.yaml"
    existing: dict[str, BaseModel] = {}
    if target.exists() and not replace:
        _, old_rows = read_rows(target, table.kind)
        existing = {table.key(r): r for r in old_rows}
    replaced = sum(1 for r in new_rows if table.key(r) in existing)
    for row in new_rows:
        existing[table.key(row)] = row
    _write_atomically(target, dump_rows(existing.values(), table, "yaml"))
    return ImportResult(table.kind, len(new_rows) - replaced, replaced, target)


def remove_row(row_id: str, user_dir: Path) -> tuple[str, Path]:
    """Delete the user's row with this id; (kind, file). Bundled rows cannot be removed."""
    for kind, table in KINDS.items():
        target = user_dir / f"{kind}.yaml"
        if not target.exists():
            continue
        _, rows = read_rows(target, kind)
        kept = [r for r in rows if table.key(r) != row_id]
        if len(kept) < len(rows):
            _write_atomically(target, dump_rows(kept, table, "yaml"))
            return kind, target
    bundled = any(row_id in {t.key(r) for r in load_registry().rows(k)} for k, t in KINDS.items())
    why = (
        "it is a bundled row (import a corrected row with the same id instead)"
        if bundled
        else ("no such id")
    )
    raise NotFoundError(f"no user registry row {row_id!r} in {user_dir}: {why}")
