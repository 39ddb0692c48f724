"""Every reader of users' YAML reports an impossible value with its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantor.errors import GuarantorError
from guarantor.extract.evaluate import load_gold
from guarantor.registry import validate_file
from guarantor.yamlio import load_yaml


def test_load_yaml_marks_an_impossible_date() -> None:
    with pytest.raises(GuarantorError) as caught:
        load_yaml("a: 1\nb:\n  - 2025-02-30\n", "f.yaml")
    assert (caught.value.line, caught.value.column) == (3, 5)


def test_load_yaml_reads_good_dates_and_records_lines() -> None:
    loaded = load_yaml("d: 2025-02-28\ne:\n  f: [1, 2]\n  g:\n    - x\n", "f.yaml")
    assert str(loaded.data["d"]) == "2025-02-28"
    assert loaded.line_of("e", "g", 0) == 5
    assert loaded.line_of("e", "f", 1) == 3  # falls back to the nearest recorded key


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: &x [1]\nb: *x\n", "aliases", 2),
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first given on line 1)", 3),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "nested deeper than 64", 1),
        ("a: b\x00\n", "NUL", None),
        ("a: [\n", "not valid YAML", 2),
    ],
)
def test_load_yaml_refuses_hostile_yaml(text: str, message: str, line: int | None) -> None:
    with pytest.raises(GuarantorError) as caught:
        load_yaml(text, "f.yaml")
    assert message in caught.value.message
    assert caught.value.path == "f.yaml"
    if line is not None:
        assert caught.value.line == line


def test_alias_bomb_is_refused_at_once() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    bomb += "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}] \n" for i in range(9))
    with pytest.raises(GuarantorError, match="aliases"):
        load_yaml(bomb, "bomb.yaml")


def test_gold_file_with_impossible_date_names_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "- doc: a.txt\n  positions:\n    - actor: POL\n      option: ground_troops\n"
        "      stance: oppose\n      stated_on: 2025-13-01\n      quote: q\n",
        encoding="utf-8",
    )
    with pytest.raises(GuarantorError) as caught:
        load_gold(gold)
    assert caught.value.line == 6


def test_registry_file_with_impossible_date_names_line(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        "- id: x\n  actor: FRA\n  option: ground_troops\n  stance: support\n"
        "  stated_on: 2025-02-30\n  outlet: o\n  source_url: https://example.org\n"
        "  paraphrase: p\n",
        encoding="utf-8",
    )
    with pytest.raises(GuarantorError) as caught:
        validate_file(ledger)
    assert caught.value.line == 5
