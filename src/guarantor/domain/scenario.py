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
from guarantor.domain.belief_rule import (
    BeliefRule,
    Corroboration,
    Directness,
    GradeWeights,
    LogoddsV2,
    Votes,
)
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
