"""Sharing keys: named, versioned rules that split the yearly bill among states.

A key takes the payers' facts (GDP, defence budget, troops sent) and the bill,
and returns each payer's amount a year. The amounts always add up to the bill's
net amount; ``costs.ability_to_pay.v1`` (in ``capped``) adds caps solved as a
linear programme. Old names never change meaning: a new rule is a new version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from guarantor.costs.items import COMMON, CONTINGENT, YearlyCost
from guarantor.domain.cost_planning import CostPlanning
from guarantor.errors import ConfigurationError

__all__ = [
    "BUILTIN",
    "Allocation",
    "FunctionKey",
    "KeyContext",
    "Payer",
    "SharingKey",
    "Shift",
    "by_weight",
    "gdp_share",
    "gdp_weights",
    "nato_common_funding",
    "participants_pay",
]

NATO_ARRANGEMENT = "nato_common_funding"


@dataclass(frozen=True)
class Payer:
    """A state that may pay: GDP and defence budget a year (USD), expected troops sent."""

    actor: str
    name: str
    gdp: float | None
    defence: float | None
    troops: float = 0.0


@dataclass(frozen=True)
class KeyContext:
    """What a key may look at: every state's facts, who takes part, published shares."""

    states: Mapping[str, Payer]
    participants: tuple[str, ...]
    cost_shares: Mapping[str, Mapping[str, float]]
    plan: CostPlanning


@dataclass(frozen=True)
class Shift:
    """What a cap moved: the uncapped amount a year, the amount paid, and the difference."""

    actor: str
    uncapped: float
    amount: float

    @property
    def shifted(self) -> float:
        return self.amount - self.uncapped


@dataclass(frozen=True)
class Allocation:
    """Each payer's amount a year under one key, and why others pay nothing."""

    amounts: dict[str, float]
    not_paying: dict[str, str] = field(default_factory=dict)
    binding: tuple[str, ...] = ()
    shifts: tuple[Shift, ...] = ()


class SharingKey(Protocol):
    """A named, versioned rule."""

    @property
    def name(self) -> str: ...

    @property
    def help(self) -> str: ...

    def allocate(self, context: KeyContext, bill: YearlyCost) -> Allocation: ...


@dataclass(frozen=True)
class FunctionKey:
    """A built-in key: its versioned name, what it means, and the function that applies it."""

    name: str
    help: str
    rule: Callable[[KeyContext, YearlyCost], Allocation]

    def allocate(self, context: KeyContext, bill: YearlyCost) -> Allocation:
        return self.rule(context, bill)


def by_weight(
    amount: float, weights: Mapping[str, float], *, what: str = "the key"
) -> dict[str, float]:
    """Split ``amount`` in proportion to positive ``weights`` (the last takes the rounding)."""
    positive = {a: w for a, w in weights.items() if w > 0}
    total = sum(positive.values())
    if not positive or total <= 0:
        raise ConfigurationError(f"no state has a positive weight under {what}")
    return {a: amount * w / total for a, w in positive.items()}


def gdp_weights(
    context: KeyContext, actors: tuple[str, ...]
) -> tuple[dict[str, float], dict[str, str]]:
    """GDP of each actor that has one; the others with the reason they are left out."""
    weights: dict[str, float] = {}
    skipped: dict[str, str] = {}
    for actor in actors:
        gdp = context.states[actor].gdp
        if gdp:
            weights[actor] = gdp
        else:
            skipped[actor] = "no GDP figure in the registry"
    return weights, skipped


def gdp_share(context: KeyContext, bill: YearlyCost) -> Allocation:
    """Participants pay in proportion to their GDP."""
    weights, skipped = gdp_weights(context, context.participants)
    return Allocation(by_weight(bill.net, weights, what="costs.gdp_share.v1"), skipped)


def nato_common_funding(context: KeyContext, bill: YearlyCost) -> Allocation:
    """Every ally pays its NATO common-funding share, as for a NATO common-funded mission."""
    shares = context.cost_shares.get(NATO_ARRANGEMENT, {})
    known = {a: s for a, s in shares.items() if a in context.states}
    skipped = {
        a: "taking part, but not in NATO's cost-share arrangement"
        for a in context.participants
        if a not in known
    }
    amounts = by_weight(bill.net, known, what="costs.nato_common_funding.v1 (registry cost_shares)")
    return Allocation(amounts, skipped)


def participants_pay(context: KeyContext, bill: YearlyCost) -> Allocation:
    """Costs lie where they fall: each contributor pays for its own contingent (troops,
    rotation, enablers, by troops sent); the common items are shared by GDP."""
    weights, skipped = gdp_weights(context, context.participants)
    troops = {a: context.states[a].troops for a in context.participants}
    contingent = bill.part(CONTINGENT)
    own = (
        by_weight(contingent, troops, what="costs.participants_pay.v1")
        if sum(troops.values()) > 0
        else by_weight(contingent, weights, what="costs.participants_pay.v1")
    )
    shared = by_weight(bill.part(COMMON), weights, what="costs.participants_pay.v1")
    amounts = {a: own.get(a, 0.0) + shared.get(a, 0.0) for a in own.keys() | shared.keys()}
    return Allocation(amounts, skipped)


BUILTIN: dict[str, FunctionKey] = {
    k.name: k
    for k in (
        FunctionKey(
            "costs.gdp_share.v1",
            "participants pay in proportion to GDP",
            gdp_share,
        ),
        FunctionKey(
            "costs.nato_common_funding.v1",
            "all allies pay NATO's common-funding cost shares (registry cost_shares)",
            nato_common_funding,
        ),
        FunctionKey(
            "costs.participants_pay.v1",
            "contributors pay for their own contingents; common items by GDP",
            participants_pay,
        ),
    )
}
