"""User keys from files: validated, errors name file and line; resolution by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantor.costs import load_user_key, resolve_key
from guarantor.errors import InputError, UsageError, ValidationError
from guarantor.registry import load_registry

KNOWN = {"FRA", "DEU", "POL"}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_key_loads_with_its_versioned_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "k.yaml", "name: eu_heavy\nversion: 2\nweights:\n  FRA: 2\n  deu: 1\n")
    key = load_user_key(path, KNOWN)
    assert key.name == "user.eu_heavy.v2"
    assert key.weights == {"FRA": 2.0, "DEU": 1.0}


def test_unknown_actor_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "k.yaml", "name: x\nweights:\n  FRA: 1\n  XYZ: 2\n")
    with pytest.raises(ValidationError) as caught:
        load_user_key(path, KNOWN)
    assert caught.value.path == str(path) and caught.value.line == 4
    assert "XYZ" in str(caught.value)


def test_negative_weight_in_csv_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.csv", "actor,weight\nFRA,1\nPOL,-3\n")
    with pytest.raises(ValidationError) as caught:
        load_user_key(path, KNOWN)
    assert caught.value.line == 3 and ">= 0" in str(caught.value)


def test_csv_key_takes_its_name_from_the_file(tmp_path: Path) -> None:
    key = load_user_key(_write(tmp_path, "Mine-2.csv", "actor,weight\nFRA,1\nPOL,0\n"), KNOWN)
    assert key.name == "user.mine_2.v1"


@pytest.mark.parametrize(
    "text",
    [
        "weights: [1, 2]\n",
        "name: Bad Name\nweights: {FRA: 1}\n",
        "weights: {FRA: 0}\n",
        "weights: {FRA: one}\n",
        "extra: 1\nweights: {FRA: 1}\n",
        "weights: {FRA: [1\n",
    ],
)
def test_bad_files_are_validation_errors(tmp_path: Path, text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        load_user_key(_write(tmp_path, "k.yaml", text), KNOWN)
    assert caught.value.path is not None


def test_missing_file_and_unknown_key_name() -> None:
    registry = load_registry()
    with pytest.raises(InputError):
        resolve_key("absent.yaml", registry)
    with pytest.raises(UsageError, match=r"costs\.gdp_share\.v1"):
        resolve_key("fair_share", registry)
    assert resolve_key("ability_to_pay", registry).name == "costs.ability_to_pay.v1"
