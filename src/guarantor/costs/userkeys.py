"""User-defined sharing keys from a file, validated, with file and line in every error.

YAML::

    name: eu_heavy          # the key is called user.eu_heavy.v<version>
    version: 1
    help: EU members carry two thirds
    source: our working paper, table 3
    weights:
      FRA: 20
      DEU: 25

CSV: a header ``actor,weight`` and one row per state (name: the file's stem,
version 1). Weights are relative; states with weight 0 pay nothing.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guarantor.costs.items import YearlyCost
from guarantor.costs.keys import Allocation, KeyContext, by_weight
from guarantor.errors import InputError, ValidationError
from guarantor.yamlio import YamlDocument, load_yaml

__all__ = ["UserKey", "load_user_key"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class UserKey:
    """A key read from a file: fixed relative weights per state."""

    name: str
    help: str
    weights: dict[str, float]
    path: str

    def allocate(self, context: KeyContext, bill: YearlyCost) -> Allocation:
        unknown = sorted(set(self.weights) - set(context.states))
        if unknown:
            raise ValidationError(f"unknown actor(s) {', '.join(unknown)}", path=self.path)
        return Allocation(by_weight(bill.net, self.weights, what=self.name))


def _weight(value: Any, actor: str, path: Path, line: int | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError(
            f"weight of {actor} must be a number, got {value!r}", path=path, line=line
        )
    try:
        weight = float(value)
    except ValueError:
        raise ValidationError(
            f"weight of {actor} must be a number, got {value!r}", path=path, line=line
        ) from None
    if not math.isfinite(weight) or weight < 0:
        raise ValidationError(
            f"weight of {actor} must be a number >= 0, got {value!r}", path=path, line=line
        )
    return weight


def _actor(value: Any, known: Collection[str], path: Path, line: int | None) -> str:
    actor = str(value).strip().upper()
    if actor not in known:
        raise ValidationError(
            f"unknown actor {value!r}: expected an ISO3 code of a registry state "
            "('guarantor registry states')",
            path=path,
            line=line,
        )
    return actor


def _key_lines(document: YamlDocument) -> dict[str, int]:
    """Line of each key under ``weights:`` and of each top-level key ("/name"), 1-based."""
    lines: dict[str, int] = {}
    for path, line in document.lines.items():
        if len(path) == 1:
            lines[f"/{path[0]}"] = line
        elif len(path) == 2 and path[0] == "weights":
            lines[path[1]] = line
    return lines


def _from_yaml(text: str, path: Path, known: Collection[str]) -> UserKey:
    document = load_yaml(text, path, error=ValidationError)
    data, lines = document.data, _key_lines(document)
    if not isinstance(data, dict):
        raise ValidationError("a key file is a mapping with 'weights'", path=path, line=1)
    extra = set(data) - {"name", "version", "help", "source", "weights"}
    if extra:
        first = sorted(extra)[0]
        raise ValidationError(
            f"unknown field {first!r}; expected name, version, help, source, weights",
            path=path,
            line=lines.get(f"/{first}"),
        )
    name = str(data.get("name", path.stem))
    if not _NAME.match(name):
        raise ValidationError(
            f"name must be lower-case letters, digits and _, got {name!r}",
            path=path,
            line=lines.get("/name"),
        )
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError(
            f"version must be a whole number >= 1, got {version!r}",
            path=path,
            line=lines.get("/version"),
        )
    raw = data.get("weights")
    if not isinstance(raw, dict) or not raw:
        raise ValidationError(
            "weights must map ISO3 codes to numbers", path=path, line=lines.get("/weights", 1)
        )
    weights: dict[str, float] = {}
    for key, value in raw.items():
        line = lines.get(str(key))
        weights[_actor(key, known, path, line)] = _weight(value, str(key), path, line)
    about = str(data.get("help") or data.get("source") or f"weights from {path}")
    return _finish(f"user.{name}.v{version}", about, weights, path)


def _from_csv(text: str, path: Path, known: Collection[str]) -> UserKey:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or {"actor", "weight"} - set(reader.fieldnames):
        raise ValidationError("a key CSV needs the header 'actor,weight'", path=path, line=1)
    weights: dict[str, float] = {}
    for row in reader:
        line = reader.line_num
        actor = _actor(row["actor"], known, path, line)
        if actor in weights:
            raise ValidationError(f"{actor} appears twice", path=path, line=line)
        weights[actor] = _weight(row["weight"], actor, path, line)
    name = re.sub(r"[^a-z0-9_]", "_", path.stem.lower()) or "key"
    return _finish(f"user.{name}.v1", f"weights from {path}", weights, path)


def _finish(name: str, about: str, weights: dict[str, float], path: Path) -> UserKey:
    if not any(w > 0 for w in weights.values()):
        raise ValidationError("at least one weight must be above 0", path=path)
    return UserKey(name, about, weights, str(path))


def load_user_key(path: str | Path, known: Collection[str]) -> UserKey:
    """Read and validate a key file; ``known`` are the registry's ISO3 codes."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read key file: {exc.strerror}", path=path) from exc
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path, known)
    return _from_yaml(text, path, known)
