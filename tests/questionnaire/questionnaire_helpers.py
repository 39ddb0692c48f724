"""Shared by the questionnaire tests: the examples folder, a fixed 'today', a file writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "questionnaire"
TODAY = date(2026, 1, 31)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
