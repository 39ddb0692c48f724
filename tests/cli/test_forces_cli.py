"""`guarantor forces`, `beliefs`, `explain` and `scenario`: the JSON contract and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clitools import invoke
from guarantor.cli.app import main


def test_forces_json_keeps_its_contract(env: dict[str, str], tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("requirement: 15000\nconditions: {us_backstop: true}\n")
    args = ["forces", "--scenario", str(scenario), "-n", "8000", "--seed", "3", "-f", "json"]
    data = json.loads(invoke(env, *args, "--no-sensitivity"))
    assert data["requirement"] == 15000
    assert data["trials"] == 8000 and data["seed"] == 3
    assert 0 <= data["p_requirement_met"] <= 1
    force = data["sustained_force"]
    assert force["p5"] <= force["p50"] <= force["p95"] and force["mean"] >= 0
    assert data["conditions"]["us_backstop"] == 1.0
    for row in data["actors"]:
        assert set(row) >= {"actor", "p_participate", "expected_troops", "criticality"}
        assert 0 <= row["p_participate"] <= 1
    again = json.loads(invoke(env, *args, "--no-sensitivity"))
    assert again == data  # same seed, same numbers


def test_forces_table_shows_sensitivity(env: dict[str, str]) -> None:
    out = invoke(env, "forces", "-n", "4000")
    assert "P(met)" in out and "sensitivity" in out and "correlation" in out


def test_explain_json_lists_every_vote(env: dict[str, str]) -> None:
    data = json.loads(invoke(env, "explain", "FRA", "ground_troops", "-f", "json"))
    assert data["actor"] == "FRA" and data["rule"] == "beliefs.logodds.v2"
    assert 0 <= data["probability"] <= 1
    for vote in data["votes"]:
        assert vote["evidence"]["provenance"]["text"]
        assert "contribution" in vote and "weight" in vote


def test_beliefs_json_filters_by_option(env: dict[str, str]) -> None:
    rows = json.loads(invoke(env, "beliefs", "--option", "ground_troops", "-f", "json"))
    assert all(r["option"] == "ground_troops" for r in rows)
    assert all(0 <= r["probability"] <= 1 for r in rows)


def test_scenario_init_then_show_round_trips(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    invoke(env, "scenario", "init", str(path))
    assert "#" in path.read_text()
    data = json.loads(invoke(env, "scenario", "show", "--scenario", str(path), "-f", "json"))
    assert data["scenario"]["requirement"] == 25000
    assert any(p["name"] == "beliefs.half_life_days" for p in data["parameters"])


def test_bad_scenario_exits_2_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("requirement: 1000\ntrails: 5\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as exited:
        main(["forces", "--scenario", str(bad)])
    assert exited.value.code == 2
    assert f"{bad}:2" in capsys.readouterr().err


def test_backtest_json_and_a_bad_outcomes_file(
    env: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = json.loads(invoke(env, "backtest", "--as-of", "2025-06-30", "--format", "json"))
    assert data["as_of"] == "2025-06-30" and data["option"] == "ground_troops"
    assert {"n", "auc", "brier", "log_loss", "baselines", "actors"} <= set(data)
    assert "naive_count" in data["baselines"]
    table = invoke(env, "backtest", "--option", "naval_support")
    assert "naval_support" in table
    bad = tmp_path / "o.csv"
    bad.write_text("actor,option,outcome,date,source\nGBR,ground_troops,1,someday,x\n")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exited:
        main(["backtest", "--outcomes", str(bad)])
    assert exited.value.code == 1
    assert f"{bad}:2" in capsys.readouterr().err
