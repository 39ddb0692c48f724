"""Extraction throughput on a local Dask cluster: 1 worker against 2, in the same run.

Generates N articles (default 1,000; the issue's figure is 100,000, ``--articles
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

Baseline: the same cluster with 1 worker. The speed-up is seconds(1) / seconds(2);
the target is 1.7 on 2 cores. The machine's load average is printed before each run:
on a shared machine, another job's CPU time comes out of the speed-up.

    python -m benchmarks scale [--articles N] [--extractor NAME] [--workers 1,2]
        [--chunk-chars C] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from typing import Any

from benchmarks.extract_bench import seed_texts
from guarantor.extract import HYBRID_NAME
from guarantor.ingest.raw import RawArticle
from guarantor.scale.cluster import connect
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
        started = time.perf_counter()
        futures = [
            client.submit(extract_chunk, chunk, spec.plugin_name, settings.max_document_chars)
            for chunk in work
        ]
        results = client.gather(futures)
        seconds = time.perf_counter() - started
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
    }


def measure(n: int, extractor: str, sizes: list[int], chunk_chars: int) -> dict[str, Any]:
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
    if len(runs) >= 2:
        result["speedup"] = round(runs[0]["seconds"] / runs[1]["seconds"], 2)
        result["target_speedup"] = TARGET_SPEEDUP
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--extractor", default=HYBRID_NAME)
    parser.add_argument("--workers", default="1,2", help="cluster sizes, comma-separated")
    parser.add_argument(
        "--chunk-chars", type=int, default=None, help="default: the chunk_chars setting"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.workers.split(",")]
    chunk_chars = args.chunk_chars or load_settings().chunk_chars
    result = measure(args.articles, args.extractor, sizes, chunk_chars)
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
            f"load average before {r['load_average_before']}"
        )
    if "speedup" in result:
        print(f"speed-up {result['speedup']:.2f} (target {TARGET_SPEEDUP})")
    return 0
