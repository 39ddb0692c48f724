"""The ingest batch: read, build documents, extract positions, store; failures go on.

Generators all the way: articles are read one at a time, each document with
its positions is written atomically (a savepoint), and the store commits
every ``commit_every`` documents, so memory stays flat on any batch size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from guarantor.domain import Document, Position
from guarantor.errors import IngestError
from guarantor.ingest.documents import build_document
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.readers import iter_articles
from guarantor.settings import Settings
from guarantor.store import Store

__all__ = ["Extractor", "IngestSummary", "ingest_paths", "store_extractor"]

Extractor = Callable[[Document], list[Position]]


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
    summary = IngestSummary(run_id=store.begin_run(extractor_name))
    status = "interrupted"

    def fail(error: IngestError) -> None:
        summary.failed += 1
        store.record_failure(summary.run_id, error.path or "", error.line, error.render())
        if on_failure is not None:
            on_failure(error)

    try:
        with store.batch(settings.commit_every):
            items = iter_articles(
                paths, max_bytes=settings.max_file_bytes, stdin=stdin, on_bytes=on_bytes
            )
            for item in items:
                _ingest_one(item, store, summary, extractor, fail)
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


def _ingest_one(
    item: RawArticle | IngestError,
    store: Store,
    summary: IngestSummary,
    extractor: Extractor | None,
    fail: Callable[[IngestError], None],
) -> None:
    """Store one article with its positions, or record why it could not be."""
    if isinstance(item, IngestError):
        fail(item)
        return
    try:
        doc, found = _prepare(item, extractor)
    except IngestError as error:
        fail(error)
        return
    result = store.add_document(doc, found, summary.run_id)
    if result.status == "stored":
        summary.stored += 1
    else:
        summary.duplicates += 1


def _prepare(item: RawArticle, extractor: Extractor | None) -> tuple[Document, list[Position]]:
    doc = build_document(item)
    if extractor is None:
        return doc, []
    try:
        return doc, list(extractor(doc))
    except IngestError:
        raise
    except Exception as exc:  # one document's extractor bug must not stop the batch
        raise IngestError(
            f"extractor failed: {type(exc).__name__}: {exc}", path=doc.source
        ) from exc
