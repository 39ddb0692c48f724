"""The evidence browser's data: every stated position, searchable and filtered, with
its quote, speaker, outlet, grade and where to check it.

Pure functions over ``Evidence``; the dashboard renders them as HTML and JSON, and
the board's drill-down is the same listing narrowed to one cell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option, Stance

__all__ = ["EvidenceQuery", "evidence_row", "search_evidence"]

MAX_PAGE = 200


@dataclass(frozen=True)
class EvidenceQuery:
    """What the reader asked for; every filter is optional, text matches case-blind."""

    text: str | None = None
    actor: str | None = None
    option: Option | None = None
    stance: Stance | None = None
    outlet: str | None = None
    kind: str | None = None  # 'store' or 'ledger'
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0

    def matches(self, item: Evidence) -> bool:
        if self.actor and item.actor != self.actor:
            return False
        if self.option and item.option is not self.option:
            return False
        if self.stance and item.stance is not self.stance:
            return False
        if self.kind and item.provenance.kind != self.kind:
            return False
        if self.outlet and (item.provenance.outlet or "").lower() != self.outlet.lower():
            return False
        if (self.since or self.until) and item.stated_on is None:
            return False
        if self.since and item.stated_on and item.stated_on < self.since:
            return False
        if self.until and item.stated_on and item.stated_on > self.until:
            return False
        return not self.text or self.text.lower() in _haystack(item)


def _haystack(item: Evidence) -> str:
    p = item.provenance
    return " ".join(filter(None, (p.text, p.speaker, p.outlet, p.ref, item.actor))).lower()


def evidence_row(item: Evidence) -> dict[str, Any]:
    """One position as the reader sees it: the quote stays exactly as stored."""
    p = item.provenance
    return {
        "actor": item.actor,
        "option": item.option.value,
        "stance": item.stance.value,
        "conditions": [c.value for c in item.conditions],
        "grade": item.grade.code,
        "stated_on": item.stated_on.isoformat() if item.stated_on else None,
        "analysis": item.analysis,
        "claimed_by": item.claimed_by,
        "source_key": item.source_key,
        "kind": p.kind,
        "ref": p.ref,
        "quote": p.text,
        "speaker": p.speaker,
        "outlet": p.outlet,
        "url": p.url,
    }


def _newest_first(item: Evidence) -> tuple[int, int, str]:
    day = item.stated_on.toordinal() if item.stated_on else 0
    return (-day, item.grade.rank(), item.provenance.ref)


def search_evidence(evidence: Sequence[Evidence], query: EvidenceQuery) -> dict[str, Any]:
    """The matching positions, newest and best graded first, one page of them, with
    counts per stance, option and outlet of all the matches (the filters' facets)."""
    found = sorted((e for e in evidence if query.matches(e)), key=_newest_first)
    limit = max(1, min(query.limit, MAX_PAGE))
    offset = max(0, query.offset)
    page = found[offset : offset + limit]
    return {
        "total": len(found),
        "offset": offset,
        "limit": limit,
        "facets": {
            "stance": dict(Counter(e.stance.value for e in found).most_common()),
            "option": dict(Counter(e.option.value for e in found).most_common()),
            "outlet": dict(Counter(e.provenance.outlet or "(none)" for e in found).most_common(20)),
            "kind": dict(Counter(e.provenance.kind for e in found).most_common()),
        },
        "items": [evidence_row(e) for e in page],
    }
