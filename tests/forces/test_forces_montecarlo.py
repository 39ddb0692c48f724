"""forces.montecarlo.v1: reproducible, chunk-independent, monotone, correctly correlated."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.forces.montecarlo import STREAM_BLOCK, simulate

P = [0.8, 0.5, 0.3, 0.6, 0.1]
TROOPS = [12_000, 8_000, 5_000, 3_000, 20_000]

probabilities = st.lists(
    st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=6
)


def run(**changes: object) -> object:
    args: dict[str, object] = {
        "correlation": 0.4,
        "trials": 30_000,
        "seed": 11,
    }
    args.update(changes)
    p = args.pop("p", P)
    troops = args.pop("troops", TROOPS)
    requirement = args.pop("requirement", 20_000)
    return simulate(p, troops, requirement, **args)  # type: ignore[arg-type]


def test_same_seed_same_numbers_other_seed_other_numbers() -> None:
    a, b, c = run(), run(), run(seed=12)
    assert np.array_equal(a.histogram, b.histogram) and a.met == b.met
    assert np.array_equal(a.met_without, b.met_without)
    assert not np.array_equal(a.histogram, c.histogram)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1, max_value=5 * STREAM_BLOCK),
    st.integers(min_value=1, max_value=8 * STREAM_BLOCK),
    st.integers(min_value=0, max_value=2**32),
)
def test_chunked_trials_give_the_same_distribution(trials: int, chunk: int, seed: int) -> None:
    whole = run(trials=trials, seed=seed, chunk_trials=10**9)
    split = run(trials=trials, seed=seed, chunk_trials=chunk)
    assert np.array_equal(whole.histogram, split.histogram)
    assert np.array_equal(whole.participations, split.participations)
    assert np.array_equal(whole.met_without, split.met_without)


@settings(max_examples=30, deadline=None)
@given(
    probabilities,
    st.integers(min_value=0, max_value=60_000),
    st.integers(min_value=0, max_value=60_000),
    st.floats(min_value=0, max_value=0.95),
)
def test_raising_the_requirement_never_raises_p_met(
    p: list[float], low: int, extra: int, rho: float
) -> None:
    troops = [10_000 + 3_000 * i for i in range(len(p))]
    easy = run(p=p, troops=troops, requirement=low, correlation=rho, trials=5_000)
    hard = run(p=p, troops=troops, requirement=low + extra, correlation=rho, trials=5_000)
    assert 0.0 <= hard.p_requirement_met <= easy.p_requirement_met <= 1.0


def test_marginals_match_the_beliefs() -> None:
    sim = run(trials=200_000)
    shares = sim.participations / sim.trials
    assert np.allclose(shares, P, atol=0.005)


def test_pairs_follow_the_gaussian_copula() -> None:
    # P(both) for two p=0.5 states with latent correlation rho is 1/4 + asin(rho)/(2 pi).
    rho = 0.4
    sim = simulate([0.5, 0.5], [1, 2], 3, correlation=rho, trials=200_000, seed=3)
    expected = 0.25 + math.asin(rho) / (2 * math.pi)
    assert abs(sim.p_requirement_met - expected) < 0.005
    independent = simulate([0.5, 0.5], [1, 2], 3, correlation=0.0, trials=200_000, seed=3)
    assert abs(independent.p_requirement_met - 0.25) < 0.005


def test_certain_and_impossible_states() -> None:
    sim = simulate([1.0, 0.0], [5, 7], 5, correlation=0.5, trials=10_000, seed=1)
    assert sim.p_requirement_met == 1.0
    assert list(sim.participations) == [10_000, 0]


def test_criticality_is_a_rerun_without_the_state_on_the_same_draws() -> None:
    sim = run()
    for index in range(len(P)):
        troops = list(TROOPS)
        troops[index] = 0
        assert run(troops=troops).met == sim.met_without[index]


def test_summary_statistics_agree_with_the_histogram() -> None:
    sim = run()
    values = np.repeat(np.arange(sim.histogram.size), sim.histogram)
    assert math.isclose(sim.mean(), values.mean())
    assert sim.quantile(0.5) == int(np.quantile(values, 0.5, method="inverted_cdf"))
    assert sim.quantile(0.05) <= sim.quantile(0.5) <= sim.quantile(0.95)


def test_one_huge_chunk_equals_many_small_ones() -> None:
    # larger than the buffer of pending forces, so both histogram paths run
    whole = run(trials=150_000, chunk_trials=10**9, criticality=False)
    split = run(trials=150_000, criticality=False)
    assert np.array_equal(whole.histogram, split.histogram)
    assert int(whole.histogram.sum()) == 150_000


keyed = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.integers(min_value=0, max_value=20_000),
    ),
    min_size=2,
    max_size=6,
)


@settings(max_examples=30, deadline=None)
@given(
    keyed,
    st.integers(min_value=0, max_value=60_000),
    st.floats(min_value=0, max_value=0.9),
    st.data(),
)
def test_removing_or_zeroing_a_state_never_raises_p_met(
    states: list[tuple[float, int]], requirement: int, rho: float, data: st.DataObject
) -> None:
    """Common random numbers per state: the others' draws stay put, so P(met) cannot rise."""
    gone = data.draw(st.integers(min_value=0, max_value=len(states) - 1))
    keys = [100 + i for i in range(len(states))]
    args = {"correlation": rho, "trials": 9_000, "seed": 4, "criticality": False}
    p, troops = [s[0] for s in states], [s[1] for s in states]
    full = simulate(p, troops, requirement, keys=keys, **args)  # type: ignore[arg-type]
    rest = [i for i in range(len(states)) if i != gone]
    removed = simulate(
        [p[i] for i in rest],
        [troops[i] for i in rest],
        requirement,
        keys=[keys[i] for i in rest],
        **args,
    )  # type: ignore[arg-type]
    zeroed_p = [0.0 if i == gone else v for i, v in enumerate(p)]
    zeroed = simulate(zeroed_p, troops, requirement, keys=keys, **args)  # type: ignore[arg-type]
    assert removed.met <= full.met and zeroed.met <= full.met
    # and the others' participation is untouched by the removal
    assert list(removed.participations) == [full.participations[i] for i in rest]


def test_a_states_sizes_are_drawn_from_its_own_stream() -> None:
    sizes = [[1_000, 2_000, 3_000], [5_000, 5_000, 5_000]]
    a = simulate([0.5, 0.5], sizes, 4_000, correlation=0.3, trials=20_000, seed=2, keys=[7, 9])
    b = simulate([0.5], [sizes[0]], 4_000, correlation=0.3, trials=20_000, seed=2, keys=[7])
    assert a.troops_sent[0] == b.troops_sent[0]
    assert abs(a.troops_sent[0] / a.participations[0] - 2_000) < 50  # the mean of its sizes
