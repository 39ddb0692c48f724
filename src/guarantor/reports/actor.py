"""One actor's page: its positions over time, its agreements, pledges and capacity,
and what the force model makes of it — each row with the id or source it rests on.

Pure: it reads registry rows, evidence and a forces answer it is handed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from guarantor.domain.evidence import Evidence
from guarantor.errors import NotFoundError
from guarantor.forces.answer import WhoSends
from guarantor.registry import Registry
from guarantor.reports.evidence import evidence_row

__all__ = ["actor_view", "positions_by_month"]

RECENT = 50  # positions listed on the page (newest first); the evidence browser has all


def positions_by_month(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    """Per option and month (YYYY-MM), how many positions took each stance."""
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for item in evidence:
        month = item.stated_on.strftime("%Y-%m") if item.stated_on else "undated"
        tally[(item.option.value, month)][item.stance.value] += 1
    return [
        {"option": option, "month": month, "stances": dict(counts)}
        for (option, month), counts in sorted(tally.items())
    ]


def _capacity(registry: Registry, code: str) -> dict[str, Any] | None:
    try:
        state = registry.state(code)
    except (KeyError, NotFoundError):
        return None
    keep = (
        "nato_member",
        "eu_member",
        "borders_russia_or_belarus",
        "active_personnel",
        "active_personnel_source",
        "land_forces",
        "land_forces_source",
        "defence_spending_usd_m",
        "defence_spending_source",
        "gdp_usd_bn",
        "gdp_source",
    )
    return {k: getattr(state, k) for k in keep}


def _forces(who: WhoSends, code: str) -> dict[str, Any]:
    runs = {"without_us_backstop": who.without_backstop, "with_us_backstop": who.with_backstop}
    found = {}
    for label, run in runs.items():
        row = next((a for a in run.actors if a.actor == code), None)
        found[label] = row.model_dump(mode="json") if row else None
    return found


def actor_view(
    code: str, name: str, registry: Registry, evidence: Sequence[Evidence], who: WhoSends
) -> dict[str, Any]:
    """Everything the actor page shows; ``evidence`` is this actor's."""
    dated = sorted(evidence, key=lambda e: (e.stated_on is None, e.stated_on), reverse=True)
    agreements = [i for i in registry.instruments if code in i.parties]
    return {
        "actor": code,
        "name": name,
        "positions": len(evidence),
        "by_month": positions_by_month(evidence),
        "recent": [evidence_row(e) for e in dated[:RECENT]],
        "agreements": [
            {
                "id": i.id,
                "name": i.name,
                "kind": i.kind.value,
                "parties": list(i.parties),
                "signed": i.signed.isoformat() if i.signed else None,
                "legally_binding": i.legally_binding,
                "obligations": [o.type.value for o in i.obligations],
                "sources": list(i.sources),
            }
            for i in agreements
        ],
        "pledges": [
            {
                "id": p.id,
                "kind": p.kind.value,
                "amount": p.amount,
                "unit": p.unit,
                "status": p.status.value,
                "pledged_on": p.pledged_on.isoformat(),
                "description": p.description,
                "conditions": [c.value for c in p.conditions],
                "source_url": p.source_url,
            }
            for p in registry.pledges
            if p.actor == code
        ],
        "commitments": [
            {"id": c.id, "host": c.host, "name": c.name, "troops": c.troops}
            for c in registry.commitments
            if c.actor == code
        ],
        "capacity": _capacity(registry, code),
        "forces": _forces(who, code),
    }
