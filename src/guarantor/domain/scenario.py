"""A scenario: the assumptions one run is made under, as a typed model.

Every parameter carries its default, a help line and the reference its default
comes from (``json_schema_extra["reference"]``), so ``guarantor scenario show``
and the report can footnote each number. Loading YAML (with file and line in
errors) lives in ``guarantor.beliefs.scenarios``; this module stays pure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from guarantor.domain.attack import Attacks, default_attacks
from guarantor.domain.cost_planning import CostPlanning
from guarantor.domain.parameters import PROJECT, Part, param
from guarantor.domain.response import ResponsePlanning
from guarantor.domain.vocabulary import Condition, Option

__all__ = [
    "BeliefRule",
    "Corroboration",
    "Directness",
    "ForcePlanning",
    "GradeWeights",
    "LogoddsV2",
    "Scenario",
    "ScenarioConditions",
    "Votes",
    "deep_merge",
    "parameter_rows",
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


MAX_TRIALS = 10_000_000


def _chance(default: float, help: str) -> Any:
    return param(default, help + " A probability; true/false read as 1/0.", PROJECT, ge=0, le=1)


class ScenarioConditions(Part):
    """How likely each condition is to hold (booleans are read as 1 and 0). The default
    is the central case the debate assumes: a ceasefire is in place, parliaments vote,
    the mission is defined and agreed together; no US backstop, no Russian consent, no UN
    mandate, no payment. ``beliefs.logodds.v1`` reads a condition as met when its
    probability is at least 0.5; ``v2`` weighs a conditional stance by the probability."""

    us_backstop: float = _chance(0.0, "The US backs the force (air cover, intelligence).")
    ceasefire: float = _chance(1.0, "A ceasefire is in force (key ceasefire_first).")
    russia_consent: float = _chance(0.0, "Russia accepts the deployment.")
    mandate: float = _chance(0.0, "A UN Security Council (or equivalent) mandate.")
    parliament_approval: float = _chance(1.0, "National parliaments approve.")
    payment: float = _chance(0.0, "Someone else pays the contributor's costs.")
    clear_mission: float = _chance(1.0, "The mission and rules of engagement are set.")
    quid_pro_quo: float = _chance(0.0, "The contributor gets what it asked in return.")
    collective_decision: float = _chance(1.0, "Allies decide together (EU/NATO/coalition).")

    @model_validator(mode="before")
    @classmethod
    def _aliases(cls, data: Any) -> Any:
        """Accept the Condition key ``ceasefire_first`` for ``ceasefire``."""
        if isinstance(data, Mapping) and "ceasefire_first" in data:
            data = dict(data)
            data["ceasefire"] = data.pop("ceasefire_first")
        return data

    def chance(self, condition: Condition) -> float:
        """P(``condition`` holds) (``ceasefire_first`` is ``ceasefire``)."""
        key = "ceasefire" if condition is Condition.CEASEFIRE_FIRST else condition.value
        return float(getattr(self, key))

    def chance_all(self, conditions: Iterable[Condition]) -> float:
        """P(every one of ``conditions`` holds), read as independent."""
        return math.prod(self.chance(c) for c in set(conditions))

    def holds(self, condition: Condition) -> bool:
        """True if the condition is more likely than not (``beliefs.logodds.v1``)."""
        return self.chance(condition) >= 0.5

    def met(self) -> frozenset[Condition]:
        return frozenset(c for c in Condition if self.holds(c))


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

    intercept: float = param(-0.15, "Base-rate log-odds of a state with no record.", FITTED)
    missions: float = param(0.17, "Log-odds per unit share of earlier missions.", FITTED)
    meetings: float = param(0.21, "Log-odds per unit share of coalition meetings.", FITTED)
    evidence_scale: float = param(
        1.14, "Multiplier of every vote's log-odds shift.", FITTED, ge=0, le=5
    )
    half_life_days: float = param(
        142.0,
        "Age at which a statement counts half under v2.",
        FITTED + "; searched between 14 and 1,460 days",
        ge=14,
        le=1460,
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
        "out-of-fold at the 2025-03-31 cut-off it beats v1 and every baseline on AUC and "
        "Brier, and it has the lower Brier score of the two at every cut-off "
        "(guarantor backtest; src/guarantor/data/beliefs/fit.json)",
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


class ForcePlanning(Part):
    """Overrides of the registry's planning factors (None: use the registry's value)."""

    usability: float | None = param(
        None,
        "Share of land forces deployable on operations (None: registry factor).",
        "NATO usability targets, via the registry's planning factors",
        gt=0,
        le=1,
    )
    estimate_sizes: int = param(
        9,
        "A state without a troop pledge sends one of this many equally likely sizes: its "
        "land forces x the peak earlier-mission shares of this many states nearest to it in "
        "land-force size, each capped by what it can sustain.",
        "registry table missions (rows with troops: ISAF 2010, KFOR, UNIFIL 2006) over the "
        "states' land forces; nearest by size because large conscript armies sent small "
        "shares and small professional ones large shares; " + PROJECT,
        ge=1,
        le=99,
    )
    home_defence_reserve: float | None = param(
        None,
        "Share of forces states bordering Russia/Belarus keep home (None: registry factor).",
        "registry planning factor",
        ge=0,
        le=1,
    )
    pledges_are_sustained: bool = param(
        True,
        "Read a troop pledge as troops kept in theatre; false: a pool to rotate (divide it).",
        "pledges are announced as troops to deploy (e.g. 'up to 10,000'); " + PROJECT,
    )
    candidates: Literal["committed_or_willing", "all"] = param(
        "committed_or_willing",
        "Who may contribute: states with a security agreement with Ukraine or a stated "
        "willingness (support/conditional/uncertain) or a troop pledge; 'all': every state.",
        "the force is drawn from Ukraine's partners; a state with neither a commitment nor a "
        "word on troops is not one (" + PROJECT + ")",
    )
    excluded: tuple[str, ...] = param(
        ("UKR", "RUS", "BLR", "USA"),
        "Never counted as contributors: the host, the adversaries, and the US, whose role in "
        "the debate is the backstop (a condition), not troops; drop USA to let evidence decide.",
        "the force discussed is the European-led Multinational Force Ukraine (registry "
        "instrument proposal-mnf-ukraine); US statements of Feb and Aug 2025 rule out US troops",
    )
    chunk_trials: int = param(
        8192,
        "Trials per chunk: bounds memory, never changes results; small chunks stay in cache.",
        PROJECT + "; 8,192 x 40 states x 4 bytes is about 1.3 MB per buffer",
        gt=0,
    )
    sensitivity_trials: int = param(
        20_000, "Trials per run of the sensitivity table.", PROJECT, gt=0, le=MAX_TRIALS
    )


class Scenario(Part):
    """The assumptions of one run; see ``data/scenario/default.yaml`` for the defaults."""

    name: str = param("default", "A label for reports.", PROJECT)
    as_of: date = param(
        date(2026, 1, 31),
        "Evidence, pledges and deployments after this date are ignored.",
        "the month of the newest bundled evidence (Paris summit, 6 Jan 2026); fixed so runs "
        "reproduce",
    )
    requirement: int = param(
        25_000,
        "Troops to keep deployed in Ukraine.",
        "IISS (2025) options of 10k / 25k / 60-100k; 25k is the middle option most reported",
        gt=0,
        le=2_000_000,
    )
    rotation_ratio: float | None = param(
        None,
        "Troops needed per soldier kept deployed (None: registry factor, rule of thirds).",
        "registry planning factor (rule of thirds 3:1; UK planners use 4:1 or 5:1)",
        ge=1,
    )
    conditions: ScenarioConditions = Field(default_factory=ScenarioConditions)
    correlation: float = param(
        0.4,
        "Correlation of participation decisions (one-factor Gaussian copula).",
        PROJECT + "; partners move together on the backstop and on public opinion",
        ge=0,
        lt=1,
    )
    overrides: dict[str, dict[Option, float]] = param(
        {}, "Fixed P(acts) per actor and option, replacing the evidence.", "the analyst"
    )
    trials: int = param(
        200_000,
        "Monte Carlo trials (at most 10 million: beyond that the run takes hours and its "
        "per-trial results gigabytes, for no visible change in the figures).",
        PROJECT,
        gt=0,
        le=MAX_TRIALS,
    )
    seed: int = param(
        20_250_106, "Seed of the random generator; same seed, same numbers.", PROJECT, ge=0
    )
    beliefs: BeliefRule = Field(default_factory=BeliefRule)
    forces: ForcePlanning = Field(default_factory=ForcePlanning)
    costs: CostPlanning = Field(default_factory=CostPlanning)
    attacks: Attacks = param(
        default_attacks(),
        "Attack events at time zero that `respond` simulates (the first by default).",
        "cases in the debate (renewed invasion, strike on the force, drone incursion as in "
        "Poland on 10 Sep 2025); casualty numbers are illustrative",
        min_length=1,
    )
    response: ResponsePlanning = Field(default_factory=ResponsePlanning)

    @field_validator("overrides")
    @classmethod
    def _probabilities(
        cls, value: dict[str, dict[Option, float]]
    ) -> dict[str, dict[Option, float]]:
        for actor, options in value.items():
            for option, p in options.items():
                if not 0 <= p <= 1:
                    raise ValueError(f"override {actor}/{option.value} = {p} is not in [0, 1]")
        return {actor.upper(): opts for actor, opts in value.items()}

    def with_conditions(self, **changes: float) -> Scenario:
        """A copy with some conditions changed (e.g. ``us_backstop=True``)."""
        conditions = self.conditions.model_copy(update={k: float(v) for k, v in changes.items()})
        return self.model_copy(update={"conditions": conditions})


def deep_merge(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` over ``base``, recursing into mappings so a file gives only what it changes."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def parameter_rows(model: type[BaseModel] = Scenario, prefix: str = "") -> Iterator[dict[str, Any]]:
    """Every documented parameter: dotted name, default, help and reference."""
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and field.description is None
        ):
            yield from parameter_rows(annotation, f"{prefix}{name}.")
            continue
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        default = field.get_default(call_default_factory=True)
        if _referenced_items(default):
            for key, item in default.items():
                yield {
                    "name": f"{prefix}{name}.{key}",
                    "default": item,
                    "help": field.description or "",
                    "reference": item.reference,
                }
            continue
        yield {
            "name": f"{prefix}{name}",
            "default": default,
            "help": field.description or "",
            "reference": extra.get("reference", ""),
        }


def _referenced_items(default: Any) -> bool:
    """A mapping of parts that each carry their own reference (e.g. decision procedures)."""
    return (
        isinstance(default, Mapping)
        and bool(default)
        and all(isinstance(v, BaseModel) and hasattr(v, "reference") for v in default.values())
    )
