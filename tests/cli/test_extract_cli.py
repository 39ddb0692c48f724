"""`guarantor extract`, `positions` and `evaluate` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.cli.extract import POSITION_KEYS

runner = CliRunner()

ARTICLE = (
    "Oslo, 12 May 2025\n\n"
    "Norway is ready to send troops to Ukraine, the Norwegian Prime Minister said.\n\n"
    "Hungary opposes new sanctions on Russia."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_extract_prints_one_position_per_line(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus / "a.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {(r["actor"], r["option"], r["stance"]) for r in rows} == {
        ("NOR", "ground_troops", "support"),
        ("HUN", "sanctions", "oppose"),
    }
    for row in rows:
        assert list(row) == POSITION_KEYS
        text = (corpus / "a.txt").read_text(encoding="utf-8")
        assert text[row["start"] : row["end"]] == row["quote"]
        assert row["document"] == (corpus / "a.txt").resolve().as_uri()


def test_extract_json_and_table(corpus: Path) -> None:
    as_json = runner.invoke(app, ["extract", str(corpus), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert len(json.loads(as_json.output)) == 2
    table = runner.invoke(app, ["extract", str(corpus), "--format", "table"])
    assert table.exit_code == 0 and "NOR" in table.output and "HUN" in table.output


def test_extract_missing_file_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0


def test_evaluate_prints_scores_as_json(corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "- doc: a.txt\n  positions:\n"
        "    - {actor: NOR, option: ground_troops, stance: support, quote: 'Norway is ready'}\n"
        "    - {actor: SWE, option: sanctions, stance: support, quote: 'x'}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["evaluate", str(gold), "--corpus", str(corpus), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["precision"], data["recall"]) == (0.5, 0.5)
    assert data["f1"] == 0.5
    assert [m["actor"] for m in data["misses"]] == ["SWE"]
    assert [m["actor"] for m in data["false_hits"]] == ["HUN"]
    assert {"per_option", "per_actor", "conditions", "quotes"} <= set(data)
    table = runner.invoke(app, ["evaluate", str(gold), "--corpus", str(corpus)])
    assert table.exit_code == 0 and "F1 0.500" in table.output


def test_positions_reads_the_store(corpus: Path, db: str) -> None:
    ingested = runner.invoke(app, ["--db", db, "ingest", str(corpus)])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["--db", db, "positions", "--actor", "nor", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["actor"], r["option"], r["stance"]) for r in rows] == [
        ("NOR", "ground_troops", "support")
    ]
    none = runner.invoke(app, ["--db", db, "positions", "--stance", "uncertain", "--format", "csv"])
    assert none.exit_code == 0 and none.output.startswith("document,")
