"""Killing an ingest mid-batch (SIGKILL) leaves a consistent store; a re-run completes it.

Two runs of the same check: the real ``guarantor ingest`` command, and the
library with a stand-in extractor that gives each document two positions, so
"no document without its positions" is tested with positions present.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

N_ARTICLES = 2000
KILL_AFTER = 200

LIBRARY_RUN = textwrap.dedent(
    """
    import sys
    from guarantor.domain import Grade, Option, Position, Stance
    from guarantor.runs import ingest_paths
    from guarantor.settings import load_settings
    from guarantor.store import Store

    def two(doc):
        return [
            Position(document=doc.source, actor=actor, option=Option.MONITORING,
                     stance=Stance.SUPPORT, quote=doc.text[:7], start=0, end=7,
                     grade=Grade(reliability="F", credibility=6), extractor="test.two.v1")
            for actor in ("FRA", "DEU")
        ]

    settings = load_settings(commit_every=50)
    with Store.open(sys.argv[1]) as store:
        summary = ingest_paths([sys.argv[2]], store, settings=settings, extractor=two)
    print(summary.stored, summary.duplicates, summary.failed)
    """
)


def _corpus(path: Path) -> Path:
    """Distinct articles from a made-up vocabulary (so near-duplicate checks stay rare)."""
    rng = random.Random(11)
    vocab = [f"{rng.choice('bdfgklmnprstv')}{rng.randrange(10**6):x}" for _ in range(3000)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_ARTICLES):
            body = " ".join(rng.choices(vocab, k=150))
            out.write(json.dumps({"text": f"Article {i}. {body}", "outlet": "Reuters"}) + "\n")
    return path


def _command(kind: str, db: Path, feed: Path, script: Path) -> list[str]:
    if kind == "cli":
        # --no-extract: this checks the store's atomicity, not the (evolving) extractor's speed
        return [
            *(sys.executable, "-m", "guarantor", "--db", f"sqlite:///{db}"),
            *("ingest", "--no-extract", str(feed)),
        ]
    script.write_text(LIBRARY_RUN, encoding="utf-8")
    return [sys.executable, str(script), f"sqlite:///{db}", str(feed)]


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()


def _check_consistent(db: Path, positions_each: int) -> int:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        half = con.execute(
            "SELECT count(*) FROM documents WHERE cluster_id IS NULL OR n_chars != length(text)"
        ).fetchone()[0]
        bands = con.execute(
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM document_bands b "
            "WHERE b.document_id = d.id) != 16"
        ).fetchone()[0]
        wrong_positions = con.execute(
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM positions p "
            "WHERE p.document_id = d.id) != ?",
            (positions_each,),
        ).fetchone()[0]
    assert (half, bands, wrong_positions) == (0, 0, 0)
    return int(n_docs)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["cli", "library"])
def test_kill_mid_batch_then_rerun(kind: str, tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    feed = _corpus(tmp_path / "big.jsonl")
    command = _command(kind, db, feed, tmp_path / "run.py")
    env = {**os.environ, "GUARANTOR_COMMIT_EVERY": "50"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < KILL_AFTER and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    _out, err = process.communicate()
    assert process.returncode == -signal.SIGKILL, f"ingest ended before the kill: {err[-2000:]!r}"

    positions_each = 2 if kind == "library" else 0
    kept = _check_consistent(db, positions_each)
    assert KILL_AFTER <= kept < N_ARTICLES, f"{kept} stored before the kill; {err[-2000:]!r}"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _check_consistent(db, positions_each) == N_ARTICLES
    with sqlite3.connect(db) as con:
        distinct = con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0]
        killed, last = con.execute(
            "SELECT status, stored, duplicates FROM ingest_runs ORDER BY id"
        ).fetchall()
    assert distinct == N_ARTICLES
    assert last == ("done", N_ARTICLES - kept, kept)
    assert killed[0] == "interrupted"  # the re-run found the killed run's process gone
