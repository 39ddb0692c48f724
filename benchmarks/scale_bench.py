"""Extraction throughput on a local Dask cluster: 1 worker against 2, in the same run.

Generates N articles (default 200; the issue's figure is 100,000, ``--articles
100000``, which with the hybrid extractor takes hours per run on one core): each is
8-16 sentences drawn from the seed articles (``seed_texts`` of the extract benchmark),
shuffled, plus a line of its own, so every article is distinct and has actors to find.

For each cluster size a fresh ``LocalCluster`` (processes, 1 thread each) is started
and the extractor loaded on every worker (its plugin; timed apart as ``load_s``);
then the articles are cut into chunks of ``chunk_chars`` (the setting) and each chunk
runs ``guarantor.scale.ingest.extract_chunk`` - building documents and extracting
positions, exactly what ``ingest --workers`` runs on a worker. The clock covers
submitting every chunk to gathering the last result; the store writer is not timed
(it is the serial part, measured by the ingest benchmark).

Also timed: the CPU seconds of one sweep point at the default scenario's sizes
(forces, response, costs; ``--sweep-points``, serial, in this process).

Baseline: the same cluster with 1 worker. The speed-up is seconds(1) / seconds(2);
the target is 1.7 on 2 cores. The machine's load average is printed before each run,
and the CPU time the workers got (``os.times`` in each worker, via ``client.run``):
on a shared machine another job's CPU time comes out of the speed-up, while words per
CPU second - the per-core figure docs/scale.md sizes clusters with - stays put.

    python -m benchmarks scale [--articles N] [--extractor NAME] [--workers 1,2]
        [--chunk-chars C] [--sweep-points K] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from typing import Any

from benchmarks.extract_bench import seed_texts
from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.extract import HYBRID_NAME
from guarantor.ingest.raw import RawArticle
from guarantor.runs import prepare_one
from guarantor.scale.cluster import connect
from guarantor.scale.grid import Sweep, World, points_of, run_serial
from guarantor.scale.ingest import ExtractionModel, ExtractorSpec, chunks, extract_chunk
from guarantor.scale.spec import ClusterSpec
from guarantor.settings import load_settings

TARGET_SPEEDUP = 1.7  # 2 workers against 1, on 2 cores


def generate(n: int, seed: int = 5) -> list[RawArticle]:
    """``n`` distinct articles of seed sentences in a new order each."""
    texts, _origin = seed_texts()
    sentences = [s.strip() + "." for _, text in texts for s in text.split(". ") if s.strip()]
    rng = random.Random(seed)
    return [
        RawArticle(
            source=f"generated-{i}.txt",
            text=f"Dispatch {i}.\n\n" + " ".join(rng.sample(sentences, rng.randint(8, 16))),
        )
        for i in range(n)
    ]


def run(
    articles: list[RawArticle], workers: int, spec: ExtractorSpec, chunk_chars: int
) -> dict[str, Any]:
    settings = load_settings()
    work = list(chunks(articles, chunk_chars))
    load = os.getloadavg()[0]
    with connect(ClusterSpec(workers=workers)) as client:
        started = time.perf_counter()
        client.register_plugin(ExtractionModel(spec), name=spec.plugin_name)
        loaded = time.perf_counter() - started
        client.run(_warm, spec.plugin_name, articles[0])  # first calls compile and fill caches
        cpu_before = _cpu_s(client)
        started = time.perf_counter()
        futures = [
            client.submit(extract_chunk, chunk, spec.plugin_name, settings.max_document_chars)
            for chunk in work
        ]
        results = client.gather(futures)
        seconds = time.perf_counter() - started
        cpu = _cpu_s(client) - cpu_before
    positions = sum(len(r[1]) for chunk in results for r in chunk if isinstance(r, tuple))
    words = sum(len(a.text.split()) for a in articles)
    return {
        "workers": workers,
        "load_average_before": round(load, 2),
        "load_s": round(loaded, 2),
        "seconds": round(seconds, 2),
        "chunks": len(work),
        "seconds_per_chunk_per_worker": round(seconds * workers / len(work), 3),
        "articles_per_s": round(len(articles) / seconds, 2),
        "words_per_s": round(words / seconds),
        "positions": positions,
        "worker_cpu_s": round(cpu, 2),
        "cpu_s_per_article": round(cpu / len(articles), 4),
        "words_per_cpu_s": round(words / cpu),
        "share_of_a_core_per_worker": round(cpu / (seconds * workers), 2),
    }


def _warm(plugin_name: str, article: RawArticle, dask_worker: Any) -> None:
    plugin = dask_worker.plugins[plugin_name]
    prepare_one(article, plugin.extractor, load_settings().max_document_chars)


def _process_cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def _cpu_s(client: Any) -> float:
    """CPU seconds the worker processes have used (user + system), summed."""
    return float(sum(client.run(_process_cpu_s).values()))


def sweep_point_cost(points: int) -> dict[str, Any]:
    """CPU seconds a sweep point takes at the default scenario's sizes (one core, serial)."""
    base = load_scenario(None)
    axes = {"requirement": [10_000 + 10_000 * i for i in range(points)]}
    plan = Sweep(axes, base.seed, base.trials, base.response.replications)
    registry, evidence = load_world(None)
    world = World(registry, list(evidence))
    cpu, started = time.process_time(), time.perf_counter()
    run_serial(points_of(base, plan), world, plan.replications)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - started
    return {
        "points": points,
        "trials": plan.trials,
        "replications": plan.replications,
        "cpu_s_per_point": round(cpu / points, 2),
        "wall_s_per_point": round(wall / points, 2),
    }


