"""Scenario files: the default ships valid, partial files merge, errors name the line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guarantor.beliefs.scenarios import default_scenario, default_scenario_text, load_scenario
from guarantor.domain.scenario import Scenario, deep_merge, parameter_rows
from guarantor.domain.vocabulary import Condition, Option
from guarantor.errors import ConfigurationError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_default_matches_the_model_defaults() -> None:
    # The commented YAML and the model cannot drift apart.
    assert default_scenario() == Scenario()


def test_partial_file_changes_only_its_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, "requirement: 10000\nconditions:\n  us_backstop: true\n")
    scenario = load_scenario(path)
    assert scenario.requirement == 10000
    assert scenario.conditions.us_backstop == 1.0
    # untouched siblings keep the default
    assert scenario.conditions.ceasefire == 1.0
    assert scenario.beliefs == default_scenario().beliefs


def test_nested_partial_merge_keeps_sibling_weights(tmp_path: Path) -> None:
    path = _write(tmp_path, "beliefs:\n  votes:\n    support: 0.9\n")
    votes = load_scenario(path).beliefs.votes
    assert votes.support == 0.9
    assert votes.oppose == default_scenario().beliefs.votes.oppose


def test_ceasefire_first_is_accepted_as_the_condition_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "conditions:\n  ceasefire_first: false\n")
    scenario = load_scenario(path)
    assert not scenario.conditions.holds(Condition.CEASEFIRE_FIRST)


def test_unknown_key_error_names_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "requirement: 10000\nconditions:\n  us_backstop: true\n  usbackstop: 1\n"
    )
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    assert caught.value.line == 4
    assert caught.value.path == str(path)
    assert "usbackstop" in str(caught.value)


def test_bad_value_error_names_the_line_of_the_value(tmp_path: Path) -> None:
    path = _write(tmp_path, "# comment\n\nseed: 1\ncorrelation: 1.5\n")
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    assert caught.value.line == 4
    assert "correlation" in caught.value.message


def test_cross_field_error_points_at_the_block(tmp_path: Path) -> None:
    path = _write(tmp_path, "beliefs:\n  votes:\n    oppose: 0.95\n")
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    assert caught.value.line == 2  # the votes block whose rule broke


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "requirement: 1\nconditions: [a,\n")
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    assert caught.value.line is not None and caught.value.line >= 2


def test_impossible_date_names_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "requirement: 20000\nconditions:\n  ceasefire: true\nas_of: 2025-13-01\n"
    )
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    assert caught.value.line == 4
    assert "month" in caught.value.message


def test_non_mapping_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        load_scenario(_write(tmp_path, "- 1\n- 2\n"))
    with pytest.raises(ConfigurationError):
        load_scenario(tmp_path / "absent.yaml")


def test_priors_cover_every_option_and_have_references() -> None:
    scenario = default_scenario()
    assert set(scenario.beliefs.priors) == set(Option)
    rows = {row["name"]: row for row in parameter_rows()}
    assert "Berkemeier" in rows["beliefs.priors"]["reference"]
    assert "Leeds" in rows["beliefs.priors"]["reference"]
    for row in rows.values():
        assert row["help"], f"{row['name']} has no help"
        assert row["reference"], f"{row['name']} has no reference"


def test_default_text_is_commented_yaml() -> None:
    text = default_scenario_text()
    assert text.count("#") > 20
    assert yaml.safe_load(text)["requirement"] == 25000


def test_deep_merge_replaces_leaves_and_lists() -> None:
    merged = deep_merge({"a": {"b": 1, "c": [1, 2]}, "d": 1}, {"a": {"c": [3]}})
    assert merged == {"a": {"b": 1, "c": [3]}, "d": 1}


def test_every_error_of_a_scenario_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "seed: -1\n"
        "correlation: 1.5\n"
        "conditions:\n  usbackstop: 1\n"
        "overrides:\n  XYZ:\n    ground_troops: 0.5\n",
    )
    with pytest.raises(ConfigurationError) as caught:
        load_scenario(path)
    problems = caught.value.problems
    assert [(p.path, p.line) for p in problems] == [(str(path), n) for n in (1, 2, 4, 6)]
    rendered = caught.value.render().splitlines()
    assert len(rendered) == 4
    assert all(line.startswith(f"{path}:") for line in rendered)
    for expected in ("seed", "correlation", "usbackstop", "XYZ"):
        assert expected in caught.value.render()


def test_a_changed_scenario_names_every_bad_key_at_once() -> None:
    from guarantor.beliefs.scenarios import default_scenario, scenario_from_data
    from guarantor.errors import UsageError

    data = default_scenario().model_dump()
    data["correlation"] = 1.5
    data["requirement"] = -3
    with pytest.raises(UsageError) as caught:
        scenario_from_data(data, "--vary")
    message = str(caught.value)
    assert message.startswith("--vary: ")
    assert "correlation" in message and "requirement" in message and "(got 1.5)" in message
