"""The ingest batch: read, build documents, extract positions, store; failures go on.

Generators all the way: articles are read one at a time, each document with
its positions is written atomically (a savepoint), and the store commits
every ``commit_every`` documents, so memory stays flat on any batch size.

A bad document never costs a good one: any unexpected exception inside one
document is caught at the document boundary and reported as that document's
failure (its traceback kept as the error's cause, for ``--debug``); only a
store that refuses writes (``StoreError``) ends the run. A document whose
hash is already stored is counted as a duplicate before it is extracted, so
a resumed run does not re-extract what it already stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from guarantor.domain import Document, Position
from guarantor.errors import IngestError, StoreError
from guarantor.ingest.documents import build_document
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.readers import iter_articles
from guarantor.settings import Settings
from guarantor.store import Store
from guarantor.store.store import StoreConflict

RETRIES = 5
BACKOFF_S = 0.2  # doubled on each retry of a batch that lost to a concurrent writer

__all__ = [
    "Extractor",
    "IngestSummary",
    "Prepared",
    "ingest_paths",
    "prepare_one",
    "store_extractor",
    "store_prepared",
]

Extractor = Callable[[Document], list[Position]]
# one input, ready to store: a document with its positions, None (its text is stored), or why not
Prepared = tuple[Document, list[Position]] | IngestError | None


@dataclass
class IngestSummary:
    run_id: int
    stored: int = 0
    duplicates: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every input was stored or known; 1 when some failed (the rest stored)."""
        return 1 if self.failed else 0


def store_extractor(
    store: Store, name: str | None = None, threshold: float | None = None
) -> tuple[Extractor, str]:
    """The named extractor (default: the project's), given each document's outlet grade."""
    from guarantor.extract import DEFAULT_EXTRACTOR, DEFAULT_THRESHOLD, pipeline_for

    pipeline = pipeline_for(name or DEFAULT_EXTRACTOR, threshold or DEFAULT_THRESHOLD)

    def extract(doc: Document) -> list[Position]:
        return pipeline(doc, outlet_reliability=store.outlet_reliability(doc.outlet or ""))

    return extract, pipeline.extractor


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    *,
    settings: Settings,
    extractor: Extractor | None = None,
    extractor_name: str | None = None,
    stdin: BinaryIO | None = None,
    on_bytes: Callable[[int], None] | None = None,
    on_failure: Callable[[IngestError], None] | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; one bad input never stops the rest."""
    items = iter_articles(paths, max_bytes=settings.max_file_bytes, stdin=stdin, on_bytes=on_bytes)
    prepared = (
        prepare_one(item, extractor, settings.max_document_chars, known=store.has_document)
        for item in items
    )
    return store_prepared(
        prepared, store, settings=settings, extractor_name=extractor_name, on_failure=on_failure
    )


def store_prepared(
    prepared: Iterable[Prepared],
    store: Store,
    *,
    settings: Settings,
    extractor_name: str | None = None,
    on_failure: Callable[[IngestError], None] | None = None,
) -> IngestSummary:
    """The one writer: store each prepared input in order, in batched transactions.

    ``prepared`` is consumed inside the batch, so a lazy source (the serial reader, or
    results coming back from a cluster) is written as it arrives. A document whose hash
    is stored (by an earlier run or a concurrent one) counts as a duplicate.
    """
    summary = IngestSummary(run_id=store.begin_run(extractor_name))
    writes = _Writes(store, summary)
    status = "interrupted"
    try:
        with store.batch(settings.commit_every):
            for one in prepared:
                if isinstance(one, IngestError) and on_failure is not None:
                    on_failure(one)
                writes.run(_write_of(one, store, summary))
        status = "done"
    finally:
        store.finish_run(
            summary.run_id,
            status=status,
            stored=summary.stored,
            duplicates=summary.duplicates,
            failed=summary.failed,
        )
    return summary


Write = Callable[[], None]


class _Writes:
    """The writes since the batch last committed, replayed when a concurrent writer made
    the database drop them (deadlock, serialization failure, lock timeout)."""

    def __init__(self, store: Store, summary: IngestSummary, attempts: int = RETRIES) -> None:
        self.store = store
        self.summary = summary
        self.attempts = attempts
        self.pending: list[Write] = []
        self.counts = (0, 0, 0)
        self.commits = store.batch_commits

    def run(self, write: Write) -> None:
        self.pending.append(write)
        try:
            write()
        except StoreConflict as conflict:
            self._replay(conflict)
        if self.store.batch_commits != self.commits:
            self.commits = self.store.batch_commits
            self.pending.clear()
            self.counts = (self.summary.stored, self.summary.duplicates, self.summary.failed)

    def _replay(self, conflict: StoreConflict) -> None:
        for attempt in range(self.attempts):
            self.store.rollback_batch()
            self.summary.stored, self.summary.duplicates, self.summary.failed = self.counts
            time.sleep(BACKOFF_S * 2**attempt)
            try:
                for write in self.pending:
                    write()
                return
            except StoreConflict as again:
                conflict = again
        raise StoreError(
            f"gave up after {self.attempts} retries of one batch: {conflict.message}"
        ) from conflict


def prepare_one(
    item: RawArticle | IngestError,
    extractor: Extractor | None,
    max_chars: int,
    *,
    known: Callable[[str], bool] | None = None,
) -> Prepared:
    """The document and its positions; None when ``known`` says its text is stored; or why not.

    Any unexpected exception inside one document is that document's failure. A cluster
    worker calls this without ``known`` (it has no store); the writer checks the hash.
    """
    if isinstance(item, IngestError):
        return item
    try:
        doc = build_document(item, max_chars=max_chars)
        if known is not None and known(doc.content_hash):
            return None  # a resumed run skips what it stored before, unextracted
        return doc, _extract(doc, extractor)
    except IngestError as refused:
        return refused
    except StoreError:
        raise
    except Exception as exc:  # one document's bug must not stop the batch
        unexpected = IngestError(
            f"unexpected {type(exc).__name__}: {str(exc)[:200]}", path=item.source, line=item.line
        )
        unexpected.__cause__ = exc
        return unexpected


def _extract(doc: Document, extractor: Extractor | None) -> list[Position]:
    if extractor is None:
        return []
    try:
        return list(extractor(doc))
    except IngestError:
        raise
    except Exception as exc:
        error = IngestError(
            f"extractor failed: {type(exc).__name__}: {str(exc)[:200]}", path=doc.source
        )
        raise error from exc


def _write_of(
    prepared: Prepared,
    store: Store,
    summary: IngestSummary,
) -> Write:
    """The store write (and count) for one prepared input, repeatable after a rollback."""

    def duplicate() -> None:
        summary.duplicates += 1

    if prepared is None:
        return duplicate
    if isinstance(prepared, IngestError):
        error = prepared

        def failure() -> None:
            store.record_failure(summary.run_id, error.path or "", error.line, error.render())
            summary.failed += 1

        return failure
    doc, found = prepared

    def document() -> None:
        result = store.add_document(doc, found, summary.run_id)
        if result.status == "stored":
            summary.stored += 1
        else:
            summary.duplicates += 1

    return document
