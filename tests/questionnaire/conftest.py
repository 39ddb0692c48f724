"""Fixtures: a store in a temporary SQLite file and the actor index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from guarantor.registry.actors import ActorIndex, load_actors
from guarantor.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'q.db'}") as opened:
        yield opened


@pytest.fixture(scope="session")
def actors() -> ActorIndex:
    return load_actors()
