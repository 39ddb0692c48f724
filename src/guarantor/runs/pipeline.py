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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from guarantor.domain import Document, Position
from guarantor.errors import IngestError, StoreError
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


def store_extractor(store: Store) -> tuple[Extractor, str]:
    """The project's extractor, given each document's outlet grade from ``store``."""
    from guarantor.extract import EXTRACTOR_NAME, extract_document

    def extract(doc: Document) -> list[Position]:
        return extract_document(doc, outlet_reliability=store.outlet_reliability(doc.outlet or ""))

    return extract, EXTRACTOR_NAME


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
                _ingest_one(item, store, summary, extractor, fail, settings.max_document_chars)
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
    max_chars: int,
) -> None:
    """Store one article with its positions, or record why it could not be."""
    if isinstance(item, IngestError):
        fail(item)
        return
    try:
        status = _store_one(item, store, summary.run_id, extractor, max_chars)
    except IngestError as refused:
        fail(refused)
        return
    except StoreError:
        raise
    except Exception as exc:  # one document's bug must not stop the batch
        unexpected = IngestError(
            f"unexpected {type(exc).__name__}: {str(exc)[:200]}", path=item.source, line=item.line
        )
        unexpected.__cause__ = exc
        fail(unexpected)
        return
    if status == "stored":
        summary.stored += 1
    else:
        summary.duplicates += 1


def _store_one(
    item: RawArticle, store: Store, run_id: int, extractor: Extractor | None, max_chars: int
) -> str:
    doc = build_document(item, max_chars=max_chars)
    if store.has_document(doc.content_hash):
        return "duplicate"
    found: list[Position] = []
    if extractor is not None:
        try:
            found = list(extractor(doc))
        except IngestError:
            raise
        except Exception as exc:
            error = IngestError(
                f"extractor failed: {type(exc).__name__}: {str(exc)[:200]}",
                path=doc.source,
            )
            raise error from exc
    return store.add_document(doc, found, run_id).status
