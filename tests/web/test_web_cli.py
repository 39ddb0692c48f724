"""`guarantor serve`: loopback by default, a token or read-only, the app it hands uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.web import Desk


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def run(application: Any, **options: Any) -> None:
        seen.update(options, desk=application.state.desk)

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_it_binds_loopback_read_only_by_default(served: dict[str, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'g.db'}", "serve"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    desk = served["desk"]
    assert isinstance(desk, Desk) and not desk.writable
    assert desk.scenarios_dir == tmp_path / "scenarios"


def test_a_token_makes_it_writable(served: dict[str, Any], tmp_path: Path) -> None:
    args = ["--db", f"sqlite:///{tmp_path / 'g.db'}", "serve", "--token", "long-enough-token"]
    args += ["--port", "8123"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert served["port"] == 8123 and served["desk"].writable


def test_a_short_token_is_refused(served: dict[str, Any], tmp_path: Path) -> None:
    args = ["--db", f"sqlite:///{tmp_path / 'g.db'}", "serve", "--token", "abc"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0 and not served
