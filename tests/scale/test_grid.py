"""Sweep grids: --vary parsing, per-point seeds keyed by the index alone, bad keys refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guarantor.beliefs import load_scenario
from guarantor.errors import UsageError
from guarantor.scale.grid import Sweep, parse_vary, point_seed, points_of


def test_a_range_includes_its_stop_and_a_list_reads_yaml_scalars() -> None:
    assert parse_vary("requirement=10000:100000:10000") == (
        "requirement",
        [10_000 * i for i in range(1, 11)],
    )
    assert parse_vary("conditions.us_backstop=true,false") == (
        "conditions.us_backstop",
        [True, False],
    )
    assert parse_vary("correlation=0.1:0.3:0.1")[1] == [0.1, 0.2, 0.3]


@pytest.mark.parametrize("spec", ["requirement", "requirement=", "requirement=1:5", "x=5:1:1"])
def test_a_malformed_vary_is_a_usage_error(spec: str) -> None:
    with pytest.raises(UsageError, match="--vary"):
        parse_vary(spec)


@given(seed=st.integers(0, 2**32 - 1), index=st.integers(0, 10_000), extra=st.integers(1, 50))
def test_a_points_seed_depends_on_the_sweep_seed_and_its_index_only(
    seed: int, index: int, extra: int
) -> None:
    again = point_seed(seed, index)
    assert point_seed(seed, index) == again
    assert point_seed(seed, index + extra) != again


def test_points_vary_the_last_axis_fastest_and_refuse_unknown_keys() -> None:
    base = load_scenario(None)
    axes = dict([parse_vary("requirement=10000,20000"), parse_vary("conditions.us_backstop=1,0")])
    points = points_of(base, Sweep(axes, seed=3, trials=1000, replications=10))
    assert [(p.scenario.requirement, p.scenario.conditions.us_backstop) for p in points] == [
        (10_000, 1.0),
        (10_000, 0.0),
        (20_000, 1.0),
        (20_000, 0.0),
    ]
    assert [p.seed for p in points] == [point_seed(3, i) for i in range(4)]
    with pytest.raises(UsageError, match=r"no parameter 'conditions\.nonsense'"):
        points_of(base, Sweep({"conditions.nonsense": [1]}, 3, 1000, 10))
    with pytest.raises(UsageError, match="requirement"):
        points_of(base, Sweep({"requirement": [-5]}, 3, 1000, 10))
