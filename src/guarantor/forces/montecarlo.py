"""``forces.montecarlo.v2``: the force that can be kept in Ukraine, as a distribution.

Each state takes part with its probability; decisions are correlated through
one common factor (a one-factor Gaussian copula: state i takes part when
``sqrt(rho) F + sqrt(1 - rho) e_i < Phi^-1(p_i)``). The sustained force of a
trial is the sum of the participants' troops. A participant's troops are one
of K equally likely values (a pledge: K equal values; an estimate: K quantiles
of what comparable states sent to earlier missions), drawn each trial.

Given F, the states decide independently with ``q_i(F) = Phi((Phi^-1(p_i) -
sqrt(rho) F) / sqrt(1 - rho))``. F is drawn from ``FACTOR_STRATA``
equal-probability strata (at their midpoints), so q is a small table computed
once and each trial needs one uniform per state for its decision.

Randomness (common random numbers per state): the trials are cut into fixed
blocks of ``STREAM_BLOCK``; in block b the common factor draws from
``SeedSequence(seed, spawn_key=(b, 0))`` and state i from
``SeedSequence(seed, spawn_key=(b, key_i))``, with ``key_i`` a stable key of
the state (its ISO code), so excluding or overriding one state never changes
another state's draws, and any chunk size gives the very same numbers.
Criticality uses the same trials with one state's troops taken out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr, ndtri

__all__ = [
    "FACTOR_STRATA",
    "RULE",
    "STREAM_BLOCK",
    "Simulation",
    "conditional_table",
    "simulate",
    "state_key",
]

RULE = "forces.montecarlo.v2"
STREAM_BLOCK = 8192
FACTOR_STRATA = 1 << 14
_EPS = 1e-12
_PENDING = 1 << 17  # trials' forces held before one bincount (1 MiB)


@dataclass(frozen=True)
class Simulation:
    """Raw Monte Carlo output; ``forces.model`` turns it into the report object."""

    requirement: int
    trials: int
    seed: int
    correlation: float
    histogram: NDArray[np.int64]  # trials with sustained force == index
    participations: NDArray[np.int64]  # per state: trials in which it took part
    troops_sent: NDArray[np.float64]  # per state: troops summed over the trials
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


@cache
def _strata_midpoints() -> NDArray[np.float64]:
    """Phi^-1 at the middle of each of the equal-probability strata of the common factor."""
    middle = (np.arange(FACTOR_STRATA) + 0.5) / FACTOR_STRATA
    grid = np.asarray(ndtri(middle), dtype=np.float64)
    grid.flags.writeable = False
    return grid


def conditional_table(p: NDArray[np.float64], rho: float) -> NDArray[np.float32]:
    """q[j, i]: P(state i takes part | common factor in stratum j)."""
    factor = _strata_midpoints()
    thresholds = ndtri(np.clip(p, _EPS, 1 - _EPS))
    scale = np.sqrt(1.0 - rho)
    q = ndtr((thresholds[None, :] - np.sqrt(rho) * factor[:, None]) / scale)
    q[:, p <= _EPS] = 0.0
    q[:, p >= 1 - _EPS] = 1.0
    return q.astype(np.float32)


def state_key(name: str) -> int:
    """A stable stream key for a state: its code's bytes as a number (never 0)."""
    return int.from_bytes(name.encode("utf-8")[:12], "big") + 1


class _Chunk:
    """Buffers reused across chunks so memory stays at one chunk's worth."""

    def __init__(self, rows: int, states: int) -> None:
        self.uniform = np.empty((rows, states), dtype=np.float32)
        self.size_draw = np.empty((rows, states), dtype=np.float32)
        self.limit = np.empty((rows, states), dtype=np.float32)
        self.part = np.empty((rows, states), dtype=np.float32)
        self.stratum = np.empty(rows, dtype=np.int64)


def _draw(chunk: _Chunk, seed: int, keys: Sequence[int], trials: int, first: int) -> int:
    """Fill the chunk from blocks ``first``, ``first + 1``...; returns the rows filled."""
    rows = 0
    for block in range(first, first + chunk.uniform.shape[0] // STREAM_BLOCK):
        n = min(STREAM_BLOCK, trials - block * STREAM_BLOCK)
        if n <= 0:
            break
        common = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block, 0)))
        chunk.stratum[rows : rows + n] = common.integers(0, FACTOR_STRATA, size=n)
        for column, key in enumerate(keys):
            own = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block, key)))
            chunk.uniform[rows : rows + n, column] = own.random(n, dtype=np.float32)
            chunk.size_draw[rows : rows + n, column] = own.random(n, dtype=np.float32)
        rows += n
    return rows


def _participate(chunk: _Chunk, rows: int, table: NDArray[np.float32]) -> None:
    """part[t, i] = 1.0 when state i takes part in trial t."""
    np.take(table, chunk.stratum[:rows], axis=0, out=chunk.limit[:rows], mode="clip")
    np.less(chunk.uniform[:rows], chunk.limit[:rows], out=chunk.part[:rows])


def _amounts(chunk: _Chunk, rows: int, sizes: NDArray[np.float32]) -> NDArray[np.float32]:
    """troops[t, i]: the size state i would send in trial t (one of its K values)."""
    k = sizes.shape[1]
    index = np.minimum((chunk.size_draw[:rows] * k).astype(np.int64), k - 1)
    return (
        np.take_along_axis(sizes.T, index, axis=0)
        if k > 1
        else np.broadcast_to(sizes[:, 0], (rows, sizes.shape[0]))
    )


