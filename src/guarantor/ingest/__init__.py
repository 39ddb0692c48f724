"""guarantor.ingest: files, folders, JSONL, HTML and stdin -> documents.

Reading only: storing them is ``guarantor.store``, extracting positions is
``guarantor.extract``; ``guarantor.runs`` runs the three together.
"""

from guarantor.ingest.documents import build_document, hash_of
from guarantor.ingest.raw import RawArticle
from guarantor.ingest.readers import STDIN, SUFFIXES, iter_articles, total_bytes
from guarantor.ingest.reading import read_article, read_document, read_documents
from guarantor.ingest.text import clean_text, content_hash, normalise_text

__all__ = [
    "STDIN",
    "SUFFIXES",
    "RawArticle",
    "build_document",
    "clean_text",
    "content_hash",
    "hash_of",
    "iter_articles",
    "normalise_text",
    "read_article",
    "read_document",
    "read_documents",
    "total_bytes",
]
