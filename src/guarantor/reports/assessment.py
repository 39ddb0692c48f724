"""The main job's report: the four questions, each answered from traceable data.

``build_assessment`` gathers, it does not compute anything new: force
generation comes from ``guarantor.forces``, the response to an attack from
``guarantor.response``, the board from the evidence, the obligations and
payment views straight from registry rows. Every row keeps the
ids or sources it rests on so a rendering can footnote it. The CLI renders
this object as tables and its ``as_dict`` as JSON: the two cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from guarantor.costs.answer import WhoPays
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import Instrument, InstrumentKind, ObligationType, State
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.forces.answer import WhoSends
from guarantor.registry import Registry
from guarantor.reports.board import Board, position_board
from guarantor.response.obligations import Duty, Parties, read_duties
from guarantor.response.report import ResponseReport
from guarantor.store import Store, safe_url

__all__ = [
    "Assessment",
    "ConditionRow",
    "PaymentRow",
    "ResponseRow",
    "StoreSummary",
    "build_assessment",
    "conditions_named",
    "payments",
    "response_obligations",
    "store_summary",
]

TROOP_OPTIONS = (Option.GROUND_TROOPS, Option.AIR_SUPPORT, Option.NAVAL_SUPPORT)


@dataclass(frozen=True)
class StoreSummary:
    """What the store holds: documents per outlet and month, positions extracted."""

    db: str
    documents: int
    positions: int
    by_outlet_month: list[dict[str, Any]] = field(default_factory=list)


def store_summary(db_url: str) -> StoreSummary:
    """Open (creating if need be) the store and count what it holds."""
    with Store.open(db_url) as store:
        by_month = store.documents_by_outlet_month()
        positions = sum(1 for _ in store.positions())
    documents = sum(int(row["documents"]) for row in by_month)
    return StoreSummary(safe_url(db_url), documents, positions, by_month)


@dataclass(frozen=True)
class ConditionRow:
    """A condition an actor ties a contribution to, with its independent sources."""

    actor: str
    option: str
    condition: str
    sources: int
    refs: tuple[str, ...]


@dataclass(frozen=True)
class ResponseRow:
    """What one guarantor owes Ukraine if attacked, under instruments in force, provision
    by provision: a 24-hour deadline to consult is never read as a deadline to assist,
    and Article 5 is shown apart because it covers Ukraine only if it joins NATO."""

    actor: str
    instruments: tuple[str, ...]
    owes_ukraine: str | None  # strongest obligation owed to Ukraine
    consult_within_h: int | None  # fastest deadline to consult Ukraine (None: none set)
    assist_within_h: int | None  # fastest deadline to assist or defend (None: none set)
    legally_binding: bool  # some obligation owed to Ukraine binds in law
    nato_article5: bool  # defends NATO allies, not Ukraine


@dataclass(frozen=True)
class PaymentRow:
    """Money an actor has pledged, in EUR, by status on the Kiel ladder."""

    actor: str
    pledges: int
    eur_by_status: dict[str, float]
    refs: tuple[str, ...]

    @property
    def eur_total(self) -> float:
        return sum(self.eur_by_status.values())


@dataclass(frozen=True)
class Assessment:
    scenario: str
    as_of: date
    store: StoreSummary
    evidence: dict[str, int]
    board: Board
    who_sends: WhoSends
    conditions: list[ConditionRow]
    response: list[ResponseRow]
    payments: list[PaymentRow]
    reaction: tuple[ResponseReport, ...] = ()  # simulated response; the first design leads
    who_pays: WhoPays | None = None  # the cost model's answer (guarantor.costs)

    def if_attacked(self) -> dict[str, Any]:
        return _if_attacked(self)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "as_of": self.as_of.isoformat(),
            "store": {
                "db": self.store.db,
                "documents": self.store.documents,
                "positions": self.store.positions,
                "by_outlet_month": self.store.by_outlet_month,
            },
            "evidence": self.evidence,
            "who_sends_troops": self.who_sends.summary(),
            "forces": {
                "without_us_backstop": self.who_sends.without_backstop.model_dump(mode="json"),
                "with_us_backstop": self.who_sends.with_backstop.model_dump(mode="json"),
            },
            "on_what_conditions": [vars(r) | {"refs": list(r.refs)} for r in self.conditions],
            "if_attacked": self.if_attacked(),
            "who_pays": self.who_pays.summary() if self.who_pays else None,
            "money_pledged": [
                {
                    "actor": r.actor,
                    "pledges": r.pledges,
                    "eur_by_status": r.eur_by_status,
                    "eur_total": r.eur_total,
                    "refs": list(r.refs),
                }
                for r in self.payments
            ],
            "board": self.board.as_dict(),
        }


def _if_attacked(report: Assessment) -> dict[str, Any]:
    """The simulated response to the scenario's first attack, the designs in brief,
    and the obligations it rests on."""
    lead = report.reaction[0] if report.reaction else None
    return {
        "question": "how would they react if attacked?",
        "simulation": lead.as_json() if lead else None,
        "designs": [r.brief() for r in report.reaction],
        "obligations": [vars(r) | {"instruments": list(r.instruments)} for r in report.response],
    }


def conditions_named(evidence: Sequence[Evidence]) -> list[ConditionRow]:
    """Conditions attached to troop, air and naval contributions, most-sourced first."""
    sources: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    refs: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for item in evidence:
        if item.stance is not Stance.CONDITIONAL or item.option not in TROOP_OPTIONS:
            continue
        for condition in item.conditions:
            key = (item.actor, item.option.value, condition.value)
            sources[key].add(item.source_key)
            refs[key].append(item.provenance.ref)
    rows = [
        ConditionRow(a, o, c, len(sources[(a, o, c)]), tuple(dict.fromkeys(refs[(a, o, c)])))
        for (a, o, c) in sources
    ]
    return sorted(rows, key=lambda r: (-r.sources, r.actor, r.option, r.condition))


def response_obligations(
    instruments: Sequence[Instrument], day: date, states: Sequence[State] = ()
) -> list[ResponseRow]:
    """Per guarantor, what it owes Ukraine under the instruments in force on ``day``,
    read provision by provision (``guarantor.response.read_duties``)."""
    current = [
        i for i in instruments if i.kind is not InstrumentKind.PROPOSAL and i.in_force_on(day)
    ]
    partners = {
        p
        for i in current
        if i.kind is InstrumentKind.BILATERAL_AGREEMENT
        for p in i.parties
        if p != "UKR"
    }
    duties = read_duties(current, Parties(states, frozenset(partners), frozenset()))
    by_actor: dict[str, list[Duty]] = defaultdict(list)
    for duty in duties:
        if duty.actor != "UKR":
            by_actor[duty.actor].append(duty)
    rows = [_response_row(actor, owed) for actor, owed in by_actor.items()]
    order = list(ObligationType)
    strength = {k.value: i for i, k in enumerate(order)} | {None: -1}
    return sorted(
        rows,
        key=lambda r: (-strength[r.owes_ukraine], r.consult_within_h or 10**6, r.actor),
    )


def _response_row(actor: str, duties: Sequence[Duty]) -> ResponseRow:
    order = list(ObligationType)
    to_ukraine = [d for d in duties if d.to == "UKR"]
    consult = [d.deadline_hours for d in to_ukraine if d.type is ObligationType.CONSULT]
    assist = [d.deadline_hours for d in to_ukraine if d.type is not ObligationType.CONSULT]
    kinds = [d.type for d in to_ukraine]
    return ResponseRow(
        actor=actor,
        instruments=tuple(dict.fromkeys(d.instrument for d in duties)),
        owes_ukraine=max(kinds, key=order.index).value if kinds else None,
        consult_within_h=min((h for h in consult if h is not None), default=None),
        assist_within_h=min((h for h in assist if h is not None), default=None),
        legally_binding=any(d.legally_binding for d in to_ukraine),
        nato_article5=any(d.to != "UKR" and d.type is ObligationType.DEFEND for d in duties),
    )


def payments(registry: Registry) -> list[PaymentRow]:
    """Money pledges per actor converted to EUR, kept apart by status (never summed across)."""
    by_actor: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    refs: dict[str, list[str]] = defaultdict(list)
    count: dict[str, int] = defaultdict(int)
    for pledge in registry.pledges:
        eur, _ = registry.pledge_value(pledge)
        if eur is None:
            continue
        by_actor[pledge.actor][pledge.status.value] += eur
        refs[pledge.actor].append(pledge.id)
        count[pledge.actor] += 1
    rows = [
        PaymentRow(actor, count[actor], dict(statuses), tuple(refs[actor]))
        for actor, statuses in by_actor.items()
    ]
    return sorted(rows, key=lambda r: -r.eur_total)


def build_assessment(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    store: StoreSummary,
    who_sends: WhoSends,
    reaction: Sequence[ResponseReport] = (),
    who_pays: WhoPays | None = None,
) -> Assessment:
    """Assemble the report for ``scenario`` from registry, evidence and a forces run."""
    current = registry.as_of(scenario.as_of)
    kinds: dict[str, int] = defaultdict(int)
    for item in evidence:
        kinds[item.provenance.kind] += 1
    return Assessment(
        scenario=scenario.name,
        as_of=scenario.as_of,
        store=store,
        evidence=dict(kinds),
        board=position_board(evidence, as_of=scenario.as_of),
        who_sends=who_sends,
        conditions=conditions_named(
            [e for e in evidence if e.stated_on is None or e.stated_on <= scenario.as_of]
        ),
        response=response_obligations(current.instruments, scenario.as_of, registry.states),
        payments=payments(current),
        reaction=tuple(reaction),
        who_pays=who_pays,
    )
