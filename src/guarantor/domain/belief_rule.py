"""The belief rule's parameters (``beliefs.logodds.v1`` and ``v2``): what each stance
votes for, how grade, recency and directness weigh a vote, the priors, and v2's fitted
part. A block of the scenario (``Scenario.beliefs``); the rule itself lives in
``guarantor.beliefs``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from guarantor.domain.parameters import PROJECT, Part, param
from guarantor.domain.vocabulary import Option

__all__ = [
    "FITTED",
    "BeliefRule",
    "Corroboration",
    "Directness",
    "GradeWeights",
    "LogoddsV2",
    "Votes",
]

LEEDS_2000 = (
    "Leeds, Long & Mitchell (2000), 'Reevaluating Alliance Reliability', J. Conflict "
    "Resolution 44(5): alliance commitments honoured in 74.5% of cases where they applied, "
    "1816-1944 (all ATOP obligation types, including consultation and neutrality)"
)
BERKEMEIER_2018 = (
    "Berkemeier & Fuhrmann (2018), 'Reassessing the fulfillment of alliance commitments in "
    "war', Research & Politics 5(2): defence pacts honoured in about 41% of cases, 1816-2003"
)


class Votes(Part):
    """The probability each stance votes for; the order keeps the rule monotone."""

    support: float = param(0.85, "A stated willingness to act.", PROJECT, gt=0, lt=1)
    oppose: float = param(0.08, "A stated refusal.", PROJECT, gt=0, lt=1)
    uncertain: float = param(0.4, "Undecided, hedged or 'not ruled out'.", PROJECT, gt=0, lt=1)
    conditional_met: float = param(
        0.75, "Conditional, and the scenario meets every condition.", PROJECT, gt=0, lt=1
    )
    conditional_unmet: float = param(
        0.2, "Conditional, and some condition is not met.", PROJECT, gt=0, lt=1
    )
    conditional_unspecified: float = param(
        0.45, "Conditional without a named condition.", PROJECT, gt=0, lt=1
    )

    @model_validator(mode="after")
    def _ordered(self) -> Votes:
        if not (self.oppose <= self.conditional_unmet <= self.conditional_met):
            raise ValueError("votes must satisfy oppose <= conditional_unmet <= conditional_met")
        lowest = min(self.support, self.uncertain, self.conditional_unspecified)
        if self.oppose > lowest:
            raise ValueError("the oppose vote must be the lowest vote")
        return self


class GradeWeights(Part):
    """Weight by Admiralty grade: reliability letter times credibility digit."""

    reliability: dict[str, float] = param(
        {"A": 1.0, "B": 0.85, "C": 0.65, "D": 0.4, "E": 0.2, "F": 0.5},
        "Weight per source reliability A-F (F, 'cannot be judged', sits mid-way).",
        "letter meanings: NATO AJP-2.1 / US FM 2-22.3 app. B; numbers: " + PROJECT,
    )
    credibility: dict[int, float] = param(
        {1: 1.0, 2: 0.85, 3: 0.65, 4: 0.4, 5: 0.2, 6: 0.5},
        "Weight per information credibility 1-6 (6, 'cannot be judged', sits mid-way).",
        "digit meanings: NATO AJP-2.1 / US FM 2-22.3 app. B; numbers: " + PROJECT,
    )

    @field_validator("reliability")
    @classmethod
    def _letters(cls, value: dict[str, float]) -> dict[str, float]:
        value = {k.upper(): v for k, v in value.items()}
        if set(value) != set("ABCDEF") or any(not 0 <= v <= 1 for v in value.values()):
            raise ValueError("reliability weights need keys A-F with values in [0, 1]")
        return value

    @field_validator("credibility")
    @classmethod
    def _digits(cls, value: dict[int, float]) -> dict[int, float]:
        if set(value) != set(range(1, 7)) or any(not 0 <= v <= 1 for v in value.values()):
            raise ValueError("credibility weights need keys 1-6 with values in [0, 1]")
        return value


class Directness(Part):
    """Second-hand evidence weighs less than an actor's own statement."""

    analysis: float = param(0.5, "Multiplier for an outlet's own analysis.", PROJECT, ge=0, le=1)
    claimed_by: float = param(
        0.6, "Multiplier when another actor describes the stance.", PROJECT, ge=0, le=1
    )


class Corroboration(Part):
    """How repeated reports count: once per independent source and stance."""

    rule: Literal["one_per_source"] = param(
        "one_per_source",
        "Group evidence by (source_key, stance); each group casts its heaviest vote once.",
        "near-duplicates are one story (ingest clusters them); " + PROJECT,
    )


def _default_priors() -> dict[Option, float]:
    costly = {
        Option.GROUND_TROOPS,
        Option.WESTERN_TROOPS_IN_UKRAINE,
        Option.AIR_SUPPORT,
        Option.NAVAL_SUPPORT,
        Option.SECURITY_GUARANTEE,
        Option.COLLECTIVE_DEFENSE,
        Option.NATO_MEMBERSHIP,
    }
    return {o: (0.41 if o in costly else 0.745) for o in Option}


FITTED = (
    "fitted by `guarantor backtest --fit` (make fit) on the bundled ledger and the states' "
    "later stances on ground troops at cut-offs 2024-12-31, 2025-03-31 and 2025-06-30, "
    "pooled; every reported score is out-of-fold by state (src/guarantor/data/beliefs/fit.json)"
)


