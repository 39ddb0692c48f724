"""Two ingests at once finish, on SQLite and (with GUARANTOR_TEST_PG_URL) PostgreSQL.

Two processes ingest overlapping JSON Lines files (the same articles, the
second file in reverse order, each with outlets of its own) into one store at
the same time. Both must exit 0 and the store must hold exactly the documents
and positions a serial run stores: nothing lost, nothing doubled.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from guarantor.store import Store
from pgtools import fresh_pg_database

N_ARTICLES = 400

RUN = textwrap.dedent(
    """
    import sys
    from guarantor.domain import Grade, Option, Position, Stance
    from guarantor.runs import ingest_paths
    from guarantor.settings import load_settings
    from guarantor.store import Store

    def one(doc):
        return [Position(document=doc.source, actor="FRA", option=Option.MONITORING,
                         stance=Stance.SUPPORT, quote=doc.text[:7], start=0, end=7,
                         grade=Grade(reliability="F", credibility=6), extractor="test.one.v1")]

    with Store.open(sys.argv[1]) as store:
        summary = ingest_paths(sys.argv[2:], store, settings=load_settings(commit_every=25),
                               extractor=one)
    print(summary.stored, summary.duplicates, summary.failed)
    """
)


def _files(folder: Path) -> tuple[Path, Path]:
    rng = random.Random(5)
    vocab = [f"{rng.choice('bdfgklmnprstv')}{rng.randrange(10**6):x}" for _ in range(3000)]
    articles = [f"Article {i}. " + " ".join(rng.choices(vocab, k=80)) for i in range(N_ARTICLES)]
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    with first.open("w") as out:
        for i, body in enumerate(articles):
            out.write(json.dumps({"text": body, "outlet": f"Outlet {i % 40}"}) + "\n")
    with second.open("w") as out:
        for i, body in reversed(list(enumerate(articles))):
            out.write(json.dumps({"text": body, "outlet": f"Outlet {(i * 7) % 40}"}) + "\n")
    return first, second


def _run(url: str, *paths: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", RUN, url, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _content(url: str) -> tuple[int, int, set[str]]:
    with Store.open(url) as store:
        counts = store.counts()
        hashes = {d.content_hash for d in store.documents()}
    return counts["documents"], counts["positions"], hashes


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two fresh, empty stores of one kind: one for the concurrent runs, one for the serial."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'both.db'}", f"sqlite:///{tmp_path / 'serial.db'}"
        return
    with fresh_pg_database("guarantor_conc") as both, fresh_pg_database("guarantor_conc") as serial:
        yield both, serial


def test_two_overlapping_ingests_at_once_store_what_a_serial_run_stores(
    tmp_path: Path, fresh_urls: tuple[str, str]
) -> None:
    both, serial = fresh_urls
    first, second = _files(tmp_path)
    runs = [_run(both, first), _run(both, second)]  # fresh store: both also migrate at once
    outcomes = [(run.wait(timeout=600), *run.communicate()) for run in runs]
    for code, _out, err in outcomes:
        assert code == 0, err
    stored = [int(out.split()[0]) for _, out, _ in outcomes]
    duplicates = [int(out.split()[1]) for _, out, _ in outcomes]
    assert sum(stored) == N_ARTICLES
    assert sum(stored) + sum(duplicates) == 2 * N_ARTICLES
    alone = _run(serial, first, second)
    assert alone.wait(timeout=600) == 0, alone.communicate()[1]
    assert _content(both) == _content(serial)
    assert _content(both)[:2] == (N_ARTICLES, N_ARTICLES)
