"""Outlets: keys, the bundled default grades, and resolving a name or domain to a row.

An outlet reaches the store as a display name ("Reuters"), a domain
("www.reuters.com") or a URL. All are normalised to one key form and looked
up first as an outlet key, then as an alias, so "Reuters" and "reuters.com"
share one grade.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Row, select

from guarantor.errors import UsageError, ValidationError
from guarantor.store.dialect import insert_ignore
from guarantor.store.schema import documents, outlet_aliases, outlets, positions

__all__ = [
    "AUTO_NOTE",
    "OutletSeed",
    "default_outlets",
    "ensure_outlet",
    "grade_outlet",
    "normalise_outlet",
    "resolve_outlet",
    "seed_outlets",
]

AUTO_NOTE = "first seen in ingest; not graded yet"
GRADES = "ABCDEF"
_SPACE = re.compile(r"\s+")
_DATA_FILE = "outlets.csv"


def normalise_outlet(value: str) -> str:
    """Key form: case-folded, no scheme/path/``www.``/leading "the", single spaces."""
    text = _SPACE.sub(" ", value).strip().casefold()
    if "://" in text:
        text = urlsplit(text).hostname or text
    if text.startswith("www."):
        text = text[4:]
    if text.startswith("the "):
        text = text[4:]
    return text.strip(" .,;:-")[:200]


@dataclass(frozen=True)
class OutletSeed:
    key: str
    name: str
    reliability: str
    note: str
    aliases: tuple[str, ...]


def default_outlets() -> list[OutletSeed]:
    """The bundled grades in ``guarantor/data/outlets.csv`` (comment lines start with #)."""
    raw = resources.files("guarantor").joinpath("data", _DATA_FILE).read_text(encoding="utf-8")
    return list(_parse_seeds(raw))


def _parse_seeds(raw: str) -> Iterator[OutletSeed]:
    lines = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in lines)))
    for (number, _), row in zip(lines[1:], reader, strict=True):
        grade = (row.get("reliability") or "").strip().upper()
        if grade not in GRADES or len(grade) != 1:
            raise ValidationError(
                f"reliability must be one of A-F, got {grade!r}",
                path=_DATA_FILE,
                line=number,
                column="reliability",
            )
        aliases = tuple(
            normalise_outlet(a) for a in (row.get("aliases") or "").split("|") if a.strip()
        )
        yield OutletSeed(
            key=normalise_outlet(row["key"]),
            name=row["name"].strip(),
            reliability=grade,
            note=(row.get("note") or "").strip(),
            aliases=aliases,
        )


def seed_outlets(connection: Connection, seeds: list[OutletSeed] | None = None) -> None:
    """Insert bundled outlets and aliases that are missing; never touch existing rows."""
    seeds = default_outlets() if seeds is None else seeds
    now = datetime.now(UTC)
    rows = [
        {"key": s.key, "name": s.name, "reliability": s.reliability, "note": s.note} for s in seeds
    ]
    if rows:
        connection.execute(insert_ignore(connection, outlets, ["key"]), rows)
    alias_rows = [{"alias": a, "outlet_key": s.key} for s in seeds for a in s.aliases if a != s.key]
    if alias_rows:
        connection.execute(insert_ignore(connection, outlet_aliases, ["alias"]), alias_rows)
    # an outlet first met in ingest (graded F) takes the bundled grade once it is bundled
    for seed in seeds:
        connection.execute(
            outlets.update()
            .where(
                outlets.c.key == seed.key,
                outlets.c.note == AUTO_NOTE,
                outlets.c.updated_at.is_(None),
            )
            .values(reliability=seed.reliability, note=seed.note, updated_at=now)
        )


def resolve_outlet(connection: Connection, name_or_domain: str) -> str | None:
    """The outlet key that ``name_or_domain`` names, by key or alias; None if unknown."""
    key = normalise_outlet(name_or_domain)
    if not key:
        return None
    found = connection.execute(select(outlets.c.key).where(outlets.c.key == key)).scalar()
    if found is None:
        found = connection.execute(
            select(outlet_aliases.c.outlet_key).where(outlet_aliases.c.alias == key)
        ).scalar()
    return found


def ensure_outlet(connection: Connection, name_or_domain: str) -> str | None:
    """The key for ``name_or_domain``, adding an ungraded (F) outlet when it is new."""
    found = resolve_outlet(connection, name_or_domain)
    if found is not None:
        return found
    key = normalise_outlet(name_or_domain)
    if not key:
        return None
    row = {"key": key, "name": name_or_domain.strip()[:300], "reliability": "F", "note": AUTO_NOTE}
    connection.execute(insert_ignore(connection, outlets, ["key"]), [row])
    return key


def grade_outlet(
    connection: Connection, key: str, grade: str, *, name: str | None, note: str | None
) -> Row[Any]:
    """Set an outlet's grade (adding it when new) and re-grade the positions it already
    reported, so the change shows everywhere at once; the outlet's row after the change."""
    now = datetime.now(UTC)
    found = resolve_outlet(connection, key)
    if found is None:
        found = normalise_outlet(key)
        if not found:
            raise UsageError(f"outlet key {key!r} is empty once normalised")
        connection.execute(
            outlets.insert().values(
                key=found, name=name or key.strip(), reliability=grade, note=note, updated_at=now
            )
        )
    else:
        values: dict[str, Any] = {"reliability": grade, "updated_at": now}
        if name is not None:
            values["name"] = name
        if note is not None:
            values["note"] = note
        connection.execute(outlets.update().where(outlets.c.key == found).values(values))
    of_outlet = select(documents.c.id).where(documents.c.outlet_key == found)
    connection.execute(
        positions.update().where(positions.c.document_id.in_(of_outlet)).values(reliability=grade)
    )
    return connection.execute(select(outlets).where(outlets.c.key == found)).one()
