"""What each guarantor owes, read provision by provision from the registry's instruments.

An obligation names its debtor in words ("NATO members", "Compact signatories",
"USA, GBR, RUS"); ``read_duties`` turns each provision into one ``Duty`` per
state it binds. ``covers`` then says whether a duty applies to an attack: who is
protected (Ukraine, or NATO members only where the attacked state or the
attacked troops' state is a member) and whether the trigger's words reach the
kind of attack (an armed-attack clause does not cover a drone incursion).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from guarantor.domain.attack import ARMED_KINDS, Attack
from guarantor.domain.registry import Instrument, InstrumentKind, ObligationType, State
from guarantor.domain.response import ResponseKind
from guarantor.errors import InputError

__all__ = [
    "REQUIRED",
    "Activation",
    "Duty",
    "Parties",
    "covers",
    "read_duties",
    "trigger_reaches",
]

NATO = "NATO members"

# What honouring each obligation type means. Defend: the 2001 invocation of Article 5
# was honoured with air power (AWACS, Operation Eagle Assist) and naval action
# (Operation Active Endeavour); ground reinforcement stays a choice.
REQUIRED: dict[ObligationType, frozenset[ResponseKind]] = {
    ObligationType.CONSULT: frozenset({ResponseKind.CONSULTATIONS}),
    ObligationType.ASSIST: frozenset(
        {ResponseKind.CONSULTATIONS, ResponseKind.SANCTIONS, ResponseKind.MILITARY_AID}
    ),
    ObligationType.DEFEND: frozenset(
        {
            ResponseKind.CONSULTATIONS,
            ResponseKind.SANCTIONS,
            ResponseKind.MILITARY_AID,
            ResponseKind.AIR_POWER,
            ResponseKind.NAVAL_ACTION,
        }
    ),
}


class Activation(StrEnum):
    """When a covering duty starts to bind."""

    NOW = "now"  # at the attack
    ARTICLE4 = "article4"  # when the North Atlantic Council meets
    ARTICLE5 = "article5"  # when the allies invoke Article 5


@dataclass(frozen=True)
class Duty:
    """One provision as it binds one state."""

    actor: str
    instrument: str
    type: ObligationType
    to: str  # "UKR" or NATO
    trigger: str
    deadline_hours: int | None
    automatic: bool
    legally_binding: bool
    text: str


@dataclass(frozen=True)
class Parties:
    """Who the words of a debtor clause can mean, from the registry and the scenario."""

    states: Sequence[State]
    partners: frozenset[str]  # states (and the EU) with a bilateral agreement with Ukraine
    contributors: frozenset[str]  # the reassurance force

    @property
    def nato(self) -> frozenset[str]:
        return frozenset(s.iso3 for s in self.states if s.nato_member)

    @property
    def european_partners(self) -> frozenset[str]:
        """Partners in Europe: EU or NATO members other than the North American allies."""
        europe = {s.iso3 for s in self.states if s.eu_member or s.nato_member} - {"USA", "CAN"}
        return self.partners & frozenset(europe)


def _debtors(by: str, instrument: Instrument, parties: Parties) -> frozenset[str]:
    text = by.strip()
    groups = {
        NATO.lower(): parties.nato,
        "parties": frozenset(instrument.parties) - {"UKR"},
        "compact signatories": frozenset(instrument.parties) - {"UKR"},
        "states with a bilateral security agreement with ukraine": parties.partners,
        "usa and european partners": parties.european_partners | {"USA"},
        "coalition of the willing contributors": parties.contributors,
    }
    if text.lower() in groups:
        return groups[text.lower()]
    codes = [c for c in re.split(r"\s*(?:,|\band\b)\s*", text) if c]
    if codes and all(re.fullmatch(r"[A-Z]{3}|EU", c) for c in codes):
        return frozenset(codes)
    raise InputError(
        f"instrument {instrument.id}: cannot tell who owes {by!r}; expected ISO3 codes, EU, "
        f"or one of: {', '.join(sorted(groups))}"
    )


def read_duties(instruments: Iterable[Instrument], parties: Parties) -> list[Duty]:
    """Every provision of every instrument, one duty per bound state, in a stable order."""
    duties = []
    for instrument in instruments:
        for obligation in instrument.obligations:
            protected = NATO if obligation.to == NATO else obligation.to
            if protected not in ("UKR", NATO):
                continue
            for actor in sorted(_debtors(obligation.by, instrument, parties)):
                duties.append(
                    Duty(
                        actor=actor,
                        instrument=instrument.id,
                        type=obligation.type,
                        to=protected,
                        trigger=obligation.trigger,
                        deadline_hours=obligation.deadline_hours,
                        automatic=obligation.automatic,
                        legally_binding=obligation.legally_binding,
                        text=obligation.text,
                    )
                )
    return duties


def trigger_reaches(trigger: str, attack: Attack) -> bool:
    """Whether a trigger's words reach this kind of attack.

    Armed attacks meet triggers that speak of an attack, aggression, a threat or
    a situation; hybrid attacks and airspace violations only those that speak of
    a threat or a situation (Article 4, the Budapest consultation clause). A
    nuclear trigger and standing or ceasefire provisions reach none.
    """
    words = trigger.lower()
    if "nuclear" in words or "no attack trigger" in words:
        return False
    below_armed = any(w in words for w in ("threat", "situation arises"))
    if attack.kind in ARMED_KINDS:
        return below_armed or any(w in words for w in ("attack", "aggression"))
    return below_armed


def covers(duty: Duty, attack: Attack, nato: frozenset[str]) -> Activation | None:
    """When ``duty`` binds after ``attack`` (None: it does not apply)."""
    if not trigger_reaches(duty.trigger, attack):
        return None
    if duty.to == "UKR":
        return Activation.NOW if attack.target == "UKR" else None
    members_hit = attack.target in nato or any(state in nato for state in attack.casualties)
    if not members_hit:
        return None  # Article 5 covers Ukraine only if it joins
    if duty.type is ObligationType.DEFEND:
        return Activation.ARTICLE5 if attack.kind in ARMED_KINDS else None
    return Activation.ARTICLE4


def in_design(instruments: Iterable[Instrument], added: Iterable[str]) -> list[Instrument]:
    """Instruments in force plus the named ones (proposals included), in registry order."""
    wanted = set(added)
    return [i for i in instruments if i.kind is not InstrumentKind.PROPOSAL or i.id in wanted]
