"""Issue 14: unknown names fail (exit 1, closest matches); names resolve; list formats work."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from guarantor.cli.app import main
from guarantor.errors import NotFoundError
from guarantor.registry.actors import resolve_actor


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user registry rows and no database: the bundled ledger is the only evidence."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("GUARANTOR_REGISTRY_DIR", str(tmp_path / "no-registry"))
    monkeypatch.delenv("GUARANTOR_DB", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exited:
        code = int(exited.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    "args",
    [
        ("explain", "ZZZ", "ground_troops"),
        ("beliefs", "--actor", "XYZ"),
        ("positions", "--actor", "ZZZ"),
    ],
)
def test_unknown_actor_is_exit_1_with_closest_matches(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 1
    assert "does not name any known actor" in err and "closest:" in err
    assert "P =" not in out


@pytest.mark.parametrize("name", ["Poland", "Polish", "Warsaw", "pol"])
def test_explain_resolves_names_to_the_code(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "explain", name, "ground_troops", "--format", "json")
    assert code == 0
    assert json.loads(out)["actor"] == "POL"


def test_resolve_actor_raises_not_found_naming_candidates() -> None:
    assert resolve_actor("the Kremlin") == "RUS"
    with pytest.raises(NotFoundError, match="closest"):
        resolve_actor("Qqqqqq")


@pytest.mark.parametrize(
    "args",
    [
        ("beliefs", "--option", "ground_troops"),
        ("explain", "FRA", "ground_troops"),
        ("forces", "-n", "2000", "--no-sensitivity"),
    ],
)
def test_list_commands_write_csv_and_jsonl(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *args, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and len(rows[0]) > 2
    code, out, err = run(capsys, *args, "--format", "jsonl")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(rows)


@pytest.mark.parametrize("command", ["assess", "evaluate"])
def test_report_commands_offer_only_the_formats_they_write(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "jsonl" not in out and "csv" not in out


def test_forces_and_assess_share_the_trial_minimum(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "forces", "--trials", "10")
    assert code == 2 and "1000" in err.replace(",", "")


def test_forces_prints_the_monte_carlo_error_beside_p_met(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "forces", "-n", "2000", "--no-sensitivity")
    assert code == 0
    assert "P(met) = " in out and "±" in out.split("P(met) = ")[1].splitlines()[0]


def test_unknown_db_scheme_names_the_extra(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "nonsense://x", "positions")
    assert code == 2
    assert "pip install 'guarantor[postgres]'" in err


def test_db_in_a_missing_folder_is_an_error_not_a_new_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "no" / "such"
    code, _, err = run(capsys, "--db", f"sqlite:///{folder}/x.db", "positions")
    assert code == 2 and "does not exist" in err
    assert not folder.exists()


def test_a_scenario_without_a_name_is_headed_by_its_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scenario = tmp_path / "hawkish.yaml"
    scenario.write_text("requirement: 15000\n", encoding="utf-8")
    code, out, _ = run(capsys, "forces", "-s", str(scenario), "-n", "2000", "--no-sensitivity")
    assert code == 0
    assert "scenario hawkish:" in out and "scenario default" not in out
