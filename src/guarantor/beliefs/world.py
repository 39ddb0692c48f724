"""The world a run reads: the registry (bundled plus the user's rows) and all the
evidence (the bundled ledger plus the store's positions), each with provenance.

This is library logic the commands share; the CLI only passes the database URL.
"""

from __future__ import annotations

from pathlib import Path

from guarantor.beliefs.index import EvidenceIndex
from guarantor.beliefs.sources import gather_evidence
from guarantor.domain.evidence import Evidence
from guarantor.questionnaire.evidence import with_stored_answers
from guarantor.registry import Registry, load_registry, user_registry_dir
from guarantor.settings import default_db_url
from guarantor.store import Store

__all__ = ["existing_db_url", "load_evidence", "load_world"]


def existing_db_url(db_url: str | None) -> str | None:
    """``db_url`` if given; else the default SQLite file when it exists; else None."""
    if db_url is not None:
        return db_url
    default = default_db_url()
    return default if Path(default.removeprefix("sqlite:///")).is_file() else None


def load_evidence(registry: Registry, db_url: str | None) -> list[Evidence]:
    """The registry's ledger plus the positions of the store at ``db_url`` (if any)."""
    url = existing_db_url(db_url)
    if url is None:
        return gather_evidence(registry.ledger)
    with Store.open(url) as store:
        return gather_evidence(registry.ledger, store)


def load_world(db_url: str | None) -> tuple[Registry, EvidenceIndex]:
    """The registry (with the user's rows) and all evidence, each with its provenance;
    governments' questionnaire answers in the store add A1 positions and pledges.

    The evidence comes indexed by (actor, option), so the many belief runs of one
    assessment (force runs, response designs) group it once, not once each."""
    user = user_registry_dir(db_url=db_url or default_db_url())  # beside the store
    registry = load_registry([user] if user.is_dir() else [])
    url = existing_db_url(db_url)
    if url is None:
        return registry, EvidenceIndex(gather_evidence(registry.ledger))
    with Store.open(url) as store:
        registry, evidence = with_stored_answers(
            registry, gather_evidence(registry.ledger, store), store
        )
    return registry, EvidenceIndex(evidence)
