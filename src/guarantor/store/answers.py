"""Questionnaire responses in the store: every revision kept, each with its signatories.

The store keeps the validated response as JSON and knows nothing of its
questions; ``guarantor.questionnaire`` decides which answer is current.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from guarantor.errors import StoreError
from guarantor.store.schema import questionnaire_responses, questionnaire_signatories
from guarantor.store.store import Store
from guarantor.store.writer import new_id

__all__ = ["StoredResponse", "add_response", "stored_responses"]


@dataclass(frozen=True)
class StoredResponse:
    id: int
    form: str
    answered_on: date
    received_at: datetime
    source: str
    content_hash: str
    signed_by: str | None
    example: bool
    answers: str  # the validated response, JSON
    respondents: tuple[str, ...]


def add_response(
    store: Store,
    *,
    form: str,
    answered_on: date,
    respondents: Sequence[str],
    source: str,
    content_hash: str,
    answers: str,
    signed_by: str | None = None,
    example: bool = False,
) -> tuple[int, bool]:
    """Store one response with its signatories in one transaction: (id, newly stored).

    The same content stored twice is one row (the second call returns the first id).
    """
    try:
        with store.engine.begin() as connection:
            found = connection.execute(
                select(questionnaire_responses.c.id).where(
                    questionnaire_responses.c.content_hash == content_hash
                )
            ).scalar()
            if found is not None:
                return int(found), False
            result = connection.execute(
                questionnaire_responses.insert().values(
                    form=form,
                    answered_on=answered_on,
                    received_at=datetime.now(UTC),
                    source=source,
                    content_hash=content_hash,
                    signed_by=signed_by,
                    example=example,
                    answers=answers,
                )
            )
            response_id = new_id(result)
            connection.execute(
                questionnaire_signatories.insert(),
                [{"response_id": response_id, "actor": actor} for actor in respondents],
            )
            return response_id, True
    except (IntegrityError, SQLAlchemyError) as exc:
        raise StoreError(f"{source}: cannot store the response: {exc}") from exc


def stored_responses(store: Store) -> list[StoredResponse]:
    """Every stored response, oldest answer first (ties: the order received)."""
    query = select(questionnaire_responses).order_by(
        questionnaire_responses.c.answered_on, questionnaire_responses.c.id
    )
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
        signers: dict[int, list[str]] = {}
        for row in connection.execute(
            select(questionnaire_signatories).order_by(questionnaire_signatories.c.actor)
        ):
            signers.setdefault(row.response_id, []).append(row.actor)
    return [
        StoredResponse(
            id=r.id,
            form=r.form,
            answered_on=r.answered_on,
            received_at=r.received_at,
            source=r.source,
            content_hash=r.content_hash,
            signed_by=r.signed_by,
            example=bool(r.example),
            answers=r.answers,
            respondents=tuple(signers.get(r.id, ())),
        )
        for r in rows
    ]
