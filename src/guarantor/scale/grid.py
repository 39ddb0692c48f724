"""Scenario sweeps: a grid of scenario changes, each point run through forces, response and
costs with a seed of its own.

A point's seed comes from the sweep's seed and the point's index in the grid alone
(``numpy.random.SeedSequence(seed, spawn_key=(index,))``, the child ``spawn`` would
give), never from which worker runs it or when, so a sweep gives the same numbers on
one core or a cluster. Everything here runs without Dask; ``scale.sweep`` fans the
same ``run_point`` out on a cluster.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import yaml

from guarantor.beliefs.scenarios import scenario_from_data
from guarantor.costs import run_costs
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.errors import UsageError
from guarantor.forces import run_forces
from guarantor.registry import Registry
from guarantor.response import simulate_response

__all__ = [
    "MAX_POINTS",
    "Point",
    "Sweep",
    "World",
    "parse_vary",
    "point_seed",
    "points_of",
    "result_json",
    "run_point",
    "run_serial",
]

MAX_POINTS = 1_000_000  # a grid beyond this is a typo in a range, not a plan


@dataclass(frozen=True)
class World:
    """What every point reads: the registry and the evidence (loaded once, shipped once)."""

    registry: Registry
    evidence: list[Evidence]


@dataclass(frozen=True)
class Point:
    """One grid point: its index, the values it sets, and the scenario they give."""

    index: int
    values: dict[str, Any]
    seed: int
    scenario: Scenario


@dataclass(frozen=True)
class Sweep:
    """The grid's axes in the order given, the sweep's seed and the runs' sizes."""

    axes: dict[str, list[Any]]
    seed: int
    trials: int
    replications: int


def parse_vary(spec: str) -> tuple[str, list[Any]]:
    """``key=start:stop:step`` (stop included when reached) or ``key=a,b,c`` -> key, values."""
    key, sep, given = spec.partition("=")
    key, given = key.strip(), given.strip()
    if not sep or not key or not given:
        raise UsageError(
            f"--vary {spec!r}: expected KEY=START:STOP:STEP or KEY=A,B,C "
            "(e.g. requirement=10000:100000:10000, conditions.us_backstop=true,false)"
        )
    if ":" in given:
        return key, _range(spec, given)
    return key, [_scalar(part.strip()) for part in given.split(",") if part.strip()]


def _range(spec: str, given: str) -> list[Any]:
    parts = [_scalar(p.strip()) for p in given.split(":")]
    numeric = all(isinstance(p, int | float) and not isinstance(p, bool) for p in parts)
    if len(parts) != 3 or not numeric:
        raise UsageError(f"--vary {spec!r}: a range is START:STOP:STEP, three numbers")
    start, stop, step = parts
    if step == 0 or (stop - start) * step < 0:
        raise UsageError(f"--vary {spec!r}: STEP {step} never gets from {start} to {stop}")
    count = math.floor((stop - start) / step + 1e-9) + 1
    if count > MAX_POINTS:
        raise UsageError(f"--vary {spec!r}: {count:,} values, over {MAX_POINTS:,}")
    integral = all(isinstance(p, int) for p in parts)
    return [start + i * step if integral else round(start + i * step, 12) for i in range(count)]


def _scalar(text: str) -> Any:
    """A value as YAML reads it: true/false, numbers, or text."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def point_seed(sweep_seed: int, index: int) -> int:
    """The seed of point ``index``: a child of the sweep's SeedSequence keyed by the index."""
    child = np.random.SeedSequence(sweep_seed, spawn_key=(index,))
    return int(child.generate_state(1, dtype=np.uint32)[0])


def points_of(base: Scenario, sweep: Sweep) -> list[Point]:
    """Every combination of the axes (the last axis varies fastest), each validated."""
    combos = list(itertools.product(*sweep.axes.values()))
    if len(combos) > MAX_POINTS:
        raise UsageError(f"the grid has {len(combos):,} points, over {MAX_POINTS:,}")
    data = base.model_dump()
    points = []
    for index, combo in enumerate(combos):
        values = dict(zip(sweep.axes, combo, strict=True))
        seed = point_seed(sweep.seed, index)
        changed = {"trials": sweep.trials, "seed": seed}
        points.append(Point(index, values, seed, _apply(data, {**values, **changed})))
    return points


def _apply(data: dict[str, Any], values: dict[str, Any]) -> Scenario:
    changed: Any = copy.deepcopy(data)
    for key, value in values.items():
        *parents, last = key.split(".")
        node: Any = changed
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                break
        if not isinstance(node, dict) or last not in node:
            raise UsageError(
                f"--vary {key}: the scenario has no parameter {key!r} "
                "(`guarantor scenario show --format json` lists them, dotted)"
            )
        node[last] = value
    return scenario_from_data(changed, "--vary")


def run_point(point: Point, world: World, replications: int) -> dict[str, Any]:
    """Forces, response to the scenario's first attack, and costs for one point."""
    scenario = point.scenario
    forces = run_forces(world.registry, world.evidence, scenario, sensitivity=False)
    costs = run_costs(world.registry, forces, scenario)
    response = simulate_response(
        world.registry, world.evidence, scenario, replications=replications, seed=point.seed
    )
    force = forces.sustained_force
    return {
        "point": point.index,
        **point.values,
        "seed": point.seed,
        "p_requirement_met": forces.p_requirement_met,
        "force_mean": force.mean,
        "force_p5": force.p5,
        "force_p50": force.p50,
        "force_p95": force.p95,
        "cost_total": costs.total,
        "cost_per_year": costs.total_per_year,
        "consult_p50_h": response.first_consultation_h.p50,
        "military_p50_h": response.first_military_response_h.p50,
        "p_no_military": response.first_military_response_h.p_never,
        **{f"acting_{k}": v for k, v in response.acting_within.items()},
    }


def run_serial(
    points: Sequence[Point],
    world: World,
    replications: int,
    on_point: Callable[[], None] | None = None,
) -> list[dict[str, Any]]:
    """Every point in this process, in index order."""
    rows = []
    for point in points:
        rows.append(run_point(point, world, replications))
        if on_point is not None:
            on_point()
    return rows


def result_json(base: Scenario, sweep: Sweep, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The sweep as one JSON object: what was varied, the seeds' origin, and each point."""
    return {
        "scenario": base.name,
        "seed": sweep.seed,
        "trials": sweep.trials,
        "replications": sweep.replications,
        "vary": sweep.axes,
        "seeds": "numpy SeedSequence(seed, spawn_key=(point,))",
        "points": list(rows),
    }
