"""On a real local Dask cluster (2 workers): ingest and sweeps give what the serial path gives,
a worker killed mid-run costs nothing, a chunk that keeps failing is reported, and an
unreachable scheduler is a clear error."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cloudpickle
import pytest

from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.domain import Document, Position
from guarantor.errors import ClusterError, IngestError
from guarantor.ingest.raw import RawArticle
from guarantor.runs import Extractor, ingest_paths, store_extractor
from guarantor.scale.cluster import connect
from guarantor.scale.grid import Sweep, World, parse_vary, points_of, run_serial
from guarantor.scale.ingest import ExtractorSpec, _collect, ingest_on_cluster
from guarantor.scale.spec import ClusterSpec
from guarantor.scale.sweep import run_on_cluster
from guarantor.settings import Settings, load_settings
from guarantor.store import Store

# the workers unpickle this module's classes by value: it is not importable there
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _settings(extractor: str) -> Settings:
    # small chunks, so five articles spread over both workers
    return load_settings(extractor=extractor, chunk_chars=3_000, commit_every=2)


def _stored(url: str) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]], dict[str, int]]:
    with Store.open(url) as store:
        positions = [p.model_dump() for p in store.positions()]
        documents = [(d.id, d.content_hash, d.source, d.cluster_id) for d in store.documents()]
        return positions, documents, store.counts()


def _serial(url: str, paths: list[str], settings: Settings) -> None:
    with Store.open(url) as store:
        extractor, name = store_extractor(store, settings.extractor, settings.stance_threshold)
        ingest_paths(paths, store, settings=settings, extractor=extractor, extractor_name=name)


def test_ingest_on_two_workers_stores_what_the_serial_path_stores(
    client: Any, corpus_dir: Path, tmp_path: Path
) -> None:
    settings = _settings("extract.rules.v1")  # plumbing: the model's own tests pin its output
    paths = [str(corpus_dir / "seeds")]
    _serial(f"sqlite:///{tmp_path / 'serial.db'}", paths, settings)
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with Store.open(url) as store:
        summary = ingest_on_cluster(paths, store, client, settings=settings)
    assert (summary.stored, summary.failed) == (5, 0)
    serial = _stored(f"sqlite:///{tmp_path / 'serial.db'}")
    assert serial[0], "the seed articles hold positions"
    assert _stored(url) == serial
    with Store.open(url) as store:  # a rerun resumes: nothing new, nothing doubled
        again = ingest_on_cluster(paths, store, client, settings=settings)
    assert (again.stored, again.duplicates) == (0, 5)
    assert _stored(url) == serial


@dataclass(frozen=True)
class DiesOnce(ExtractorSpec):
    """The rules extractor, whose first call kills its worker process (marker file)."""

    marker: str = ""

    def load(self) -> Extractor | None:
        inner = super().load()
        assert inner is not None
        marker = Path(self.marker)

        def extract(doc: Document) -> list[Position]:
            if not marker.exists():
                marker.touch()
                os._exit(1)  # the worker dies mid-task; its nanny starts a new one
            return inner(doc)

        return extract


def test_a_worker_killed_mid_run_still_gives_every_document(
    client: Any, corpus_dir: Path, tmp_path: Path
) -> None:
    settings = _settings("extract.rules.v1")
    paths = [str(corpus_dir / "seeds")]
    _serial(f"sqlite:///{tmp_path / 'serial.db'}", paths, settings)
    spec = DiesOnce("extract.rules.v1", 0.5, marker=str(tmp_path / "died"))
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with Store.open(url) as store:
        summary = ingest_on_cluster(paths, store, client, settings=settings, spec=spec)
    assert (tmp_path / "died").exists()
    assert (summary.stored, summary.failed) == (5, 0)
    assert _stored(url) == _stored(f"sqlite:///{tmp_path / 'serial.db'}")


def _always_fails() -> None:
    raise RuntimeError("disk on fire")


def test_a_chunk_that_keeps_failing_is_reported_by_file(client: Any) -> None:
    chunk: list[RawArticle | IngestError] = [
        RawArticle(source="a.txt", text="one"),
        RawArticle(source="feed.jsonl", text="two", line=7),
    ]
    lost = _collect(client.submit(_always_fails, retries=1, pure=False), chunk)
    assert [(e.path, e.line) for e in lost if isinstance(e, IngestError)] == [
        ("a.txt", None),
        ("feed.jsonl", 7),
    ]
    assert all("disk on fire" in e.message for e in lost if isinstance(e, IngestError))


def test_a_sweep_on_two_workers_gives_the_serial_numbers(client: Any) -> None:
    base = load_scenario(None)
    vary = ["requirement=10000:30000:10000", "conditions.us_backstop=true,false"]
    axes = dict(parse_vary(v) for v in vary)
    points = points_of(base, Sweep(axes, seed=11, trials=2_000, replications=20))
    registry, evidence = load_world(None)
    world = World(registry, list(evidence))
    serial = run_serial(points, world, 20)
    assert len({row["p_requirement_met"] for row in serial}) > 1
    assert run_on_cluster(points, world, 20, client) == serial


def test_an_unreachable_scheduler_is_a_cluster_error_naming_it() -> None:
    with (
        pytest.raises(ClusterError, match=r"'tcp://127\.0\.0\.1:9' within 0\.5 s"),
        connect(ClusterSpec(scheduler="tcp://127.0.0.1:9", timeout_s=0.5)),
    ):
        pass
