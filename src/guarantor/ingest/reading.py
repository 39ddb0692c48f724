"""Reading files into documents without a store (``guarantor extract``, ``evaluate``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from guarantor.domain import Document
from guarantor.errors import IngestError, InputError
from guarantor.ingest.documents import build_document
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.readers import iter_articles

__all__ = ["DEFAULT_MAX_BYTES", "read_article", "read_document", "read_documents"]

DEFAULT_MAX_BYTES = 20_000_000


def read_documents(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document]:
    """Every document under ``paths`` (files, folders, JSONL, ``-``); a bad one raises."""
    for item in iter_articles(paths, max_bytes=max_bytes):
        if isinstance(item, IngestError):
            raise item
        yield build_document(item)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The single document in a text, Markdown or HTML file."""
    documents = list(read_documents([str(path)], max_bytes=max_bytes))
    if len(documents) != 1:
        raise InputError(f"expected one document, found {len(documents)}", path=path)
    return documents[0]


def read_article(url: str, text: str, outlet: str | None, date: str | None) -> Document:
    """A cached real article as a document, its metadata given rather than guessed."""
    raw = RawArticle(source=url, text=text, url=url, outlet=outlet, published=date)
    document = build_document(raw)
    if len(document.text) != len(text):
        raise InputError(f"cleaning changed the text's length; offsets would drift ({url})")
    return document
