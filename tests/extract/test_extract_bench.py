"""The extraction benchmark runs end to end (tiny size) and reports both pipelines."""

from __future__ import annotations

import pytest

bench = pytest.importorskip("benchmarks.extract_bench", reason="run from the repository root")


def test_benchmark_reports_throughput_and_ratio() -> None:
    result = bench.measure(words=3_000)
    assert result["words"] >= 3_000
    assert result["ours_words_per_s"] > 0 and result["spacy_words_per_s"] > 0
    assert result["ratio_ours_to_spacy"] > 0
    assert result["ours_positions"] > 0 and result["spacy_mentions"] > 0
