"""Ingest fixtures: a fresh SQLite store and small settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from guarantor.settings import Settings, load_settings
from guarantor.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'ingest.db'}") as opened:
        yield opened


@pytest.fixture
def settings() -> Settings:
    return load_settings(max_file_bytes=4000, commit_every=3)
