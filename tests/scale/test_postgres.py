"""Two cluster ingests at once into one PostgreSQL database: no document twice, no position lost.

Both read the same articles (the second file in reverse order) and write through
their own store while sharing the workers; afterwards the database holds exactly
what one serial ingest of the articles stores.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from guarantor.runs import IngestSummary, ingest_paths, store_extractor
from guarantor.scale.ingest import ingest_on_cluster
from guarantor.settings import load_settings
from guarantor.store import Store
from pgtools import fresh_pg_database

pytestmark = pytest.mark.postgres
N_ARTICLES = 40


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_pg_database("guarantor_scale") as url:
        yield url


def _files(corpus_dir: Path, folder: Path) -> tuple[Path, Path]:
    """Seed articles with a paragraph of their own each, in two files of opposite order."""
    seeds = sorted((corpus_dir / "seeds").glob("*.txt"))
    rng = random.Random(3)
    rows = [
        {
            "text": seeds[i % len(seeds)].read_text(encoding="utf-8")
            + f"\n\nUpdate {i}: "
            + " ".join(f"w{rng.randrange(10**6):x}" for _ in range(60)),
            "outlet": f"Outlet {i % 7}",
        }
        for i in range(N_ARTICLES)
    ]
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)), encoding="utf-8")
    return first, second


def _content(url: str) -> tuple[dict[str, int], set[tuple[Any, ...]]]:
    with Store.open(url) as store:
        hashes = {d.id: d.content_hash for d in store.documents()}
        found = {
            (
                hashes[p.document_id],
                p.actor,
                p.option,
                p.stance,
                p.start,
                p.grade.reliability,
                p.grade.credibility,
            )
            for p in store.positions()
        }
        return store.counts(), found


def test_two_cluster_ingests_at_once_store_each_document_once(
    client: Any, corpus_dir: Path, tmp_path: Path, pg_url: str
) -> None:
    settings = load_settings(extractor="extract.rules.v1", chunk_chars=8_000, commit_every=3)
    first, second = _files(corpus_dir, tmp_path)
    summaries: list[IngestSummary] = []

    def ingest(path: Path) -> None:
        with Store.open(pg_url) as store:
            summaries.append(ingest_on_cluster([str(path)], store, client, settings=settings))

    threads = [threading.Thread(target=ingest, args=(p,)) for p in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert len(summaries) == 2
    assert sum(s.stored for s in summaries) == N_ARTICLES
    assert sum(s.stored + s.duplicates for s in summaries) == 2 * N_ARTICLES
    serial = f"sqlite:///{tmp_path / 'serial.db'}"
    with Store.open(serial) as store:
        extractor, _name = store_extractor(store, settings.extractor, settings.stance_threshold)
        ingest_paths([str(first)], store, settings=settings, extractor=extractor)
    concurrent, expected = _content(pg_url), _content(serial)
    assert concurrent[0]["documents"] == N_ARTICLES
    assert concurrent[0]["positions"] == expected[0]["positions"] > 0
    assert concurrent[1] == expected[1]
