"""guarantor.ingest: files, folders, JSONL, HTML and stdin -> documents in the store."""

from guarantor.ingest.documents import build_document
from guarantor.ingest.pipeline import Extractor, IngestSummary, ingest_paths, store_extractor
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.readers import STDIN, SUFFIXES, iter_articles, total_bytes
from guarantor.ingest.text import clean_text, content_hash, normalise_text

__all__ = [
    "STDIN",
    "SUFFIXES",
    "Extractor",
    "IngestSummary",
    "RawArticle",
    "build_document",
    "clean_text",
    "content_hash",
    "ingest_paths",
    "iter_articles",
    "normalise_text",
    "store_extractor",
    "total_bytes",
]
