"""An article as read, before it becomes a ``Document``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RawArticle"]


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before normalisation: text plus whatever metadata came with it."""

    source: str
    text: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
