"""Every reader of users' YAML reports an impossible value with its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guarantor.errors import GuarantorError
from guarantor.extract.evaluate import load_gold
from guarantor.registry import validate_file
from guarantor.yamlio import error_line, safe_load


def test_safe_load_marks_an_impossible_date() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        safe_load("a: 1\nb:\n  - 2025-02-30\n")
    assert error_line(caught.value) == (3, 5)


def test_safe_load_reads_good_dates() -> None:
    assert str(safe_load("d: 2025-02-28\n")["d"]) == "2025-02-28"


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
