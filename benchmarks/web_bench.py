"""Dashboard load: requests/s and latency of the overview and the position board with
100,000 stored positions, the server (`guarantor serve`) in a second process on loopback.

A fresh SQLite store is filled through ``Store.add_document`` (N documents, 50
positions each, on 30 actors x 6 options x 4 stances, dated over two years, 12
outlets). The server is started as ``python -m guarantor --db URL serve`` on a free
loopback port; the first request of each page is timed apart (cold: the world is
read and the models run once per store revision), then each page is requested
``--requests`` times by ``--clients`` threads, bounded by ``--seconds``.

Baseline: the server's own static file (``/static/desk.css``), the floor any page
pays for HTTP, routing and the security headers, measured the same way in the
same run. Target: p95 < 100 ms for the overview and the board.

    python -m benchmarks web [--positions N] [--requests R] [--clients C] [--seconds S] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from guarantor.domain import Document, Grade, Option, Position, Stance
from guarantor.ingest.text import content_hash, normalise_text
from guarantor.store import Store

PER_DOCUMENT = 50
ACTORS = [
    "FRA",
    "GBR",
    "DEU",
    "POL",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "DNK",
    "SWE",
    "NOR",
    "FIN",
    "EST",
    "LVA",
    "LTU",
    "CZE",
    "SVK",
    "ROU",
    "BGR",
    "HRV",
    "PRT",
    "GRC",
    "AUT",
    "IRL",
    "CAN",
    "AUS",
    "TUR",
    "USA",
    "JPN",
    "NZL",
]
OPTIONS = list(Option)[:6]
OUTLETS = [f"outlet{i}.example" for i in range(12)]
GRADES = [Grade.parse(code) for code in ("A2", "B2", "B3", "C3", "D4", "F6")]
PAGES = ("/static/desk.css", "/overview", "/board", "/api/board")
TARGET_P95_MS = 100.0


def fill(url: str, positions: int, seed: int = 2025) -> float:
    """Store ``positions`` positions in ``positions / 50`` documents; seconds taken."""
    rng = random.Random(seed)
    start = time.perf_counter()
    first = date(2024, 1, 1)
    with Store.open(url) as store, store.batch(200):
        for number in range(positions // PER_DOCUMENT):
            day = first + timedelta(days=rng.randrange(730))
            text = f"Article {number}: statements on a reassurance force, {day.isoformat()}."
            doc = Document(
                source=f"bench://{number}",
                text=text,
                content_hash=content_hash(normalise_text(text)),
                outlet=rng.choice(OUTLETS),
                published=day,
            )
            rows = [
                Position(
                    document=doc.source,
                    actor=rng.choice(ACTORS),
                    option=rng.choice(OPTIONS),
                    stance=rng.choice(list(Stance)),
                    quote=text[:40],
                    start=0,
                    end=40,
                    stated_on=day.isoformat(),
                    grade=rng.choice(GRADES),
                    extractor="bench.v1",
                )
                for _ in range(PER_DOCUMENT)
            ]
            store.add_document(doc, rows, None)
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int, folder: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {"GUARANTOR_REGISTRY_DIR": str(folder / "registry")}
    command = [sys.executable, "-m", "guarantor", "--db", url, "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/desk.css", timeout=1)
            return server
        except httpx.TransportError:
            if server.poll() is not None:
                output = server.stderr.read().decode() if server.stderr else ""
                raise RuntimeError(f"server exited: {output[-2000:]}") from None
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("server did not start within 60 s")


def load(base: str, path: str, requests: int, clients: int, seconds: float) -> dict[str, Any]:
    """``requests`` GETs of ``path`` from ``clients`` threads, stopping at ``seconds``."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    share = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]

    def client(count: int) -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(count):
                if time.monotonic() > deadline:
                    return
                begin = time.perf_counter()
                status = http.get(path).status_code
                took = time.perf_counter() - begin
                with lock:
                    latencies.append(took)
                    failures += status != 200

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    ms = np.array(latencies) * 1000
    return {
        "path": path,
        "requests": len(latencies),
        "failed": failures,
        "per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks web", description=__doc__)
    parser.add_argument("--positions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400, help="per page")
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60.0, help="cap per page")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guarantor-web-bench-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'bench.db'}"
        filled = fill(url, args.positions)
        port = _free_port()
        server = start_server(url, port, folder)
        base = f"http://127.0.0.1:{port}"
        try:
            cold = {}
            for path in PAGES:
                begin = time.perf_counter()
                httpx.get(base + path, timeout=600).raise_for_status()
                cold[path] = round(time.perf_counter() - begin, 2)
            rows = [load(base, p, args.requests, args.clients, args.seconds) for p in PAGES]
        finally:
            server.terminate()
            server.wait(timeout=30)
    report(args, filled, cold, rows)
    pages = [r for r in rows if r["path"] in ("/overview", "/board")]
    return 0 if all(r["p95_ms"] < TARGET_P95_MS and not r["failed"] for r in pages) else 1


def report(
    args: argparse.Namespace, filled: float, cold: dict[str, float], rows: list[dict[str, Any]]
) -> None:
    floor = rows[0]
    result = {
        "positions": args.positions,
        "fill_seconds": round(filled, 1),
        "clients": args.clients,
        "cold_seconds": cold,
        "pages": rows,
        "p95_vs_static": {
            r["path"]: round(r["p95_ms"] / max(floor["p95_ms"], 0.1), 1) for r in rows[1:]
        },
        "target_p95_ms": TARGET_P95_MS,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{args.positions:,} positions stored in {filled:.1f} s; {args.clients} clients on loopback"
    )
    print(
        "first request (cold: world read + models once per store revision): "
        + ", ".join(f"{p} {s:.2f} s" for p, s in cold.items())
    )
    print(
        f"{'page':<18}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'failed':>8}"
        "  p95 vs static"
    )
    for r in rows:
        ratio = "baseline" if r is floor else f"x{r['p95_ms'] / max(floor['p95_ms'], 0.1):.1f}"
        print(
            f"{r['path']:<18}{r['per_second']:>8}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}"
            f"{r['failed']:>8}  {ratio}"
        )
    print(f"target: p95 < {TARGET_P95_MS:.0f} ms for /overview and /board")
