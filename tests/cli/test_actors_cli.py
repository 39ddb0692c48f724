"""`guarantor actors`: listing, resolving, formats and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from guarantor.cli.app import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = 0
    try:
        main(["actors", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_every_actor_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    codes = {row["code"] for row in rows}
    assert {"USA", "RUS", "UKR", "NATO", "EU", "G7", "COALITION", "EUROPE"} <= codes
    assert len(rows) == 51
    assert all(row["aliases"] > 0 for row in rows)


def test_lists_as_csv_with_a_header(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0].keys() >= {"code", "name", "kind", "aliases"}
    assert any(row["code"] == "TUR" and row["name"] == "Türkiye" for row in rows)


def test_table_lists_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys)
    assert code == 0
    assert "COALITION" in out and "Poland" in out


def test_resolves_a_seat_of_power(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "the Kremlin", "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["actor"] == "RUS" and row["kind"] == "seat" and row["fuzzy"] is False


def test_resolves_a_garbled_name_with_its_score(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "Mark Rubio", "-f", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["actor"] == "USA" and row["person"] == "Marco Rubio"
    assert row["fuzzy"] is True and 80 <= row["score"] < 100


def test_exact_flag_turns_fuzzy_matching_off(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "Mark Rubio", "--exact")
    assert code == 1
    assert "exactly" in err


def test_on_marks_former_officials(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "Borrell", "--on", "2025-03-01", "-f", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["actor"] == "EU" and row["in_office"] is False


def test_table_shows_the_resolution(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "Downing Street")
    assert code == 0
    assert "GBR" in out and "seat" in out


def test_unknown_name_exits_1_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "Xyzzy Plugh")
    assert code == 1
    assert out == ""
    assert "Xyzzy Plugh" in err and "does not name any known actor" in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "Macron", "--on", "March 2025")
    assert code == 2
    assert "YYYY-MM-DD" in err
