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

from guarantor.errors import ValidationError
from guarantor.registry.codec import check_rows, dump_rows, read_raw, read_rows

__all__ = ["ImportResult", "import_file", "validate_file"]


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: int
    replaced: int
    path: Path


def validate_file(path: Path, kind: str | None = None) -> tuple[str, int, list[ValidationError]]:
    """(kind, valid row count, every problem found) for ``path``; writes nothing."""
    table, raw_rows = read_raw(path, kind)
    rows, problems = check_rows(path, table, raw_rows)
    return table.kind, len(rows), problems


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


def import_file(path: Path, user_dir: Path, kind: str | None = None) -> ImportResult:
    """Validate every row of ``path``; only then merge them into the user's table."""
    table, new_rows = read_rows(path, kind)
    target = user_dir / f"{table.kind}.yaml"
    existing: dict[str, BaseModel] = {}
    if target.exists():
        _, old_rows = read_rows(target, table.kind)
        existing = {table.key(r): r for r in old_rows}
    replaced = sum(1 for r in new_rows if table.key(r) in existing)
    for row in new_rows:
        existing[table.key(row)] = row
    _write_atomically(target, dump_rows(existing.values(), table, "yaml"))
    return ImportResult(table.kind, len(new_rows) - replaced, replaced, target)