def _lost_if_removed(
    part: NDArray[np.float32], force: NDArray[np.float32], troops: NDArray[np.float32], req: int
) -> NDArray[np.int64]:
    """Per state: met trials that fall short once its troops are taken out."""
    slack = force - np.float32(req)
    near = (slack >= 0) & (slack < troops.max(initial=0))
    if not near.any():
        return np.zeros(troops.shape[1], dtype=np.int64)
    short = (slack[near, None] < troops[near]).astype(np.float32)
    short *= part[near]  # 1.0 where the state took part and the rest fall short
    counts = np.ones(short.shape[0], dtype=np.float32) @ short
    return np.rint(counts).astype(np.int64)


class _Tally:
    """What the trials add up to, accumulated chunk by chunk."""

    def __init__(self, sizes: NDArray[np.float32], requirement: int, criticality: bool) -> None:
        states = sizes.shape[0]
        self.requirement = requirement
        self.criticality = criticality
        self.histogram = np.zeros(int(sizes.max(axis=1, initial=0).sum()) + 1, dtype=np.int64)
        self.taking_part = np.zeros(states, dtype=np.float64)
        self.sent = np.zeros(states, dtype=np.float64)
        self.lost = np.zeros(states, dtype=np.int64)
        self.met = 0
        # forces wait here so the histogram (as long as the total troops) is swept rarely
        self.pending = np.empty(_PENDING, dtype=np.int64)
        self.filled = 0

    def flush(self) -> None:
        counts = np.bincount(self.pending[: self.filled])
        self.histogram[: counts.size] += counts
        self.filled = 0

    def _record(self, force: NDArray[np.int64]) -> None:
        if self.filled + force.size > self.pending.size:
            self.flush()
        if force.size > self.pending.size:  # a chunk larger than the buffer: count it now
            counts = np.bincount(force)
            self.histogram[: counts.size] += counts
        else:
            self.pending[self.filled : self.filled + force.size] = force
            self.filled += force.size

    def add(self, part: NDArray[np.float32], troops: NDArray[np.float32]) -> None:
        sent = part * troops
        force = np.rint(sent.sum(axis=1, dtype=np.float64)).astype(np.int64)
        self._record(force)
        self.taking_part += np.ones(part.shape[0], dtype=np.float32) @ part
        self.sent += sent.sum(axis=0, dtype=np.float64)
        self.met += int(np.count_nonzero(force >= self.requirement))
        if self.criticality:
            self.lost += _lost_if_removed(
                part, force.astype(np.float32), np.ascontiguousarray(troops), self.requirement
            )


Troops = Sequence[int] | Sequence[Sequence[int]] | NDArray[np.int64]


def _sizes(troops: Troops) -> NDArray[np.float32]:
    """Troops as a (states, K) table of equally likely sizes (1-D input: K = 1)."""
    size = np.asarray(troops, dtype=np.float64)
    if size.ndim == 1:
        size = size[:, None]
    if size.ndim != 2 or (size < 0).any():
        raise ValueError("troops must be 1-D, or 2-D (states x equally likely sizes), >= 0")
    return np.rint(size).astype(np.float32)


def simulate(
    p_participate: Sequence[float] | NDArray[np.float64],
    troops: Troops,
    requirement: int,
    *,
    correlation: float,
    trials: int,
    seed: int,
    chunk_trials: int = STREAM_BLOCK,
    criticality: bool = True,
    keys: Sequence[int] | None = None,
) -> Simulation:
    """Run the Monte Carlo; memory is O(chunk_trials x states), results independent of it.

    ``keys`` name each state's random stream (default 1, 2, ...): pass
    ``state_key(iso3)`` so a state's draws do not depend on who else is listed.
    """
    p = np.clip(np.asarray(p_participate, dtype=np.float64), 0.0, 1.0)
    sizes = _sizes(troops)
    if p.ndim != 1 or p.shape[0] != sizes.shape[0]:
        raise ValueError("p_participate and troops must list the same states")
    if not 0.0 <= correlation < 1.0:
        raise ValueError(f"correlation must be in [0, 1), got {correlation}")
    streams = list(keys) if keys is not None else list(range(1, p.size + 1))
    if len(streams) != p.size or len(set(streams)) != p.size or 0 in streams:
        raise ValueError("keys must be distinct, non-zero and one per state")
    blocks = -(-trials // STREAM_BLOCK)
    per_chunk = max(1, -(-chunk_trials // STREAM_BLOCK))
    chunk = _Chunk(min(per_chunk, blocks) * STREAM_BLOCK, p.size)
    table = conditional_table(p, correlation)
    tally = _Tally(sizes, requirement, criticality)
    for first in range(0, blocks, per_chunk):
        rows = _draw(chunk, seed, streams, trials, first)
        _participate(chunk, rows, table)
        tally.add(chunk.part[:rows], _amounts(chunk, rows, sizes))
    tally.flush()
    return Simulation(
        requirement=requirement,
        trials=trials,
        seed=seed,
        correlation=correlation,
        histogram=tally.histogram,
        participations=np.rint(tally.taking_part).astype(np.int64),
        troops_sent=tally.sent,
        met_without=(tally.met - tally.lost) if criticality else None,
        met=tally.met,
    )
