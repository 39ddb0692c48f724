"""Response simulation against a bare SimPy loop with the same number of events.

The simulation (10,000 replications of a strike on the reassurance force under
the us_backstop design, every guarantor of the bundled registry, NATO members
included through Article 4/5) is timed; a counting pass gives the events it
schedules. The baseline, in the same run (turn about with it), creates as many environments and
processes, each process yielding plain timeouts, so it schedules the same number of
events with no model logic. Target: the simulation's event rate is at least half
of the bare loop's.

    python -m benchmarks response [--replications N] [--repeat R] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Generator
from typing import Any

import numpy as np
import simpy

from guarantor.beliefs import default_scenario, evidence_from_ledger, independent_sources
from guarantor.registry import load_registry
from guarantor.response import pick_attack, pick_design, plan_response, run_replications
from guarantor.response.plan import Plan

TARGET = 0.5


class CountingEnvironment(simpy.Environment):
    """An environment that counts the events it schedules and the processes started."""

    scheduled = 0
    processes = 0

    def schedule(self, event: Any, priority: int = 1, delay: float = 0) -> None:
        CountingEnvironment.scheduled += 1
        super().schedule(event, priority, delay)

    def process(self, generator: Any) -> simpy.Process:
        CountingEnvironment.processes += 1
        return super().process(generator)


def _best_interleaved(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best time of each, run turn about: a busy shared machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def _bare(
    replications: int,
    processes: int,
    timeouts: int,
    horizon: float,
    environment: Callable[[], simpy.Environment] = simpy.Environment,
) -> None:
    """The same environments, processes and scheduled events, doing nothing else.

    Each process schedules its start and its end and yields its share of the timeouts.
    """
    share = np.diff(np.linspace(0, timeouts, processes + 1).round().astype(int)).tolist()
    per_rep = np.diff(np.linspace(0, processes, replications + 1).round().astype(int)).tolist()
    most = max(share, default=0)
    step = horizon / (most + 1)
    delays = (np.random.default_rng(0).random(most) * step).tolist()

    def walker(env: simpy.Environment, count: int) -> Generator[simpy.Event, object, None]:
        for delay in delays[:count]:
            yield env.timeout(delay)

    shares = iter(share)
    for r in range(replications):
        env = environment()
        for _ in range(per_rep[r]):
            env.process(walker(env, next(shares)))
        env.run(until=horizon)


def _plan() -> Plan:
    registry = load_registry()
    scenario = default_scenario()
    evidence = independent_sources(evidence_from_ledger(registry.ledger))
    attack = pick_attack(scenario, "strike_on_force")
    return plan_response(registry, evidence, scenario, attack, pick_design(scenario, "us_backstop"))


def measure(replications: int, repeat: int) -> dict[str, Any]:
    plan = _plan()
    seed = plan.scenario.seed
    CountingEnvironment.scheduled = CountingEnvironment.processes = 0
    run_replications(plan, np.random.default_rng(seed), replications, CountingEnvironment)
    events, processes = CountingEnvironment.scheduled, CountingEnvironment.processes
    timeouts = events - 2 * processes  # what is left after each process's start and end
    horizon = plan.scenario.response.horizon_h
    sim_s, bare_s = _best_interleaved(
        lambda: run_replications(plan, np.random.default_rng(seed), replications),
        lambda: _bare(replications, processes, timeouts, horizon),
        repeat,
    )
    bare_events = _count_bare(replications, processes, timeouts, horizon)
    sim_rate, bare_rate = events / sim_s, bare_events / bare_s
    return {
        "replications": replications,
        "guarantors": len(plan.actors),
        "events": events,
        "bare_events": bare_events,
        "processes": processes,
        "simulation_s": round(sim_s, 3),
        "bare_loop_s": round(bare_s, 3),
        "replications_per_s": round(replications / sim_s, 1),
        "events_per_s": round(sim_rate),
        "bare_events_per_s": round(bare_rate),
        "ratio_vs_bare": round(sim_rate / bare_rate, 3),
        "target": TARGET,
    }


def _count_bare(replications: int, processes: int, timeouts: int, horizon: float) -> int:
    """Events the bare loop schedules (should match the simulation's within a few)."""
    CountingEnvironment.scheduled = 0
    _bare(replications, processes, timeouts, horizon, CountingEnvironment)
    return CountingEnvironment.scheduled


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks response")
    parser.add_argument("--replications", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure(args.replications, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")
    return 0 if result["ratio_vs_bare"] >= TARGET else 1
