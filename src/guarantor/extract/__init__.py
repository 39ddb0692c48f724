"""Documents -> positions. (Placeholder API until the extraction issue lands.)"""

from __future__ import annotations

from guarantor.domain import Document, Position

__all__ = ["EXTRACTOR_NAME", "extract_document"]

EXTRACTOR_NAME = "extract.rules.v0"


def extract_document(document: Document, *, outlet_reliability: str = "F") -> list[Position]:
    """Every position the rule pipeline finds in ``document``."""
    return []
