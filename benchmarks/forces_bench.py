"""Force-generation Monte Carlo against raw NumPy uniforms, measured in the same run.

The simulation (1,000,000 trials x every state of the bundled registry, each
with its ground-troops belief, with criticality) is timed against drawing the same number of
uniforms with ``Generator.random`` in chunks of the same size (float64, the
default, and float32, the type the simulation draws). Target: within 3x of
the raw draws. Peak traced memory shows that chunking bounds it: it does not
grow with the number of trials.

Second figure: the belief runs of one assessment (ground troops for every state
with and without a US backstop, then every response design's guarantors) over
the bundled ledger plus ``--positions`` synthetic statements, from the plain
evidence list (each run groups and scores it all again: the baseline) and from
one ``EvidenceIndex`` (grouped once, each belief remembered per what it reads
of the scenario), in the same run; the beliefs must be equal. Measured on 2
shared cores with 100,250 statements: plain list 4.2-5.0 s, index 2.2 s
(the code before the index: 5.1 s); ``guarantor assess`` on a store of 100,000
positions: 37.8 s wall / 29.2 s CPU before, 26.6 s / 24.6 s after.

    python -m benchmarks forces [--trials N] [--repeat R] [--positions P] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from guarantor.beliefs import default_scenario, evidence_from_ledger, independent_sources
from guarantor.beliefs.index import EvidenceIndex
from guarantor.domain import Grade, Option, Stance
from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.scenario import Scenario
from guarantor.forces import contributors_for, simulate
from guarantor.forces.generation import participation_beliefs
from guarantor.registry import Registry, load_registry
from guarantor.response.plan import plan_response
from guarantor.response.report import pick_attack

CHUNK = 8192  # the default scenario's chunk_trials: buffers stay in cache
WARMUP = 10_000


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _raw_uniforms(trials: int, states: int, dtype: type[np.floating[Any]]) -> None:
    rng = np.random.default_rng(1)
    buffer = np.empty((CHUNK, states), dtype=dtype)
    for first in range(0, trials, CHUNK):
        rows = min(CHUNK, trials - first)
        rng.random(dtype=dtype, out=buffer[:rows])


def _peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def measure(trials: int, repeat: int) -> dict[str, Any]:
    registry = load_registry()
    base = default_scenario()
    every_state = base.forces.model_copy(update={"excluded": (), "candidates": "all"})
    scenario = base.model_copy(update={"forces": every_state})
    evidence = independent_sources(evidence_from_ledger(registry.ledger))
    found = contributors_for(registry, evidence, scenario)
    p = np.array([c.p_participate for c in found])
    troops = np.array([c.troops for c in found])

    def run(n: int) -> object:
        return simulate(
            p,
            troops,
            scenario.requirement,
            correlation=scenario.correlation,
            trials=n,
            seed=scenario.seed,
            chunk_trials=CHUNK,
        )

    run(WARMUP)  # first touch of buffers and code paths
    sim_s = _best(lambda: run(trials), repeat)
    raw64_s = _best(lambda: _raw_uniforms(trials, len(found), np.float64), repeat)
    raw32_s = _best(lambda: _raw_uniforms(trials, len(found), np.float32), repeat)
    return {
        "benchmark": "forces.montecarlo.v1 vs raw NumPy uniforms",
        "trials": trials,
        "states": len(found),
        "chunk_trials": CHUNK,
        "warmup_trials": WARMUP,
        "simulation_s": round(sim_s, 3),
        "raw_uniforms_float64_s": round(raw64_s, 3),
        "raw_uniforms_float32_s": round(raw32_s, 3),
        "ratio_vs_float64": round(sim_s / raw64_s, 2),
        "ratio_vs_float32": round(sim_s / raw32_s, 2),
        "target_ratio": 3.0,
        "trials_per_s": round(trials / sim_s),
        "peak_mb_at_trials": round(_peak_mb(lambda: run(trials)), 1),
        "peak_mb_at_trials_div_10": round(_peak_mb(lambda: run(max(trials // 10, 1))), 1),
        "unchunked_matrix_mb": round(trials * len(found) * 4 * 3 / 2**20, 1),
    }


def synthetic(registry: Registry, positions: int, seed: int = 2025) -> list[Evidence]:
    """``positions`` statements on the registry's states, like the web benchmark's store."""
    rng = np.random.default_rng(seed)
    states = sorted(s.iso3 for s in registry.states)
    options, stances = list(Option)[:6], list(Stance)
    grades = [Grade.parse(code) for code in ("A2", "B2", "B3", "C3", "D4", "F6")]
    first = date(2024, 1, 1)
    return [
        Evidence(
            actor=states[int(rng.integers(len(states)))],
            option=options[int(rng.integers(len(options)))],
            stance=stances[int(rng.integers(len(stances)))],
            grade=grades[int(rng.integers(len(grades)))],
            stated_on=first + timedelta(days=int(rng.integers(730))),
            source_key=f"outlet:outlet{int(rng.integers(12))}",
            provenance=Provenance(kind="store", ref=f"bench://{n // 50}", text="synthetic"),
        )
        for n in range(positions)
    ]


def assessment_beliefs(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario
) -> list[object]:
    """The belief runs ``guarantor assess`` makes: two force runs, one per design."""
    found: list[object] = []
    for backstop in (0.0, 1.0):
        found.append(
            participation_beliefs(
                registry, evidence, scenario.with_conditions(us_backstop=backstop)
            )
        )
    attack = pick_attack(scenario, None)
    for design in scenario.response.designs:
        found.append(plan_response(registry, evidence, scenario, attack, design).actors)
    return found


def measure_beliefs(positions: int) -> dict[str, Any]:
    registry = load_registry()
    scenario = default_scenario()
    evidence = independent_sources(evidence_from_ledger(registry.ledger))
    evidence += synthetic(registry, positions)
    start = time.perf_counter()
    plain = assessment_beliefs(registry, evidence, scenario)
    plain_s = time.perf_counter() - start
    start = time.perf_counter()
    index = EvidenceIndex(evidence)
    indexed = assessment_beliefs(registry, index, scenario)
    indexed_s = time.perf_counter() - start
    return {
        "belief_runs": len(plain),
        "evidence": len(evidence),
        "beliefs_plain_list_s": round(plain_s, 2),
        "beliefs_evidence_index_s": round(indexed_s, 2),
        "beliefs_speedup": round(plain_s / indexed_s, 2),
        "beliefs_equal": plain == indexed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks forces", description=__doc__)
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--positions", type=int, default=100_000, help="for the belief runs")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    result = measure(args.trials, args.repeat) | measure_beliefs(args.positions)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for key, value in result.items():
        print(f"{key:28} {value}")
    ok = result["ratio_vs_float32"] <= result["target_ratio"]
    print(f"{'within target':28} {'yes' if ok else 'no'}")
    return 0 if result["beliefs_equal"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
