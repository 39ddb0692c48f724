"""Ingest throughput into SQLite against a raw-insert baseline, measured in the same run.

Generates N articles (default 100,000; about 3 KB each, 5% syndicated
near-copies, 1% exact repeats) as JSON Lines, ingests them into a fresh
SQLite store with ``guarantor.runs.ingest_paths`` and reports documents/s,
MB/s and resident memory at 10%, 50% and 100% of the corpus: memory must stay
flat because articles are streamed and commits batched.

Baseline ("raw insert"): the same JSONL parsed line by line, each text
sha256-hashed and inserted with plain ``sqlite3`` ``executemany`` into a
table with a unique hash, in batches of the same size. Ingest does far more
per document (normalisation, metadata, language, MinHash near-duplicate
lookup, outlet resolution, savepoints), so the ratio says what that costs.

The extractor is off by default (``--extract`` turns on the project's
extractor, ``guarantor.extract.extract_document``); the output says which.

    python -m benchmarks ingest [--n N] [--extract] [--largest] [--commit-every K] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from guarantor.runs import ingest_paths, store_extractor
from guarantor.settings import load_settings
from guarantor.store import Store

CHECKPOINTS = (0.1, 0.5, 1.0)
WORDS_PER_ARTICLE = 450
OUTLETS = ("Reuters", "AP", "BBC", "Le Monde", "TASS", "Právo Daily", "vsedelo.com", None)


def generate(path: Path, n: int, seed: int = 2025) -> int:
    """Write ``n`` articles as JSONL, streamed; returns the file size in bytes."""
    rng = random.Random(seed)
    syllables = [
        "ka",
        "ro",
        "mi",
        "te",
        "su",
        "na",
        "lo",
        "vi",
        "de",
        "pa",
        "gu",
        "ar",
        "an",
        "tor",
        "sec",
        "ur",
        "it",
        "for",
        "ce",
        "ob",
    ]
    vocab = ["".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(20_000)]
    previous: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            roll = rng.random()
            if previous and roll < 0.01:  # an exact repeat
                text = previous[-1]
            elif previous and roll < 0.06:  # a syndicated copy with a new first line
                text = f"By Staff, {rng.choice(OUTLETS[:4])}\n\n{previous[-1]}"
            else:
                paragraphs = [
                    " ".join(rng.choices(vocab, k=WORDS_PER_ARTICLE // 5)) + "." for _ in range(5)
                ]
                text = f"Headline number {i}\n\n" + "\n\n".join(paragraphs)
                previous = [text]
            record: dict[str, Any] = {"text": text, "url": f"https://example.org/a/{i}"}
            outlet = rng.choice(OUTLETS)
            if outlet:
                record["outlet"] = outlet
            record["published"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def run_ingest(
    feed: Path, db: Path, n: int, *, extract: bool, commit_every: int
) -> list[dict[str, Any]]:
    """Ingest ``feed``; a row of figures at each checkpoint share of the input's bytes."""
    size = feed.stat().st_size
    marks = [int(size * share) for share in CHECKPOINTS]
    rows: list[dict[str, Any]] = []
    seen = {"bytes": 0, "lines": 0}
    settings = load_settings(commit_every=commit_every)
    with Store.open(f"sqlite:///{db}") as store:
        extractor, name = store_extractor(store) if extract else (None, None)
        start = time.perf_counter()

        def on_bytes(count: int) -> None:
            seen["bytes"] += count
            seen["lines"] += 1
            while marks and seen["bytes"] >= marks[0]:
                marks.pop(0)
                elapsed = time.perf_counter() - start
                rows.append(_figures("ingest", seen["lines"], seen["bytes"], elapsed))

        summary = ingest_paths(
            [str(feed)],
            store,
            settings=settings,
            extractor=extractor,
            extractor_name=name,
            on_bytes=on_bytes,
        )
        clusters = store.counts()["clusters"]  # syndicated copies joined to their original
    rows[-1].update(
        stored=summary.stored,
        duplicates=summary.duplicates,
        failed=summary.failed,
        clusters=clusters,
    )
    rows[-1]["elapsed_s"] = round(time.perf_counter() - start, 2)
    return rows


def _figures(stage: str, docs: int, done_bytes: int, elapsed: float) -> dict[str, Any]:
    return {
        "stage": stage,
        "documents": docs,
        "elapsed_s": round(elapsed, 2),
        "docs_per_s": round(docs / elapsed, 1) if elapsed else None,
        "mb_per_s": round(done_bytes / 2**20 / elapsed, 2) if elapsed else None,
        "rss_mb": round(_rss_mb(), 1),
    }


