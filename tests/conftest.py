"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The project's ``shared/`` folder: ``$GUARANTOR_SHARED`` or ``../shared``."""
    return Path(os.environ.get("GUARANTOR_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``shared/corpus``; tests that read the real articles skip where it is absent."""
    path = shared_dir() / "corpus"
    if not (path / "gold").is_dir():
        pytest.skip(f"shared corpus not found at {path} (set GUARANTOR_SHARED to its parent)")
    return path


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    path = shared_dir() / "reference"
    if not path.is_dir():
        pytest.skip(f"shared reference data not found at {path}")
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for in-process commands that read the bundled data only (clitools)."""
    from clitools import bundled_only

    return bundled_only(tmp_path)


@pytest.fixture(autouse=True)
def _rules_extractor_for_plumbing_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands default to extract.hybrid.v3; tests of ingest, store and CLI plumbing pin the
    deterministic rule extractor so their expected positions test plumbing, not the model.
    Tests of the hybrid extractor name it explicitly (tests/extract/test_hybrid.py)."""
    if "GUARANTOR_EXTRACTOR" not in os.environ:
        monkeypatch.setenv("GUARANTOR_EXTRACTOR", "extract.rules.v1")
