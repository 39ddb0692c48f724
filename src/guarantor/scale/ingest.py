"""Ingest on a Dask cluster: workers turn chunks of articles into documents and positions;
this process stays the one writer.

The client reads the inputs (as the serial path does) and cuts them into chunks of
about ``settings.chunk_chars`` characters. A worker builds each chunk's documents and
extracts their positions with the model its plugin loaded once. Results come back in
input order and go through the serial path's writer (``runs.store_prepared``): the
same batched transactions, the same duplicate check by content hash, the same run
record, so a document is stored whole or not at all, once, and a rerun resumes.

Outlet grades live in the store, which workers cannot see: they extract with grade F
and the writer sets each position's reliability letter from the store, as the serial
path does at extraction time (only that letter depends on the outlet).

A task that raises is retried ``RETRIES`` times; a worker that dies is replaced and its
task rerun (Dask's ``distributed.scheduler.allowed-failures``, 3 by default). A chunk
that still fails is not lost: each of its articles is recorded as a failed input of
the run, naming the file and the error, and every other chunk is stored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from distributed import Client, Future, WorkerPlugin, get_worker

from guarantor.domain import Document, Grade, Position
from guarantor.errors import IngestError
from guarantor.ingest import hash_of, iter_articles
from guarantor.ingest.raw import RawArticle
from guarantor.runs import Extractor, IngestSummary, Prepared, prepare_one, store_prepared
from guarantor.settings import Settings
from guarantor.store import Store

__all__ = ["RETRIES", "ExtractionModel", "ExtractorSpec", "chunks", "ingest_on_cluster"]

RETRIES = 2  # reruns of a chunk whose task raised, on top of Dask's reruns after a worker died
AHEAD_PER_WORKER = 2  # chunks in flight per worker thread: work queued, memory bounded

Item = RawArticle | IngestError | None  # None: a text the store holds, skipped unextracted


@dataclass(frozen=True)
class ExtractorSpec:
    """Which extractor a worker loads: its versioned name and threshold (None: no extraction)."""

    name: str | None
    threshold: float

    def load(self) -> Extractor | None:
        if self.name is None:
            return None
        from guarantor.extract import pipeline_for

        return pipeline_for(self.name, self.threshold)

    @property
    def plugin_name(self) -> str:
        """One plugin per distinct spec, so ingests with different extractors can share workers."""
        return f"guarantor-extractor:{self!r}"


class ExtractionModel(WorkerPlugin):
    """Loads the extractor once per worker process, when the worker starts or joins."""

    idempotent = True  # a second ingest with the same extractor reuses the loaded model

    def __init__(self, spec: ExtractorSpec) -> None:
        self.spec = spec
        self.extractor: Extractor | None = None

    def setup(self, worker: Any) -> None:
        self.extractor = self.spec.load()


def extract_chunk(items: Sequence[Item], plugin_name: str, max_chars: int) -> list[Prepared]:
    """On a worker: each item's document and positions, or its error (the task)."""
    plugin = get_worker().plugins[plugin_name]
    assert isinstance(plugin, ExtractionModel)
    return [
        None if item is None else prepare_one(item, plugin.extractor, max_chars) for item in items
    ]


def chunks(items: Iterable[Item], chunk_chars: int) -> Iterator[list[Item]]:
    """Consecutive runs of ``items`` holding at least ``chunk_chars`` characters (the last less)."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, RawArticle) else 0
        if size >= chunk_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def ingest_on_cluster(
    paths: Sequence[str],
    store: Store,
    client: Client,
    *,
    settings: Settings,
    extract: bool = True,
    spec: ExtractorSpec | None = None,
    on_bytes: Callable[[int], None] | None = None,
    on_failure: Callable[[IngestError], None] | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with extraction on ``client``'s workers."""
    spec = spec or ExtractorSpec(settings.extractor if extract else None, settings.stance_threshold)
    client.register_plugin(ExtractionModel(spec), name=spec.plugin_name)
    read = iter_articles(paths, max_bytes=settings.max_file_bytes, on_bytes=on_bytes)
    items = (_for_worker(item, store, settings.max_document_chars) for item in read)
    ahead = AHEAD_PER_WORKER * max(1, sum(client.nthreads().values()))
    results = _in_order(
        client, chunks(items, settings.chunk_chars), spec, settings.max_document_chars, ahead
    )
    prepared = (_for_writer(one, store) for one in results)
    return store_prepared(
        prepared, store, settings=settings, extractor_name=spec.name, on_failure=on_failure
    )


def _for_worker(item: RawArticle | IngestError, store: Store, max_chars: int) -> Item:
    """None for an article whose text is stored (a resumed run does not extract it again);
    else the article, its relative file path made absolute here, where it was given (a
    worker resolves a document's source, and its folder may not be this one)."""
    if not isinstance(item, RawArticle):
        return item
    if len(item.text) <= max_chars and store.has_document(hash_of(item)):
        return None
    source = item.source
    if source.startswith("<") or "://" in source or Path(source).is_absolute():
        return item
    return replace(item, source=str(Path(source).absolute()))


def _in_order(
    client: Client, work: Iterable[list[Item]], spec: ExtractorSpec, max_chars: int, ahead: int
) -> Iterator[Prepared]:
    """Results chunk by chunk in input order, with at most ``ahead`` chunks in flight."""
    pending: deque[tuple[Future, list[Item]]] = deque()
    for chunk in work:
        future = client.submit(
            extract_chunk, chunk, spec.plugin_name, max_chars, retries=RETRIES, pure=False
        )
        pending.append((future, chunk))
        if len(pending) >= ahead:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(future: Future, chunk: list[Item]) -> list[Prepared]:
    """The chunk's results; when its task failed for good, each article as a failed input."""
    try:
        return list(future.result())
    except Exception as exc:  # the task's error after its retries, or KilledWorker
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return [_lost(item, reason) for item in chunk]
    finally:
        future.release()


def _lost(item: Item, reason: str) -> IngestError | None:
    if item is None or isinstance(item, IngestError):
        return item
    return IngestError(
        f"its chunk failed on the cluster after {RETRIES} retries ({reason}); "
        "ingest it again to retry",
        path=item.source,
        line=item.line,
    )


def _for_writer(prepared: Prepared, store: Store) -> Prepared:
    """A stored hash is a duplicate (None); else the positions graded by the store's outlet."""
    if not isinstance(prepared, tuple):
        return prepared
    doc, found = prepared
    if store.has_document(doc.content_hash):
        return None
    return doc, _graded(doc, found, store)


def _graded(doc: Document, found: list[Position], store: Store) -> list[Position]:
    if not found:
        return found
    reliability = store.outlet_reliability(doc.outlet or "")
    return [
        p.model_copy(
            update={"grade": Grade(reliability=reliability, credibility=p.grade.credibility)}
        )
        for p in found
    ]
