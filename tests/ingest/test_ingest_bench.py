"""The ingest benchmark runs end to end on a tiny corpus and reports every figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

bench = pytest.importorskip("benchmarks.ingest_bench", reason="run from the repository root")


def test_generated_corpus_has_repeats_and_copies(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    bench.generate(path, 300)
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 300
    assert len(set(texts)) < 300, "some exact repeats"
    assert any(t.startswith("By Staff, ") for t in texts), "some syndicated copies"


def test_tiny_run_reports_checkpoints_and_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--n", "60", "--json", "--commit-every", "7"]) == 0
    report = json.loads(capsys.readouterr().out)
    shares = [row["documents"] for row in report["checkpoints"]]
    assert shares[-1] == 60 and shares == sorted(shares) and len(shares) == 3
    last = report["checkpoints"][-1]
    assert last["stored"] + last["duplicates"] == 60 and last["failed"] == 0
    assert 0 < last["clusters"] < last["stored"], "syndicated copies join their original"
    assert report["baseline"]["stage"] == "raw insert baseline"
    assert report["baseline_over_ingest"] > 0
    assert report["extractor"] == "off"
