"""``forces.montecarlo.v1``: the force that can be kept in Ukraine, as a distribution.

Each state takes part with its probability; decisions are correlated through
one common factor (a one-factor Gaussian copula: state i takes part when
``sqrt(rho) F + sqrt(1 - rho) e_i < Phi^-1(p_i)``). The sustained force of a
trial is the sum of the participants' troops.

Given F, the states decide independently with ``q_i(F) = Phi((Phi^-1(p_i) -
sqrt(rho) F) / sqrt(1 - rho))``. F is drawn from ``FACTOR_STRATA``
equal-probability strata (at their midpoints), so q is a small table computed
once and each trial needs one uniform per state: as cheap as raw uniforms.
The strata shift P(requirement met) by far less than the Monte Carlo error.

Randomness: the trials are cut into fixed blocks of ``STREAM_BLOCK``; block b
draws from the b-th child of ``SeedSequence(seed)``. Chunks (which bound
memory) are whole numbers of blocks, so any chunk size gives the very same
numbers. Criticality uses common random numbers: the same trials, with one
state's troops taken out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

__all__ = ["FACTOR_STRATA", "RULE", "STREAM_BLOCK", "Simulation", "conditional_table", "simulate"]

RULE = "forces.montecarlo.v1"
STREAM_BLOCK = 8192
FACTOR_STRATA = 1 << 14
_EPS = 1e-12
_PENDING = 1 << 17  # trials' forces held before one bincount (1 MiB)
# Abramowitz & Stegun 7.1.26: erf to 1.5e-7, vectorised (NumPy has no erf).
_AS_P = 0.3275911
_AS_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


@dataclass(frozen=True)
class Simulation:
    """Raw Monte Carlo output; ``forces.model`` turns it into the report object."""

    requirement: int
    trials: int
    seed: int
    correlation: float
    histogram: NDArray[np.int64]  # trials with sustained force == index
    participations: NDArray[np.int64]  # per state: trials in which it took part
    met_without: NDArray[np.int64] | None  # per state: trials met with it taken out
    met: int
    rule: str = RULE

    @property
    def p_requirement_met(self) -> float:
        return self.met / self.trials

    def quantile(self, q: float) -> int:
        cumulative = np.cumsum(self.histogram)
        return int(np.searchsorted(cumulative, q * self.trials, side="left"))

    def mean(self) -> float:
        values = np.arange(self.histogram.size, dtype=np.float64)
        return float(values @ self.histogram / self.trials)


def _phi(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Standard normal CDF (error below 1e-7)."""
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + _AS_P * z)
    poly = t * (_AS_A[0] + t * (_AS_A[1] + t * (_AS_A[2] + t * (_AS_A[3] + t * _AS_A[4]))))
    erf = 1.0 - poly * np.exp(-z * z)
    return 0.5 * (1.0 + np.sign(x) * erf)


@cache
def _strata_midpoints() -> NDArray[np.float64]:
    """Phi^-1 at the middle of each of the equal-probability strata of the common factor."""
    normal = NormalDist()
    middle = (np.arange(FACTOR_STRATA) + 0.5) / FACTOR_STRATA
    grid = np.array([normal.inv_cdf(float(u)) for u in middle])
    grid.flags.writeable = False
    return grid


def conditional_table(p: NDArray[np.float64], rho: float) -> NDArray[np.float32]:
    """q[j, i]: P(state i takes part | common factor in stratum j)."""
    normal = NormalDist()
    factor = _strata_midpoints()
    inner = np.clip(p, _EPS, 1 - _EPS)
    thresholds = np.array([normal.inv_cdf(float(v)) for v in inner])
    scale = np.sqrt(1.0 - rho)
    q = _phi((thresholds[None, :] - np.sqrt(rho) * factor[:, None]) / scale)
    q[:, p <= _EPS] = 0.0
    q[:, p >= 1 - _EPS] = 1.0
    return q.astype(np.float32)


class _Chunk:
    """Buffers reused across chunks so memory stays at one chunk's worth."""

    def __init__(self, rows: int, states: int) -> None:
        self.uniform = np.empty((rows, states), dtype=np.float32)
        self.limit = np.empty((rows, states), dtype=np.float32)
        self.part = np.empty((rows, states), dtype=np.float32)
        self.stratum = np.empty(rows, dtype=np.int64)


