"""The bundled outlet table (``data/outlets.csv``) as the extractor needs it: names and grades."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

__all__ = ["bundled_reliability", "outlet_names"]


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    text = resources.files("guarantor").joinpath("data", "outlets.csv").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return tuple({k: v or "" for k, v in row.items() if k} for row in csv.DictReader(lines))


def outlet_names() -> list[str]:
    """Display names of the bundled outlets, for finding outlets named in a text."""
    return [row["name"] for row in _rows() if row.get("name")]


@lru_cache(maxsize=1)
def _grades() -> dict[str, str]:
    grades: dict[str, str] = {}
    for row in _rows():
        names = [row.get("key", ""), row.get("name", ""), *row.get("aliases", "").split("|")]
        for name in names:
            if name.strip():
                grades[name.strip().lower()] = (row.get("reliability") or "F").strip()
    return grades


def bundled_reliability(outlet: str | None) -> str:
    """The outlet's grade in the bundled outlet table; F (cannot judge) if unknown."""
    if not outlet:
        return "F"
    return _grades().get(outlet.strip().lower(), "F")
