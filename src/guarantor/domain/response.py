"""The response to an attack, as scenario parameters: decision procedures,
response options with readiness times, reliability base rates and instrument designs.

Every default carries its help and the reference it comes from, like the rest of
the scenario, so ``guarantor scenario show`` lists them. Pure models: the
simulation lives in ``guarantor.response``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, field_validator, model_validator

from guarantor.domain.parameters import PROJECT, Part, param
from guarantor.domain.vocabulary import Option

__all__ = [
    "DecisionProcedure",
    "Delay",
    "Design",
    "ResponseKind",
    "ResponsePlanning",
]

LEEDS_2000 = (
    "Leeds, Long & Mitchell (2000), 'Reevaluating Alliance Reliability', J. Conflict "
    "Resolution 44(5): alliance commitments honoured in 74.5% of the cases where they applied"
)
BERKEMEIER_2018 = (
    "Berkemeier & Fuhrmann (2018), 'Reassessing the fulfillment of alliance commitments in "
    "war', Research & Politics 5(2): defence pacts honoured in about 41% of cases"
)


class Delay(Part):
    """A time in hours, triangular between ``low`` and ``high`` with its mode."""

    low: float = Field(ge=0)
    mode: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Delay:
        if not self.low <= self.mode <= self.high:
            raise ValueError(f"need low <= mode <= high, got {self.low}, {self.mode}, {self.high}")
        return self


class ResponseKind(StrEnum):
    """What a guarantor can do, weakest first; each maps to a belief option."""

    CONSULTATIONS = "consultations"
    SANCTIONS = "sanctions"
    MILITARY_AID = "military_aid"
    AIR_POWER = "air_power"
    NAVAL_ACTION = "naval_action"
    GROUND_REINFORCEMENT = "ground_reinforcement"

    @property
    def option(self) -> Option | None:
        """The belief that measures the will to do it (None: consultations)."""
        return _BELIEF[self]

    @property
    def military(self) -> bool:
        return self in MILITARY


_BELIEF: dict[ResponseKind, Option | None] = {
    ResponseKind.CONSULTATIONS: None,
    ResponseKind.SANCTIONS: Option.SANCTIONS,
    ResponseKind.MILITARY_AID: Option.MILITARY_AID,
    ResponseKind.AIR_POWER: Option.AIR_SUPPORT,
    ResponseKind.NAVAL_ACTION: Option.NAVAL_SUPPORT,
    ResponseKind.GROUND_REINFORCEMENT: Option.GROUND_TROOPS,
}
MILITARY = frozenset(
    {ResponseKind.AIR_POWER, ResponseKind.NAVAL_ACTION, ResponseKind.GROUND_REINFORCEMENT}
)


class DecisionProcedure(Part):
    """How one state decides: an executive decision, and a parliament for armed force."""

    executive: Delay | None = Field(
        default=None, description="None: the scenario's default executive delay"
    )
    parliament: Delay | None = Field(
        default=None, description="prior mandate for armed deployments; None: not required"
    )
    emergency_exception: bool = Field(
        default=False,
        description="may deploy first and seek the mandate afterwards when "
        "its own troops are attacked or a defence obligation is automatic",
    )
    responses: tuple[ResponseKind, ...] = Field(
        default=tuple(ResponseKind), description="what it can do at all"
    )
    reference: str = Field(min_length=1)


def _procedures() -> dict[str, DecisionProcedure]:
    weeks = Delay(low=48, mode=216, high=504)
    return {
        "DEU": DecisionProcedure(
            parliament=weeks,
            emergency_exception=True,
            reference="Parlamentsbeteiligungsgesetz (2005) s.1(2): armed deployments need the "
            "Bundestag's prior approval; s.5: in imminent danger the government deploys first "
            "and seeks approval after (Kabul evacuation: deployed 16 Aug 2021, approved "
            "25 Aug 2021, nine days); spread: " + PROJECT,
        ),
        "ITA": DecisionProcedure(
            parliament=Delay(low=72, mode=240, high=720),
            reference="Law 145/2016 (legge quadro sulle missioni internazionali) arts. 2-3: the "
            "Council of Ministers deliberates, the chambers authorise; spread: " + PROJECT,
        ),
        "ESP": DecisionProcedure(
            parliament=Delay(low=48, mode=168, high=504),
            emergency_exception=True,
            reference="Ley Orgánica 5/2005 de la Defensa Nacional art. 17: prior authorisation "
            "of the Congreso; in urgent cases it ratifies afterwards; spread: " + PROJECT,
        ),
        "DNK": DecisionProcedure(
            parliament=Delay(low=24, mode=72, high=336),
            reference="Constitution of Denmark s.19(2): force against a foreign state needs the "
            "Folketing's consent; spread: " + PROJECT,
        ),
        "CZE": DecisionProcedure(
            parliament=Delay(low=72, mode=240, high=720),
            emergency_exception=True,
            reference="Constitution of the Czech Republic art. 43(3)-(4): both chambers consent "
            "to sending forces abroad; the government may decide alone for up to 60 days for "
            "collective defence; spread: " + PROJECT,
        ),
        "SWE": DecisionProcedure(
            parliament=Delay(low=48, mode=168, high=504),
            reference="Instrument of Government (Regeringsformen) ch. 15 art. 16: armed forces "
            "are sent abroad with the Riksdag's consent or under a law it passed; spread: "
            + PROJECT,
        ),
        "EU": DecisionProcedure(
            executive=Delay(low=24, mode=96, high=720),
            responses=(
                ResponseKind.CONSULTATIONS,
                ResponseKind.SANCTIONS,
                ResponseKind.MILITARY_AID,
            ),
            reference="TEU art. 31: CFSP decisions by unanimity in the Council (first sanctions "
            "package of 2022 adopted 23 Feb, a day after Russia recognised the separatist "
            "regions); the EU has no forces of its own; spread: " + PROJECT,
        ),
    }


def _readiness() -> dict[ResponseKind, Delay]:
    return {
        ResponseKind.CONSULTATIONS: Delay(low=1, mode=6, high=48),
        ResponseKind.SANCTIONS: Delay(low=24, mode=72, high=504),
        ResponseKind.MILITARY_AID: Delay(low=24, mode=120, high=504),
        ResponseKind.AIR_POWER: Delay(low=12, mode=48, high=168),
        ResponseKind.NAVAL_ACTION: Delay(low=48, mode=168, high=504),
        ResponseKind.GROUND_REINFORCEMENT: Delay(low=48, mode=168, high=720),
    }


def _reliability() -> dict[str, float]:
    return {"commitment": 0.745, "defend": 0.41, "none": 0.5}


class Design(Part):
    """An instrument design to compare on the same attack (common random numbers)."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    help: str = Field(min_length=1)
    instruments: tuple[str, ...] = Field(
        default=(), description="registry instruments added to those in force (proposals too)"
    )
    force_present: bool = Field(
        default=False, description="the reassurance force is in Ukraine and is hit too"
    )
    conditions: dict[str, bool] = Field(default_factory=dict, description="conditions changed")


