"""A document: one article or official text, keyed by the hash of its text."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Document"]


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str = Field(description="the path or URL as given by the user")
    text: str
    content_hash: str = Field(description="sha256 of the normalised text")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
