"""`guarantor respond`: the JSON contract of one design and of the comparison."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from guarantor.cli.app import app, main

TIMINGS = ("first_consultation_h", "first_military_response_h", "first_sanctions_h")


def _keys(report: dict[str, object]) -> None:
    assert {"replications", "seed", "acting_within", "actors", *TIMINGS} <= set(report)
    for key in TIMINGS:
        assert set(report[key]) == {"p50", "p90", "p_never"}  # type: ignore[arg-type]
    assert set(report["acting_within"]) == {"24h", "7d", "30d"}  # type: ignore[arg-type]
    for row in report["actors"]:  # type: ignore[attr-defined]
        assert {"actor", "p_military_response", "median_response_h"} <= set(row)


def test_respond_json_keeps_its_contract(env: dict[str, str]) -> None:
    args = ["respond", "-n", "60", "--seed", "4", "--attack", "strike_on_force", "-f", "json"]
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    _keys(report)
    assert report["replications"] == 60 and report["seed"] == 4
    acting = report["acting_within"]
    assert acting["24h"] <= acting["7d"] <= acting["30d"] <= report["guarantors"]


def test_compare_json_lists_every_design(env: dict[str, str]) -> None:
    args = ["respond", "--compare", "-n", "30", "--seed", "4", "-f", "json"]
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    designs = json.loads(result.stdout)
    assert [d["design"] for d in designs] == [
        "bilateral_consultation",
        "article5_like",
        "italy_24h",
        "reassurance_force",
        "us_backstop",
    ]
    for report in designs:
        _keys(report)
        assert report["seed"] == 4


def test_table_shows_every_design(env: dict[str, str]) -> None:
    table = CliRunner().invoke(app, ["respond", "-n", "30", "--compare"], env=env)
    assert table.exit_code == 0, table.output
    assert "italy_24h" in table.stdout and "us_backstop" in table.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["respond", "-n", "10", "--attack", "meteor"], 1, "no attack 'meteor'"),
        (["respond", "--compare", "--design", "italy_24h"], 2, "leave out --design"),
        (["respond", "-n", "10", "--design", "nato"], 1, "no design 'nato'"),
    ],
)
def test_errors_exit_with_their_code(
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    words: str,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == code
    assert words in capsys.readouterr().err
