"""The forces benchmark runs end to end (tiny size) and reports its ratio and memory."""

from __future__ import annotations

import pytest

bench = pytest.importorskip("benchmarks.forces_bench", reason="run from the repository root")


def test_benchmark_reports_ratio_and_bounded_memory() -> None:
    result = bench.measure(trials=20_000, repeat=1)
    assert result["states"] >= 40  # every state of the bundled registry
    assert result["simulation_s"] > 0 and result["ratio_vs_float64"] > 0
    # chunking: ten times fewer trials needs about the same memory
    assert result["peak_mb_at_trials"] <= result["peak_mb_at_trials_div_10"] * 1.5 + 1
