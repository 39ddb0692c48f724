"""Raw article -> ``Document``: its text, the hash of its normalised text, metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from guarantor.domain import Document
from guarantor.errors import IngestError
from guarantor.ingest import metadata
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.text import clean_text, content_hash, normalise_text

__all__ = ["MAX_DOCUMENT_CHARS", "build_document", "hash_of", "stored_source"]

MAX_DOCUMENT_CHARS = 2_000_000  # the default of the max_document_chars setting


def build_document(raw: RawArticle, *, max_chars: int = MAX_DOCUMENT_CHARS) -> Document:
    """The document for ``raw``; given metadata wins over what the text suggests."""
    if len(raw.text) > max_chars:
        raise IngestError(
            f"text is {len(raw.text)} characters, over the {max_chars}-character limit "
            "per document (split it, or raise GUARANTOR_MAX_DOCUMENT_CHARS)",
            path=raw.source,
            line=raw.line,
        )
    text = clean_text(raw.text)
    normalised = normalise_text(text)
    if not normalised:
        raise IngestError("no text left after removing whitespace", path=raw.source, line=raw.line)
    source = stored_source(raw)
    title = normalise_text(raw.title) if raw.title else metadata.find_title(text)
    outlet = (
        (raw.outlet.strip() if raw.outlet and raw.outlet.strip() else None)
        or metadata.outlet_from_url(raw.url)
        or metadata.find_outlet(text)
    )
    return Document(
        source=source,
        text=text,
        content_hash=content_hash(normalised),
        title=title or None,
        url=raw.url,
        outlet=outlet,
        published=_published(raw) or metadata.find_date(text),
        language=metadata.detect_language(text),
    )


def stored_source(raw: RawArticle) -> str:
    """Where the document came from, resolvable from any folder and any machine's view of it.

    A local file is its ``file://`` URI (the resolved path, so ``..`` and links are gone);
    a JSONL line is its URL, else its file's URI with the line as an RFC 5147 fragment
    (``#line=2,3`` is the third line); a web text is its URL; standard input stays ``<stdin>``.
    """
    if raw.line is not None and raw.url:
        return raw.url
    if raw.source.startswith("<") or "://" in raw.source:
        return raw.source if raw.line is None else f"{raw.source}:{raw.line}"
    uri = Path(raw.source).resolve().as_uri()
    return uri if raw.line is None else f"{uri}#line={raw.line - 1},{raw.line}"


def hash_of(raw: RawArticle) -> str:
    """The content hash ``build_document`` gives ``raw`` (to skip a stored text unbuilt)."""
    return content_hash(normalise_text(clean_text(raw.text)))


def _published(raw: RawArticle) -> date | None:
    """The given publication date; one that cannot be read is an error, not a guess."""
    if not raw.published:
        return None
    found = metadata.parse_date(raw.published)
    if found is None and raw.line is not None:  # JSONL: the user wrote it, so say so
        raise IngestError(
            f"'published' is {raw.published!r}, expected a date such as 2025-03-24",
            path=raw.source,
            line=raw.line,
        )
    return found