def run_baseline(feed: Path, db: Path, batch: int) -> dict[str, Any]:
    """Raw insert baseline: parse, hash and executemany into plain sqlite3."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE docs (hash TEXT UNIQUE, text TEXT NOT NULL)")
    start = time.perf_counter()
    pending: list[tuple[str, str]] = []
    count = 0
    with feed.open("rb") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            pending.append((hashlib.sha256(text.encode()).hexdigest(), text))
            count += 1
            if len(pending) >= batch:
                con.executemany("INSERT OR IGNORE INTO docs VALUES (?, ?)", pending)
                con.commit()
                pending.clear()
    con.executemany("INSERT OR IGNORE INTO docs VALUES (?, ?)", pending)
    con.commit()
    con.close()
    return _figures("raw insert baseline", count, feed.stat().st_size, time.perf_counter() - start)


LARGEST_SHAPES = {
    # the longest document ingest accepts (max_document_chars), in three shapes
    "prose": "Poland said on Monday it would send troops to Ukraine once a ceasefire holds. ",
    "one long line": "Poland said it would send troops to Ukraine, ",
    "one long word": "A",
}


def run_largest(folder: Path, extract: bool) -> list[dict[str, Any]]:
    """Time and peak memory of ingesting one document of the largest accepted length."""
    settings = load_settings(commit_every=1)
    limit = settings.max_document_chars
    rows = []
    for name, unit in LARGEST_SHAPES.items():
        path = folder / f"largest-{name.replace(' ', '-')}.txt"
        text = (unit * (limit // len(unit) + 1))[: limit - 1]
        if name == "prose":  # paragraphs, as an official text has them
            text = text.replace("holds. Poland", "holds.\n\nPoland", 20_000)[: limit - 1]
        path.write_text(text, encoding="utf-8")
        process = psutil.Process()
        before = process.memory_info().rss
        with Store.open(f"sqlite:///{folder / f'largest-{len(rows)}.db'}") as store:
            extractor, extractor_name = store_extractor(store) if extract else (None, None)
            peak = _Peak(process)
            start = time.perf_counter()
            with peak:
                summary = ingest_paths(
                    [str(path)],
                    store,
                    settings=settings,
                    extractor=extractor,
                    extractor_name=extractor_name,
                )
            elapsed = time.perf_counter() - start
        rows.append(
            {
                "shape": name,
                "chars": len(text),
                "stored": summary.stored,
                "elapsed_s": round(elapsed, 2),
                "peak_rss_over_start_mb": round((peak.peak - before) / 2**20, 1),
            }
        )
    return rows


class _Peak:
    """Samples the process's resident memory every 20 ms while the block runs."""

    def __init__(self, process: psutil.Process) -> None:
        self.process = process
        self.peak = process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self) -> _Peak:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks ingest", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--extract", action="store_true", help="run the project's extractor too")
    parser.add_argument("--commit-every", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--largest",
        action="store_true",
        help="also time one document of the largest accepted length (max_document_chars)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guarantor-bench-") as tmp:
        folder = Path(tmp)
        feed = folder / "articles.jsonl"
        size = generate(feed, args.n)
        rows = run_ingest(
            feed, folder / "ingest.db", args.n, extract=args.extract, commit_every=args.commit_every
        )
        baseline = run_baseline(feed, folder / "baseline.db", args.commit_every)
        largest = run_largest(folder, args.extract) if args.largest else []
    ratio = baseline["docs_per_s"] / rows[-1]["docs_per_s"]
    report = {
        "articles": args.n,
        "corpus_mb": round(size / 2**20, 1),
        "extractor": "extract_document" if args.extract else "off",
        "checkpoints": rows,
        "baseline": baseline,
        "baseline_over_ingest": round(ratio, 1),
        "largest_document": largest,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    _print(report)
    return 0


def _print(report: dict[str, Any]) -> None:
    print(
        f"ingest of {report['articles']} generated articles ({report['corpus_mb']} MB JSONL) "
        f"into SQLite; extractor: {report['extractor']}"
    )
    print(f"{'stage':<22}{'docs':>9}{'secs':>9}{'docs/s':>9}{'MB/s':>8}{'RSS MB':>9}")
    for row in [*report["checkpoints"], report["baseline"]]:
        print(
            f"{row['stage']:<22}{row['documents']:>9}{row['elapsed_s']:>9}"
            f"{row['docs_per_s']:>9}{row['mb_per_s']:>8}{row['rss_mb']:>9}"
        )
    last = report["checkpoints"][-1]
    print(
        f"stored {last['stored']} in {last['clusters']} near-duplicate clusters, "
        f"duplicates {last['duplicates']}, failed {last['failed']}; "
        f"the raw insert baseline is {report['baseline_over_ingest']}x faster than ingest"
    )
    for row in report["largest_document"]:
        print(
            f"largest document ({row['shape']}, {row['chars']:,} chars): "
            f"{row['elapsed_s']} s, peak RSS {row['peak_rss_over_start_mb']} MB over the start"
        )
