"""Reading files into documents for extraction without a store, via the ingest readers."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from guarantor.domain import Document
from guarantor.errors import IngestError, InputError
from guarantor.ingest import build_document, iter_articles

__all__ = ["bundled_reliability", "read_document", "read_documents"]

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


def bundled_reliability(outlet: str | None) -> str:
    """The outlet's grade in the bundled outlet table (``data/outlets.csv``); F if unknown."""
    if not outlet:
        return "F"
    return _outlet_grades().get(outlet.strip().lower(), "F")


@lru_cache(maxsize=1)
def _outlet_grades() -> dict[str, str]:
    table = Path(str(resources.files("guarantor") / "data" / "outlets.csv"))
    grades: dict[str, str] = {}
    if not table.is_file():
        return grades
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            names = [row.get("key") or "", row.get("name") or ""]
            names += (row.get("aliases") or "").split("|")
            for name in names:
                if name.strip():
                    grades[name.strip().lower()] = (row.get("reliability") or "F").strip()
    return grades


def read_article(url: str, text: str, outlet: str | None, date: str | None) -> Document:
    """A cached real article as a document, its metadata given rather than guessed."""
    from guarantor.ingest import RawArticle

    raw = RawArticle(source=url, text=text, url=url, outlet=outlet, published=date)
    document = build_document(raw)
    if len(document.text) != len(text):
        raise InputError(f"cleaning changed the text's length; offsets would drift ({url})")
    return document
