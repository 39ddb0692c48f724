"""Response to an attack: the report's view of the simulated designs and the duties.

The designs are the assessment's ``ResponseReport`` objects (every design on
the same draws); the obligations are its provision-by-provision reading of the
instruments in force. Each figure cites the run and the design, each duty the
registry instruments it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guarantor.reports.assessment import ResponseRow
from guarantor.reports.citing import Citer
from guarantor.reports.notes import Figure, Note
from guarantor.response.report import ResponseReport, Timing

__all__ = ["DesignRow", "Duties", "EventTiming", "ResponseSection", "response_section"]

RESPONSE_PARAMETERS = (
    "response.rule",
    "response.brief_replications",
    "response.reliability",
    "response.executive",
    "response.readiness",
    "response.tripwire",
    "attacks",
)


@dataclass(frozen=True)
class EventTiming:
    """When an event first comes, in hours after the attack."""

    event: str  # consultation | military response | sanctions
    p50: Figure
    p90: Figure
    p_never: Figure


@dataclass(frozen=True)
class DesignRow:
    design: str
    help: str
    timings: tuple[EventTiming, ...]
    acting_within: tuple[tuple[str, Figure], ...]  # ("24h", expected guarantors acting)
    p_article5: Figure
    guarantors: int


@dataclass(frozen=True)
class Duties:
    """What one guarantor owes Ukraine under the instruments in force."""

    row: ResponseRow
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ResponseSection:
    attack: dict[str, Any]
    replications: int
    seed: int
    horizon_h: float
    designs: tuple[DesignRow, ...]
    duties: tuple[Duties, ...]


def _timing(cite: Citer, key: str, event: str, t: Timing, notes: Sequence[Note]) -> EventTiming:
    return EventTiming(
        event=event,
        p50=cite.figure(f"{key}.p50_h", t.p50, "hours", notes),
        p90=cite.figure(f"{key}.p90_h", t.p90, "hours", notes),
        p_never=cite.figure(f"{key}.p_never", t.p_never, "probability", notes),
    )


def _design(cite: Citer, report: ResponseReport) -> DesignRow:
    run = Citer.model(
        f"response:{report.design}",
        f"response to {report.attack['name']} under design {report.design} ({report.rule})",
        f"{report.help}. {report.replications:,} replications, seed {report.seed}, "
        f"{report.guarantors} guarantors, horizon {report.horizon_h:g} h",
        "guarantor respond --compare (every design on the same draws)",
    )
    notes = [
        run,
        cite.param_group("response", "parameters of the response runs", *RESPONSE_PARAMETERS),
    ]
    key = f"response.{report.design}"
    events = (
        ("consultation", report.first_consultation_h),
        ("military response", report.first_military_response_h),
        ("sanctions", report.first_sanctions_h),
    )
    return DesignRow(
        design=report.design,
        help=report.help,
        timings=tuple(
            _timing(cite, f"{key}.{name.replace(' ', '_')}", name, t, notes) for name, t in events
        ),
        acting_within=tuple(
            (k, cite.figure(f"{key}.acting_{k}", v, "count", notes))
            for k, v in report.acting_within.items()
        ),
        p_article5=cite.figure(f"{key}.p_article5", report.p_article5, "probability", notes),
        guarantors=report.guarantors,
    )


def _duties(cite: Citer, row: ResponseRow) -> Duties:
    return Duties(row, cite.book.cite(cite.registry_row(i) for i in row.instruments))


def response_section(
    cite: Citer, reaction: Sequence[ResponseReport], obligations: Sequence[ResponseRow]
) -> ResponseSection | None:
    """The designs compared on the scenario's first attack, and the duties behind them."""
    if not reaction:
        return None
    lead = reaction[0]
    return ResponseSection(
        attack=dict(lead.attack),
        replications=lead.replications,
        seed=lead.seed,
        horizon_h=lead.horizon_h,
        designs=tuple(_design(cite, r) for r in reaction),
        duties=tuple(_duties(cite, r) for r in obligations),
    )
