"""The bounds the guard enforces on every user file, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Bounds on one input file; the defaults sit far above any honest input."""

    max_bytes: int = 20_000_000
    """A whole file: 20 MB is far above any article, scenario or registry table."""
    max_depth: int = 64
    """Nesting of JSON or YAML: real inputs nest under 10 levels."""
    max_digits: int = 40
    """Digits in one JSON number: money in the trillions needs 13; 40 leaves room."""
    max_cell_chars: int = 100_000
    """One CSV cell (Python's csv module refuses cells over 131,072 characters anyway)."""


LIMITS = Limits()
