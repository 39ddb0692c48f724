"""What the store hands back: stored documents and positions, outlets, add results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from guarantor.domain import Document, Position

__all__ = ["AddResult", "Outlet", "StoredDocument", "StoredPosition"]


@dataclass(frozen=True)
class AddResult:
    """``stored`` for a new document, ``duplicate`` when its content hash was already there."""

    status: Literal["stored", "duplicate"]
    document_id: int
    cluster_id: int | None


class Outlet(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    reliability: str
    note: str | None = None
    updated_at: datetime | None = None


class StoredDocument(Document):
    """A document as stored: its row id, outlet key and near-duplicate cluster."""

    id: int
    outlet_key: str | None = None
    cluster_id: int | None = None
    run_id: int | None = None
    n_chars: int = 0
    ingested_at: datetime | None = None


class StoredPosition(Position):
    """A position with where it was stored: document, cluster, outlet and date."""

    document_id: int
    cluster_id: int | None = None
    outlet_key: str | None = None
    published: date | None = None
