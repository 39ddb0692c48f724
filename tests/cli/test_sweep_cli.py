"""`guarantor sweep` and `ingest --scheduler`: the JSON contract, a point is its own forces run,
and an unreachable scheduler is a clear error (exit 1) before anything is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantor.cli.app import app, main


def test_sweep_json_names_the_grid_and_each_point_matches_forces(env: dict[str, str]) -> None:
    args = ["sweep", "--vary", "requirement=10000:20000:10000", "--vary"]
    args += ["conditions.us_backstop=true,false", "-n", "2000", "--replications", "5"]
    result = CliRunner().invoke(app, [*args, "--seed", "4", "-f", "json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["vary"] == {"requirement": [10000, 20000], "conditions.us_backstop": [True, False]}
    assert [p["point"] for p in data["points"]] == [0, 1, 2, 3]
    point = data["points"][2]
    assert (point["requirement"], point["conditions.us_backstop"]) == (20000, True)
    # the default scenario with the point's requirement and backstop: its own forces run
    scenario_file = Path(env["XDG_DATA_HOME"]).parent / "point.yaml"
    scenario_file.write_text("requirement: 20000\nconditions: {us_backstop: true}\n")
    forces = ["forces", "-s", str(scenario_file), "-n", "2000", "--seed", str(point["seed"])]
    same = CliRunner().invoke(app, [*forces, "-f", "json", "--no-sensitivity"], env=env)
    assert json.loads(same.stdout)["p_requirement_met"] == point["p_requirement_met"]


def test_an_unreachable_scheduler_exits_1_naming_it(
    env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("distributed")
    for key, value in {**env, "GUARANTOR_SCHEDULER_TIMEOUT": "0.5"}.items():
        monkeypatch.setenv(key, value)
    article = tmp_path / "a.txt"
    article.write_text("Poland will not send troops, Tusk said.")
    with pytest.raises(SystemExit) as exit_info:
        db = f"sqlite:///{tmp_path / 'g.db'}"
        main(["--db", db, "ingest", str(article), "--scheduler", "tcp://127.0.0.1:9"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "tcp://127.0.0.1:9" in err and "0.5 s" in err
