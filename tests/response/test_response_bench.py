"""The response benchmark runs end to end (tiny size) and matches the bare loop's events."""

from __future__ import annotations

import pytest

bench = pytest.importorskip("benchmarks.response_bench", reason="run from the repository root")


def test_benchmark_reports_rates_on_the_same_number_of_events() -> None:
    result = bench.measure(replications=40, repeat=1)
    assert result["guarantors"] >= 30
    assert result["events"] > 0 and result["simulation_s"] > 0 and result["bare_loop_s"] > 0
    # the baseline schedules the same events, give or take the environments' own
    assert abs(result["bare_events"] - result["events"]) <= 2 * result["replications"]
    assert result["ratio_vs_bare"] > 0