def _draw(chunk: _Chunk, seeds: Sequence[np.random.SeedSequence], trials: int, first: int) -> int:
    """Fill the chunk from blocks ``first``, ``first + 1``...; returns the rows filled."""
    rows = 0
    for block in range(first, first + chunk.uniform.shape[0] // STREAM_BLOCK):
        n = min(STREAM_BLOCK, trials - block * STREAM_BLOCK)
        if n <= 0:
            break
        rng = np.random.default_rng(seeds[block])
        chunk.stratum[rows : rows + n] = rng.integers(0, FACTOR_STRATA, size=n)
        rng.random(dtype=np.float32, out=chunk.uniform[rows : rows + n])
        rows += n
    return rows


def _participate(chunk: _Chunk, rows: int, table: NDArray[np.float32]) -> None:
    """part[t, i] = 1.0 when state i takes part in trial t."""
    np.take(table, chunk.stratum[:rows], axis=0, out=chunk.limit[:rows], mode="clip")
    np.less(chunk.uniform[:rows], chunk.limit[:rows], out=chunk.part[:rows])


def _lost_if_removed(
    part: NDArray[np.float32], force: NDArray[np.float32], troops: NDArray[np.float32], req: int
) -> NDArray[np.int64]:
    """Per state: met trials that fall short once its troops are taken out."""
    slack = force - np.float32(req)
    near = (slack >= 0) & (slack < troops.max(initial=0))
    if not near.any():
        return np.zeros(troops.size, dtype=np.int64)
    short = (slack[near, None] < troops[None, :]).astype(np.float32)
    short *= part[near]  # 1.0 where the state took part and the rest fall short
    counts = np.ones(short.shape[0], dtype=np.float32) @ short
    return np.rint(counts).astype(np.int64)


class _Tally:
    """What the trials add up to, accumulated chunk by chunk."""

    def __init__(self, troops: NDArray[np.int64], requirement: int, criticality: bool) -> None:
        self.weights = troops.astype(np.float32)
        self.requirement = requirement
        self.criticality = criticality
        self.histogram = np.zeros(int(troops.sum()) + 1, dtype=np.int64)
        self.taking_part = np.zeros(troops.size, dtype=np.float64)
        self.lost = np.zeros(troops.size, dtype=np.int64)
        self.met = 0
        # forces wait here so the histogram (as long as the total troops) is swept rarely
        self.pending = np.empty(_PENDING, dtype=np.int64)
        self.filled = 0

    def flush(self) -> None:
        counts = np.bincount(self.pending[: self.filled])
        self.histogram[: counts.size] += counts
        self.filled = 0

    def add(self, part: NDArray[np.float32]) -> None:
        force = part @ self.weights
        if self.filled + force.size > self.pending.size:
            self.flush()
        if force.size > self.pending.size:  # a chunk larger than the buffer: count it now
            counts = np.bincount(force.astype(np.int64))
            self.histogram[: counts.size] += counts
        else:
            self.pending[self.filled : self.filled + force.size] = force
            self.filled += force.size
        self.taking_part += np.ones(part.shape[0], dtype=np.float32) @ part
        self.met += int(np.count_nonzero(force >= self.requirement))
        if self.criticality:
            self.lost += _lost_if_removed(part, force, self.weights, self.requirement)


def simulate(
    p_participate: Sequence[float] | NDArray[np.float64],
    troops: Sequence[int] | NDArray[np.int64],
    requirement: int,
    *,
    correlation: float,
    trials: int,
    seed: int,
    chunk_trials: int = STREAM_BLOCK,
    criticality: bool = True,
) -> Simulation:
    """Run the Monte Carlo; memory is O(chunk_trials x states), results independent of it."""
    p = np.clip(np.asarray(p_participate, dtype=np.float64), 0.0, 1.0)
    size = np.asarray(troops, dtype=np.int64)
    if p.shape != size.shape or size.ndim != 1:
        raise ValueError("p_participate and troops must be 1-D and of the same length")
    if not 0.0 <= correlation < 1.0:
        raise ValueError(f"correlation must be in [0, 1), got {correlation}")
    blocks = -(-trials // STREAM_BLOCK)
    seeds = np.random.SeedSequence(seed).spawn(blocks)
    per_chunk = max(1, -(-chunk_trials // STREAM_BLOCK))
    chunk = _Chunk(min(per_chunk, blocks) * STREAM_BLOCK, size.size)
    table = conditional_table(p, correlation)
    tally = _Tally(size, requirement, criticality)
    for first in range(0, blocks, per_chunk):
        rows = _draw(chunk, seeds, trials, first)
        _participate(chunk, rows, table)
        tally.add(chunk.part[:rows])
    tally.flush()
    return Simulation(
        requirement=requirement,
        trials=trials,
        seed=seed,
        correlation=correlation,
        histogram=tally.histogram,
        participations=np.rint(tally.taking_part).astype(np.int64),
        met_without=(tally.met - tally.lost) if criticality else None,
        met=tally.met,
    )
