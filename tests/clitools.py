"""Running guarantor's commands in-process from tests, with the bundled data only."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from guarantor.cli.app import app


def bundled_only(tmp_path: Path) -> dict[str, str]:
    """No user registry rows and no database: the bundled ledger is the only evidence."""
    return {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "GUARANTOR_REGISTRY_DIR": str(tmp_path / "no-registry"),
        "GUARANTOR_DB": "",
    }


def invoke(env: dict[str, str], *args: str) -> str:
    """The command's standard output; it must exit 0."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout
