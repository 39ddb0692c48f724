"""Attacks and response parameters in the scenario: validated, documented, listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantor.beliefs import default_scenario, load_scenario
from guarantor.domain.evidence import Evidence
from guarantor.domain.response import Design
from guarantor.domain.scenario import parameter_rows
from guarantor.errors import ConfigurationError, NotFoundError
from guarantor.registry import Registry
from guarantor.response import pick_attack, pick_design, plan_response


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_response_parameter_is_documented_and_procedures_name_their_law() -> None:
    rows = {r["name"]: r for r in parameter_rows()}
    assert "Parlamentsbeteiligungsgesetz" in rows["response.procedures.DEU"]["reference"]
    assert "145/2016" in rows["response.procedures.ITA"]["reference"]
    assert "Leeds" in rows["response.reliability"]["reference"]
    assert "Berkemeier" in rows["response.reliability"]["reference"]
    for name, row in rows.items():
        if name.startswith(("response", "attacks")):
            assert row["help"] and row["reference"], name


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("attacks:\n  - name: a\n    kind: attack_on_force\n", 2, "casualties"),
        (
            "attacks:\n  - name: a\n    kind: armed_attack\n    casualties: {FRA: 2}\n",
            2,
            "casualties",
        ),
        ("attacks:\n  - {name: a, kind: armed_attack}\n  - {name: a, kind: hybrid}\n", 1, "unique"),
        ("attacks: []\n", 1, "at least 1"),
        ("attacks:\n  - {name: a, kind: invasion}\n", 2, "armed_attack"),
        ("response:\n  reliability: {defend: 0.9}\n", 2, "nest"),
        ("response:\n  executive: {low: 5, mode: 1, high: 9}\n", 2, "low <= mode"),
    ],
)
def test_bad_attacks_and_parameters_name_the_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(_write(tmp_path, text))
    assert caught.value.line == line
    assert words in str(caught.value)


def test_a_partial_file_changes_one_procedure(tmp_path: Path) -> None:
    text = (
        "response:\n  procedures:\n    POL:\n      parliament: {low: 1, mode: 2, high: 3}\n"
        "      reference: our own reading\n"
    )
    scenario = load_scenario(_write(tmp_path, text))
    assert scenario.response.procedures["POL"].parliament is not None
    assert scenario.response.procedures["DEU"] == default_scenario().response.procedures["DEU"]


def test_unknown_names_are_errors(bundled: Registry, ledger_evidence: list[Evidence]) -> None:
    scenario = default_scenario()
    with pytest.raises(NotFoundError, match="no attack 'tsunami'"):
        pick_attack(scenario, "tsunami")
    with pytest.raises(NotFoundError, match="no design"):
        pick_design(scenario, "nato_membership")
    strike = pick_attack(scenario, "strike_on_force").model_copy(update={"casualties": {"XXX": 1}})
    with pytest.raises(NotFoundError, match="XXX"):
        plan_response(bundled, ledger_evidence, scenario, strike, pick_design(scenario, None))
    missing = Design(name="ghost", help="h", instruments=("proposal-ghost",))
    with pytest.raises(NotFoundError, match="proposal-ghost"):
        plan_response(
            bundled,
            ledger_evidence,
            scenario,
            strike.model_copy(update={"casualties": {"FRA": 1}}),
            missing,
        )
    odd = Design(name="odd", help="h", conditions={"us_backstopp": True})
    with pytest.raises(ConfigurationError, match="us_backstopp"):
        plan_response(bundled, ledger_evidence, scenario, pick_attack(scenario, None), odd)