class LogoddsV2(Part):
    """The parameters of ``beliefs.logodds.v2`` (the rest is shared with v1); five are fitted.

    The prior of a state is its own base rate: ``expit(intercept + missions x m +
    meetings x c)``, with m the share of earlier multinational missions of the option's
    kind it took part in and c the share of the coalition's meetings it attended by
    ``as_of`` (registry tables ``missions`` and ``meetings``). Each vote's log-odds
    shift is multiplied by ``evidence_scale``, and a statement counts half after
    ``half_life_days`` (v2's own recency, fitted: how long a stated line predicts what
    a state does next). A conditional stance votes ``q x conditional_met + (1 - q) x
    prior`` with q = P(its conditions): if they fail, it tells nothing.
    """

    intercept: float = param(-0.24, "Base-rate log-odds of a state with no record.", FITTED)
    missions: float = param(0.26, "Log-odds per unit share of earlier missions.", FITTED)
    meetings: float = param(0.03, "Log-odds per unit share of coalition meetings.", FITTED)
    evidence_scale: float = param(
        1.12, "Multiplier of every vote's log-odds shift.", FITTED, ge=0, le=5
    )
    half_life_days: float = param(
        1460.0,
        "Age at which a statement counts half under v2.",
        FITTED + "; searched between 14 and 1,460 days",
        ge=14,
        le=1460,
    )
    wartime_weight: float = param(
        0.25,
        "Multiplier of a statement about sending forces into the war under way (context "
        "'wartime'): it answers whether a state would join the fighting, not whether it "
        "would join a mission after a ceasefire, which is what v2 forecasts.",
        PROJECT + "; set before any backtest with it was run, not fitted (v2 fits five "
        "parameters at most); docs/beliefs.md shows the backtest at 0, 0.25, 0.5 and 1",
        ge=0,
        le=1,
    )
    conditional_unmet: float = param(
        0.75,
        "Unused since v2 reads 'willing if X' with X failed as no information (the state's "
        "prior); kept so older scenario files still load.",
        PROJECT,
        gt=0,
        lt=1,
    )


class BeliefRule(Part):
    """Parameters of ``beliefs.logodds.v1`` and ``v2`` (v2 adds ``v2``)."""

    rule: Literal["beliefs.logodds.v1", "beliefs.logodds.v2"] = param(
        "beliefs.logodds.v2",
        "Versioned name of the belief rule, so an old scenario reproduces; "
        "beliefs.logodds.v1 stays selectable.",
        "guarantor.beliefs.logodds (v1), guarantor.beliefs.v2 (v2). v2 is the default: "
        "out-of-fold it beats every naive baseline on AUC and Brier at the 2024-12-31, "
        "2025-03-31 and 2025-06-30 cut-offs, and v1 on Brier at each (v1 ranks as well "
        "in 2025) (guarantor backtest; src/guarantor/data/beliefs/fit.json; docs/beliefs.md)",
    )
    priors: dict[Option, float] = param(
        _default_priors(),
        "P(acts) before any evidence. 0.41 for options that put forces at risk of war "
        "(troops, air, naval, guarantees, collective defence, NATO membership): the record of "
        "defence pacts, the nearest promise to fight. 0.745 for lower-cost acts (monitoring, "
        "aid, money, sanctions): the record of all alliance obligations, most short of war.",
        f"{BERKEMEIER_2018}; {LEEDS_2000}",
    )
    votes: Votes = Field(default_factory=Votes)
    grade_weights: GradeWeights = Field(default_factory=GradeWeights)
    half_life_days: float = param(
        365.0,
        "Age at which a statement counts half: positions shift with governments and events.",
        PROJECT + "; a year, about the life of a stated national line in the 2025 debate",
        gt=0,
    )
    undated_weight: float = param(
        0.5,
        "Unused since undated evidence is left out of every as-of run (kept so old "
        "scenario files still load).",
        PROJECT,
        ge=0,
        le=1,
    )
    directness: Directness = Field(default_factory=Directness)
    v2: LogoddsV2 = Field(default_factory=LogoddsV2)
    corroboration: Corroboration = Field(default_factory=Corroboration)
    bounds: tuple[float, float] = param(
        (0.01, 0.99),
        "No amount of reporting makes an act certain: beliefs are clipped to this range.",
        PROJECT,
    )

    @field_validator("priors")
    @classmethod
    def _complete(cls, value: dict[Option, float]) -> dict[Option, float]:
        full = _default_priors() | dict(value)
        if any(not 0 < p < 1 for p in full.values()):
            raise ValueError("priors must lie strictly between 0 and 1")
        return full

    @model_validator(mode="after")
    def _prior_above_oppose(self) -> BeliefRule:
        low, high = self.bounds
        if not 0 < low < high < 1:
            raise ValueError("bounds must satisfy 0 < low < high < 1")
        if any(p < self.votes.oppose for p in self.priors.values()):
            raise ValueError("every prior must be at least the oppose vote")
        if not self.votes.oppose <= self.v2.conditional_unmet <= self.votes.conditional_met:
            raise ValueError(
                "v2.conditional_unmet must lie between the oppose and conditional_met votes"
            )
        return self
