"""`guarantor registry ...` through the real app (typer's CliRunner) and a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.errors import ValidationError

runner = CliRunner()

PLEDGES = (
    "id,actor,kind,amount,unit,unit_year,description,pledged_on,status,source_url\n"
    "my-1,NLD,money,1000000,EUR,2024,a million,2024-06-01,committed,https://example.org/n\n"
)


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "registry"
    monkeypatch.setenv("GUARANTOR_REGISTRY_DIR", str(folder))
    return folder


def _json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["registry", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_agreements_json_has_date_duration_24h_flag_and_source() -> None:
    rows = _json("agreements")
    assert len(rows) == 30  # 28 confirmed + doubtful Croatia + reported-only Bulgaria
    uk = next(r for r in rows if r["id"] == "agreement-gbr-2024")
    assert uk["signed"] == "2024-01-12"
    assert uk["duration_years"] == 10
    assert uk["consult_within_24h"] is True
    assert str(uk["source"]).startswith("https://")
    assert all("source" in r and "consult_within_24h" in r for r in rows)


def test_instruments_json_includes_article5_budapest_and_proposals() -> None:
    rows = {r["id"]: r for r in _json("instruments")}
    assert rows["nato-article-5"]["obligation_type"] == "defend"
    assert rows["budapest-memorandum-1994"]["obligation_type"] in {"assist", "consult"}
    proposals = [r for r in rows.values() if r["kind"] == "proposal"]
    assert len(proposals) >= 3
    assert rows["proposal-ita-24h"]["deadline_hours"] == 24
    assert all("deadline_hours" in r for r in rows.values())


def test_as_of_before_signing_excludes_the_agreement() -> None:
    ids = {r["id"] for r in _json("agreements", "--as-of", "2024-02-15")}
    assert "agreement-gbr-2024" in ids
    assert "agreement-deu-2024" not in ids
    later = {r["id"] for r in _json("agreements", "--as-of", "2024-02-16")}
    assert "agreement-deu-2024" in later


def test_bad_as_of_is_a_usage_error() -> None:
    result = runner.invoke(app, ["registry", "states", "--as-of", "yesterday"])
    assert result.exit_code != 0


@pytest.mark.parametrize(
    "kind", ["states", "instruments", "agreements", "pledges", "factors", "commitments", "ledger"]
)
def test_every_list_renders_as_table_and_csv(kind: str) -> None:
    table = runner.invoke(app, ["registry", kind])
    assert table.exit_code == 0, table.output
    csv_out = runner.invoke(app, ["registry", kind, "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.stdout.count("\n") > 1


def test_show_prints_one_row_with_its_table() -> None:
    result = runner.invoke(app, ["registry", "show", "nato-article-5"])
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["table"] == "instruments" and row["legally_binding"] is True


def test_validate_import_and_export(tmp_path: Path, user_dir: Path) -> None:
    source = tmp_path / "pledges.csv"
    source.write_text(PLEDGES, encoding="utf-8")
    checked = runner.invoke(app, ["registry", "validate", str(source)])
    assert checked.exit_code == 0 and "1 valid pledges" in checked.stdout
    imported = runner.invoke(app, ["registry", "import", str(source)])
    assert imported.exit_code == 0, imported.output
    assert (user_dir / "pledges.yaml").exists()
    listed = {r["id"]: r for r in _json("pledges")}
    assert listed["my-1"]["amount_eur"] == 1000000
    exported = runner.invoke(app, ["registry", "export", "--kind", "pledges", "--format", "yaml"])
    data = yaml.safe_load(exported.stdout)
    assert data["kind"] == "pledges"
    assert any(r["id"] == "my-1" for r in data["rows"])


def test_export_to_a_folder_reimports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["registry", "export", "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "instruments.csv").exists() and (out / "ledger.csv").exists()
    again = runner.invoke(app, ["registry", "validate", str(out / "instruments.csv")])
    assert again.exit_code == 0, again.output


def test_import_of_a_bad_file_writes_nothing(tmp_path: Path, user_dir: Path) -> None:
    bad = tmp_path / "pledges.csv"
    bad.write_text(PLEDGES + "my-2,NLD,money,1,EUR,2024,x,2024-13-01,committed,u\n", "utf-8")
    result = runner.invoke(app, ["registry", "import", str(bad)])
    assert isinstance(result.exception, ValidationError)
    assert result.exception.line == 3 and result.exception.column == "pledged_on"
    assert not (user_dir / "pledges.yaml").exists()


def test_validate_exit_code_and_message_via_subprocess(tmp_path: Path, user_dir: Path) -> None:
    bad = tmp_path / "pledges.csv"
    bad.write_text(PLEDGES + "my-2,NLD,cash,1,EUR,2024,x,2024-01-01,committed,u\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "guarantor", "registry", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert f"{bad}:3 (column kind)" in done.stderr
