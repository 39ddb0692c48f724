"""Documents for store tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import hashlib

from guarantor.domain import Document

__all__ = ["make_doc"]


def make_doc(text: str, **fields: object) -> Document:
    """A document whose hash is the sha256 of its text, as ingest makes them."""
    values: dict[str, object] = {"source": "test.txt", "text": text}
    values.update(fields)
    values["content_hash"] = hashlib.sha256(text.encode()).hexdigest()
    return Document.model_validate(values)
