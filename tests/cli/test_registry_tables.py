"""Issue 14: every `registry` table fits 80 columns, one line a row; --wide and JSON keep all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.registry.views import LISTS, TABLE_COLUMNS, WIDE_COLUMNS

runner = CliRunner()
AT_80 = {"COLUMNS": "80"}


@pytest.fixture(autouse=True)
def no_user_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTOR_REGISTRY_DIR", str(tmp_path / "registry"))


def _run(*args: str) -> str:
    result = runner.invoke(app, ["registry", *args], env=AT_80)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("kind", LISTS)
def test_each_table_fits_80_columns_one_line_a_row(kind: str) -> None:
    rows = json.loads(_run(kind, "--format", "json"))
    lines = _run(kind).splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    # title, header, rule, one line a row and at most one line saying what is left out
    assert len(lines) <= len(rows) + 4
    keys = {key for row in rows for key in row}
    if keys - set(TABLE_COLUMNS[kind]):
        assert lines[-1].startswith("not shown: ") and "--wide" in lines[-1]


@pytest.mark.parametrize("kind", LISTS)
def test_wide_and_json_carry_the_columns_the_table_leaves_out(kind: str) -> None:
    rows = json.loads(_run(kind, "--format", "json"))
    assert all(column in rows[0] for column in WIDE_COLUMNS[kind])
    wide = runner.invoke(app, ["registry", kind, "--wide"], env={"COLUMNS": "400"}).stdout
    header = wide.splitlines()[1]
    assert len(header.split()) >= len(WIDE_COLUMNS[kind])
    assert set(TABLE_COLUMNS[kind]) <= set(WIDE_COLUMNS[kind])


def test_ledger_elides_the_paraphrase_and_wide_gives_it_whole() -> None:
    rows = json.loads(_run("ledger", "--format", "json"))
    longest = max((row["paraphrase"] for row in rows), key=len)
    words = [w for line in _run("ledger").splitlines() for w in line.split()]
    assert longest.split()[-1] not in words  # elided, with '…'
    wide = runner.invoke(app, ["registry", "ledger", "--wide"], env={"COLUMNS": "500"}).stdout
    assert " ".join(longest.split()[-3:]) in " ".join(wide.split())  # whole, wrapped


def test_show_as_a_table_is_one_line_a_field() -> None:
    record = json.loads(_run("show", "POL"))[0]
    lines = _run("show", "POL", "--format", "table").splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert len(lines) == len(record) + 3  # title, header, rule
