"""Filing responses: validate every file first, store only valid ones, keep revisions.

A later answer (by its ``answered_on`` date, then by the order received)
supersedes a signatory's earlier one; the earlier stays in the store. A
collective answer is current for each of its signatories until that signatory
answers again, alone or with others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from guarantor.errors import GuarantorError
from guarantor.questionnaire.read import read_response
from guarantor.questionnaire.response import Response
from guarantor.registry.actors import ActorIndex
from guarantor.store import Store
from guarantor.store.answers import StoredResponse, add_response, stored_responses

__all__ = [
    "Filed",
    "IngestOutcome",
    "current_by_actor",
    "file_response",
    "filed_responses",
    "ingest_responses",
    "load_answers",
]


@dataclass(frozen=True)
class Filed:
    """A stored response with its id and file, as the models and the summary read it."""

    id: int
    source: str
    response: Response


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: str  # "stored", "duplicate" or "rejected"
    response_id: int | None = None
    respondents: tuple[str, ...] = ()
    error: GuarantorError | None = None


def _file_one(store: Store, path: Path, index: ActorIndex, today: date) -> IngestOutcome:
    return file_response(store, read_response(path, index, today), str(path))


def file_response(store: Store, response: Response, source: str) -> IngestOutcome:
    """Store one validated response (from a file or the web form) under ``source``."""
    document = response.model_dump_json()
    response_id, new = add_response(
        store,
        form=response.form,
        answered_on=response.answered_on,
        respondents=response.respondents,
        source=source,
        content_hash=hashlib.sha256(document.encode("utf-8")).hexdigest(),
        answers=document,
        signed_by=response.signed_by,
        example=response.example,
    )
    return IngestOutcome(
        source, "stored" if new else "duplicate", response_id, response.respondents
    )


def ingest_responses(
    store: Store, paths: Iterable[Path], index: ActorIndex, today: date
) -> list[IngestOutcome]:
    """Validate and store each file; an invalid file is reported and nothing of it stored."""
    outcomes = []
    for path in paths:
        try:
            outcomes.append(_file_one(store, path, index, today))
        except GuarantorError as exc:
            outcomes.append(IngestOutcome(str(path), "rejected", error=exc))
    return outcomes


def _filed(row: StoredResponse) -> Filed:
    return Filed(id=row.id, source=row.source, response=Response.model_validate_json(row.answers))


def filed_responses(store: Store) -> list[Filed]:
    """Every stored response, oldest answer first."""
    return [_filed(row) for row in stored_responses(store)]


def current_by_actor(filed: Sequence[Filed]) -> dict[str, Filed]:
    """Each signatory's latest response (``filed`` is oldest first, as stored)."""
    current: dict[str, Filed] = {}
    for item in sorted(filed, key=lambda f: (f.response.answered_on, f.id)):
        for actor in item.response.respondents:
            current[actor] = item
    return dict(sorted(current.items()))


def load_answers(store: Store) -> tuple[list[Filed], dict[str, Filed]]:
    """Every stored response, and each signatory's current one."""
    filed = filed_responses(store)
    return filed, current_by_actor(filed)
