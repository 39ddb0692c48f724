"""`guarantor costs`: the JSON contract, CSV rows, table, errors; `assess` answers from it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clitools import invoke
from guarantor.cli.app import main


def test_costs_json_keeps_its_contract(env: dict[str, str]) -> None:
    data = json.loads(invoke(env, "costs", "-n", "4000", "--years", "5", "-f", "json"))
    assert {"total", "currency", "price_year", "key", "years", "actors"} <= set(data)
    assert data["years"] == 5 and data["key"] == "costs.gdp_share.v1"
    assert sum(a["amount"] for a in data["actors"]) == pytest.approx(data["total"], rel=1e-9)
    assert sum(a["share"] for a in data["actors"]) == pytest.approx(1.0)
    row = data["actors"][0]
    assert {"actor", "amount", "share", "share_of_gdp", "share_of_defence_budget"} <= set(row)


def test_ability_to_pay_json_is_clean_json_with_shifts(env: dict[str, str]) -> None:
    out = invoke(env, "costs", "-n", "4000", "--key", "ability_to_pay", "-f", "json")
    data = json.loads(out)  # the solver prints nothing on stdout
    assert data["key"] == "costs.ability_to_pay.v1"
    assert data["caps"]["binding"] and data["caps"]["shifts"]
    shifted = sum(s["shifted"] for s in data["caps"]["shifts"])
    assert shifted == pytest.approx(0.0, abs=1e-3 * data["total"])


def test_costs_csv_and_table(env: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(env, "costs", "-n", "4000", "-f", "csv"))))
    assert rows and {"actor", "amount", "share"} <= set(rows[0])
    table = invoke(env, "costs", "-n", "4000", "-k", "nato_common_funding")
    assert "who pays" in table and "USA" in table


def test_user_key_file_and_its_errors(
    env: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    good = tmp_path / "k.csv"
    good.write_text("actor,weight\nFRA,1\nDEU,1\n", encoding="utf-8")
    data = json.loads(invoke(env, "costs", "-n", "4000", "-k", str(good), "-f", "json"))
    assert data["key"] == "user.k.v1"
    assert {a["actor"] for a in data["actors"]} == {"FRA", "DEU"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("weights:\n  FRA: 1\n  ATLANTIS: 1\n", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["costs", "-n", "2000", "-k", str(bad)])
    assert caught.value.code == 1
    assert f"{bad}:3" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["costs", "-n", "2000", "-k", "fairest"])
    assert caught.value.code == 2


def test_assess_answers_who_pays_from_the_cost_model(env: dict[str, str]) -> None:
    data = json.loads(invoke(env, "assess", "-n", "2000", "-f", "json"))
    answer = data["who_pays"]
    assert answer["key"] == "costs.gdp_share.v1" and answer["total"] > 0
    assert answer["range"]["p5"] <= answer["total"] <= answer["range"]["p95"]
    assert answer["top_payers"] and "us" in answer
    assert {i["item"] for i in answer["us"]["paid_for_if_backstop"]} >= {"us_air_cover"}
    assert "money_pledged" in data