def measure(
    n: int, extractor: str, sizes: list[int], chunk_chars: int, sweep_points: int
) -> dict[str, Any]:
    articles = generate(n)
    spec = ExtractorSpec(extractor, load_settings().stance_threshold)
    runs = [run(articles, size, spec, chunk_chars) for size in sizes]
    result: dict[str, Any] = {
        "extractor": extractor,
        "articles": n,
        "chunk_chars": chunk_chars,
        "words": sum(len(a.text.split()) for a in articles),
        "cores": os.cpu_count(),
        "runs": runs,
    }
    result["sweep"] = sweep_point_cost(sweep_points) if sweep_points else None
    if len(runs) >= 2:
        result["speedup"] = round(runs[0]["seconds"] / runs[1]["seconds"], 2)
        result["target_speedup"] = TARGET_SPEEDUP
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--extractor", default=HYBRID_NAME)
    parser.add_argument("--workers", default="1,2", help="cluster sizes, comma-separated")
    parser.add_argument(
        "--chunk-chars", type=int, default=None, help="default: the chunk_chars setting"
    )
    parser.add_argument(
        "--sweep-points", type=int, default=3, help="sweep points timed serially (0: none)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.workers.split(",")]
    chunk_chars = args.chunk_chars or load_settings().chunk_chars
    result = measure(args.articles, args.extractor, sizes, chunk_chars, args.sweep_points)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{result['articles']:,} generated articles, {result['words']:,} words, "
        f"{result['extractor']}, {result['cores']} cores, chunks of {chunk_chars:,} characters"
    )
    for r in result["runs"]:
        print(
            f"  {r['workers']} worker(s): {r['seconds']:.1f} s, {r['articles_per_s']:.1f} "
            f"articles/s, {r['words_per_s']:,} words/s, {r['chunks']} chunks "
            f"({r['seconds_per_chunk_per_worker']:.2f} s each), load {r['load_s']:.1f} s, "
            f"load average before {r['load_average_before']}; {r['words_per_cpu_s']:,} words "
            f"per CPU second, each worker got {r['share_of_a_core_per_worker']:.0%} of a core"
        )
    if result["sweep"]:
        w = result["sweep"]
        print(
            f"sweep: {w['cpu_s_per_point']:.2f} CPU s a point ({w['trials']:,} trials, "
            f"{w['replications']:,} replications; {w['wall_s_per_point']:.2f} s wall)"
        )
    if "speedup" in result:
        print(f"speed-up {result['speedup']:.2f} (target {TARGET_SPEEDUP})")
    return 0
