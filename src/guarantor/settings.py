"""One settings table: name, default, help and where the default comes from.

Settings are read, in increasing priority, from the defaults below, the
environment (``GUARANTOR_<NAME>``), and explicit overrides (CLI options,
scenario files). ``tests/test_settings.py`` checks that each is documented.
Model parameters that a scenario changes (belief weights, usability factors)
live with the scenario; this table holds what shapes a whole installation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from guarantor.errors import ConfigurationError

__all__ = [
    "SETTINGS",
    "Setting",
    "Settings",
    "default_data_home",
    "default_db_url",
    "load_settings",
]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    source: str


def default_data_home() -> Path:
    """``$XDG_DATA_HOME/guarantor`` (``~/.local/share/guarantor``): the default store's folder."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "guarantor"


def default_db_url() -> str:
    """SQLite file under ``$XDG_DATA_HOME/guarantor`` (``~/.local/share/guarantor``)."""
    return f"sqlite:///{default_data_home() / 'guarantor.db'}"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        None,
        "Database URL. SQLite file by default; postgresql+psycopg://user@host/db for PostgreSQL.",
        "default: sqlite file at $XDG_DATA_HOME/guarantor/guarantor.db (~/.local/share/...)",
    ),
    Setting(
        "max_file_bytes",
        20_000_000,
        "Largest input file ingest accepts; bigger files are refused with a clear error.",
        "project choice: 20 MB is far above any news article or official text",
    ),
    Setting(
        "max_document_chars",
        2_000_000,
        "Longest document text ingest extracts from; longer ones are refused, so memory "
        "and time per document stay bounded.",
        "project choice: the longest official texts (treaties, strategy papers) run to a "
        "few hundred thousand characters; 2 million bounds one document to a few hundred MB",
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "Jaccard similarity of word shingles above which two documents are one story.",
        "project choice; syndicated copies of one wire story typically share >90% shingles",
    ),
    Setting(
        "commit_every",
        200,
        "Documents per commit when ingesting JSONL batches (each document stays atomic).",
        "project choice: keeps memory flat and the WAL small",
    ),
    Setting(
        "extractor",
        "extract.hybrid.v3",
        "Extractor: extract.hybrid.v3 (rules find pairs, the learned stance model decides), "
        "extract.hybrid.v2 or v1 (its earlier models) or extract.rules.v1 (rules only).",
        "chosen by dev F1 on the real-article corpus (docs/extraction.md)",
    ),
    Setting(
        "stance_threshold",
        0.5,
        "Probability that a holder takes a stance above which the hybrid extractor records it.",
        "chosen by dev F1 on the real-article corpus (docs/extraction.md)",
    ),
    Setting(
        "chunk_chars",
        50_000,
        "Characters of article text per task when ingest runs on Dask (--workers or "
        "--scheduler): each task must take far longer than Dask's own overhead per task.",
        "project choice after Dask's best practices (about 1 ms of scheduler overhead per "
        "task: keep tasks well above it): 50,000 characters take the hybrid extractor about "
        "12 s on one core (675 words/s, docs/extraction.md) and the rules about 0.5 s, both "
        "far above the 10 ms floor, yet a few hundred articles still spread over workers",
    ),
    Setting(
        "scheduler_timeout",
        10.0,
        "Seconds to wait for a Dask scheduler (--scheduler ADDRESS) before giving up.",
        "project choice: a scheduler on the same network answers in well under a second",
    ),
)


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str | None = Field(default=None)
    max_file_bytes: int = Field(default=20_000_000, gt=0)
    max_document_chars: int = Field(default=2_000_000, gt=0)
    near_duplicate_threshold: float = Field(default=0.8, gt=0, le=1)
    commit_every: int = Field(default=200, gt=0)
    extractor: Literal[
        "extract.hybrid.v3", "extract.hybrid.v2", "extract.hybrid.v1", "extract.rules.v1"
    ] = "extract.hybrid.v3"
    stance_threshold: float = Field(default=0.5, gt=0, lt=1)
    chunk_chars: int = Field(default=50_000, gt=0)
    scheduler_timeout: float = Field(default=10.0, gt=0)

    @property
    def db_url(self) -> str:
        return self.db or default_db_url()


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then ``GUARANTOR_<NAME>`` environment variables, then overrides."""
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        env = os.environ.get(f"GUARANTOR_{setting.name.upper()}")
        if env is not None and env != "":
            values[setting.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except Exception as exc:  # pydantic's message names the field
        raise ConfigurationError(f"invalid setting: {exc}") from exc
