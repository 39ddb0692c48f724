"""`guarantor ingest`, `documents` and `outlets` from the command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantor.cli.app import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Who sends troops?\n\n25.08.2025\n\nA body of text.\n\nJan Novák, Právo Daily",
        encoding="utf-8",
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": "Wire copy.", "outlet": "Reuters", "published": "2025-03-24"})
        + "\n{broken\n",
        encoding="utf-8",
    )
    return folder


def _invoke(db: str, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", db, *args], input=stdin)
    return result.exit_code, result.stdout


def _run(db: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guarantor", "--db", db, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ingest_reports_failures_and_exits_1(db: str, inputs: Path) -> None:
    done = _run(db, "ingest", "--no-extract", str(inputs))
    assert done.returncode == 1
    assert f"{inputs / 'feed.jsonl'}:2: not valid JSON" in done.stderr
    assert "stored 2, duplicates 0, failed 1" in done.stderr
    again = _run(db, "ingest", "--no-extract", str(inputs / "a.txt"))
    assert again.returncode == 0
    assert "stored 0, duplicates 1, failed 0" in again.stderr


def test_ingest_from_stdin(db: str) -> None:
    done = _run(db, "ingest", "-", stdin="Text piped in.\n\nSecond paragraph.")
    assert done.returncode == 0, done.stderr
    assert "stored 1" in done.stderr


def test_documents_in_every_format(db: str, inputs: Path) -> None:
    runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(inputs)])
    code, out = _invoke(db, "documents", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    by_outlet = {r["outlet"]: r for r in rows}
    assert by_outlet["novinky.cz"]["published"] == "2025-08-25"
    assert by_outlet["novinky.cz"]["title"] == "Who sends troops?"
    assert by_outlet["reuters.com"]["published"] == "2025-03-24"
    code, out = _invoke(db, "documents", "--outlet", "Reuters", "--format", "jsonl", "--text")
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["Wire copy."]
    code, out = _invoke(db, "documents", "--since", "2025-06-01", "--format", "csv")
    assert [r["outlet"] for r in csv.DictReader(io.StringIO(out))] == ["novinky.cz"]
    code, out = _invoke(db, "documents", "--until", "2025-06-01", "--format", "json")
    assert [r["outlet"] for r in json.loads(out)] == ["reuters.com"]
    code, out = _invoke(db, "documents")
    assert code == 0 and "documents" in out and "reuters." in out


def test_outlets_list_and_set(db: str) -> None:
    code, out = _invoke(db, "outlets", "--format", "json")
    assert code == 0
    assert {"key": "rt.com", "reliability": "E"}.items() <= {
        k: v for r in json.loads(out) if r["key"] == "rt.com" for k, v in r.items()
    }.items()
    code, out = _invoke(db, "outlets", "set", "Reuters", "A", "--note", "our choice")
    assert (code, out.strip()) == (0, "reuters.com: A (Reuters)")
    code, out = _invoke(db, "outlets", "--format", "csv")
    (row,) = [r for r in csv.DictReader(io.StringIO(out)) if r["key"] == "reuters.com"]
    assert (row["reliability"], row["note"]) == ("A", "our choice")


def test_a_bad_grade_is_a_usage_error(db: str) -> None:
    done = _run(db, "outlets", "set", "Reuters", "Z")
    assert done.returncode == 2
    assert "reliability must be one of A-F" in done.stderr