def _designs() -> tuple[Design, ...]:
    return (
        Design(
            name="bilateral_consultation",
            help="today's agreements: the instruments in force on as_of (bilateral consult "
            "within 24 h and discretionary assistance, the Compact, Budapest)",
        ),
        Design(
            name="article5_like",
            help="an Article-5-like defence pledge without membership",
            instruments=("proposal-article5-like",),
        ),
        Design(
            name="italy_24h",
            help="Italy's proposal: partners decide on assistance within 24 h",
            instruments=("proposal-ita-24h",),
        ),
        Design(
            name="reassurance_force",
            help="the reassurance force is deployed and its contributors' soldiers are hit "
            "(tripwire; NATO Article 4/5 step)",
            instruments=("proposal-mnf-ukraine",),
            force_present=True,
        ),
        Design(
            name="us_backstop",
            help="the reassurance force with a US backstop (condition us_backstop holds)",
            instruments=("proposal-mnf-ukraine",),
            force_present=True,
            conditions={"us_backstop": True},
        ),
    )


class ResponsePlanning(Part):
    """Parameters of ``response.simpy.v1``."""

    rule: Literal["response.simpy.v1"] = param(
        "response.simpy.v1", "Versioned name of the response simulation.", "guarantor.response"
    )
    replications: int = param(
        2000, "Replications per run (each with a spawned child generator).", PROJECT, gt=0
    )
    brief_replications: int = param(
        300,
        "Replications per design in `assess`, whose comparison of designs is a brief one "
        "(`respond --compare` uses 'replications').",
        PROJECT + "; keeps `assess` to a few seconds",
        gt=0,
    )
    horizon_h: float = param(
        2160.0,
        "Hours simulated after the attack; later acts count as never.",
        PROJECT + "; 90 days, past the 30-day window reported",
        gt=0,
    )
    reliability: dict[str, float] = param(
        _reliability(),
        "P(a state stands by Ukraine at all after the attack), on one uniform per state so "
        "the rates nest: 'commitment' where an obligation covering the attack binds it (then it "
        "does what its duties require and what it wants), 'defend' for fighting because a "
        "defence duty requires it, 'none' for a guarantor no duty covers. States move together "
        "with the scenario's correlation.",
        f"commitment: {LEEDS_2000}; defend: {BERKEMEIER_2018}; none: " + PROJECT + ", below "
        "the committed rate",
    )
    consult_at_will: float = param(
        0.9,
        "P(a guarantor that stands by Ukraine meets it without a duty to consult).",
        PROJECT + "; in Feb 2022 every partner met or called Kyiv within days",
        ge=0,
        le=1,
    )
    tripwire: float = param(
        3.0,
        "Odds multiplier on every response of a state whose own soldiers are killed: "
        "P' = P f / (1 - P + P f). A state that would never act stays at 0.",
        "Schelling (1966) 'Arms and Influence' (the tripwire); Reiter & Poast (2021) 'The "
        "Truth about Tripwires', Texas National Security Review 4(3), doubt its force; "
        "the factor is a " + PROJECT,
        ge=1,
    )
    executive: Delay = param(
        Delay(low=2, mode=12, high=72),
        "Hours for a government to decide on its response (triangular).",
        "bilateral agreements promise consultations within 24 h (registry instruments); "
        "spread: " + PROJECT,
    )
    readiness: dict[ResponseKind, Delay] = param(
        _readiness(),
        "Hours from decision to effect, per response (triangular).",
        "consultations: NAC met the day Poland asked (10 Sep 2025); sanctions: EU package of "
        "23 Feb 2022 a day after recognition, others weeks; air power: Eastern Sentry launched "
        "12 Sep 2025, two days after the drone incursion; ground: NATO VJTF lead elements in "
        "2-3 days, the brigade in 5-7 (Wales Summit 2014), the NRF in 30 days; naval and "
        "military aid spreads: " + PROJECT,
    )
    procedures: dict[str, DecisionProcedure] = param(
        _procedures(),
        "Decision procedures that differ from the default (executive decision only).",
        "each procedure names its law; see its 'reference'",
    )
    article4: Delay = param(
        Delay(low=2, mode=8, high=96),
        "Hours until the North Atlantic Council meets under Article 4 after a member or its "
        "forces are attacked or threatened.",
        "Poland 10 Sep 2025 (same day); Estonia 19-23 Sep 2025 (4 days); Türkiye 22-26 Jun "
        "2012 (4 days)",
    )
    article5: Delay = param(
        Delay(low=12, mode=24, high=168),
        "Hours from the Article 4 meeting to an Article 5 decision.",
        "the one invocation: 12 Sep 2001, the day after the attacks",
    )
    article5_forces_abroad: float = param(
        0.25,
        "P(the allies invoke Article 5 when members' forces are hit in Ukraine, outside the "
        "treaty area of Article 6); an armed attack on a member's territory invokes it.",
        "North Atlantic Treaty art. 6 (the area); US Defense Secretary Hegseth, 12 Feb 2025: "
        "a force in Ukraine should sit outside NATO and Article 5 (ledger "
        "usa-2025-02-12-ground); the number is a " + PROJECT,
        ge=0,
        le=1,
    )
    force_contributors: tuple[str, ...] = param(
        ("GBR", "FRA"),
        "Who is in the reassurance force (who owes its 'Coalition of the Willing "
        "contributors' obligations and whose soldiers a design's attack hits).",
        "UK-France-Ukraine declaration of intent, Paris, 6 Jan 2026 (registry instrument "
        "proposal-mnf-ukraine)",
    )
    designs: tuple[Design, ...] = param(
        _designs(),
        "Instrument designs that `respond --compare` runs on the same attack.",
        "the designs in the debate: registry instruments and proposals",
    )

    @field_validator("reliability")
    @classmethod
    def _rates(cls, value: dict[str, float]) -> dict[str, float]:
        full = _reliability() | dict(value)
        if set(full) != set(_reliability()):
            raise ValueError("reliability keys are commitment, defend and none")
        if any(not 0 <= p <= 1 for p in full.values()):
            raise ValueError("reliability rates must lie in [0, 1]")
        if not full["defend"] <= full["commitment"] or not full["none"] <= full["commitment"]:
            raise ValueError("reliability rates must nest: defend and none <= commitment")
        return full

    @field_validator("readiness")
    @classmethod
    def _every_response(cls, value: dict[ResponseKind, Delay]) -> dict[ResponseKind, Delay]:
        return _readiness() | dict(value)

    @field_validator("procedures")
    @classmethod
    def _actors(cls, value: dict[str, DecisionProcedure]) -> dict[str, DecisionProcedure]:
        """Given procedures replace the defaults of those actors; the others stay."""
        return _procedures() | {actor.upper(): procedure for actor, procedure in value.items()}

    @model_validator(mode="after")
    def _unique_designs(self) -> ResponsePlanning:
        names = [d.name for d in self.designs]
        if len(set(names)) != len(names):
            raise ValueError(f"design names must be unique, got {names}")
        return self

    def procedure(self, actor: str) -> DecisionProcedure:
        return self.procedures.get(actor) or DecisionProcedure(reference="default")
