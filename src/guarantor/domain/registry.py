"""The registry's reference facts as typed models: states, forces tied down abroad,
planning factors, guarantee instruments with their obligations, pledges, the
bundled ledger of stated positions and the exchange rates that convert pledges.

Every row carries its source, because every number must survive the question
"where does that come from?". Imports nothing of ours but the vocabulary.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guarantor.domain.grade import Grade
from guarantor.domain.vocabulary import Condition, Option, Stance

__all__ = [
    "Commitment",
    "CostShare",
    "ExchangeRate",
    "Instrument",
    "InstrumentKind",
    "LedgerPosition",
    "MeetingAttendance",
    "MissionFamily",
    "MissionRecord",
    "Obligation",
    "ObligationType",
    "PlanningFactor",
    "Pledge",
    "PledgeKind",
    "PledgeStatus",
    "State",
    "Verification",
]

_RELIABILITY = "ABCDEF"
_FIGURE_SOURCES = {
    "active_personnel": "active_personnel_source",
    "land_forces": "land_forces_source",
    "defence_spending_usd_m": "defence_spending_source",
    "gdp_usd_bn": "gdp_source",
    "population_m": "population_source",
}


EARLIEST = date(1945, 1, 1)  # nothing in the registry predates the post-war order
LATEST = date(2100, 12, 31)  # the longest agreements run decades, not centuries
LARGEST = 1e13  # ten trillion: above any money amount in any currency the registry holds


class _Row(BaseModel):
    """Frozen, strict about unknown keys: a typo in a data file is an error, not a gap.

    Values are checked at the door: finite numbers no larger than ``LARGEST``
    and dates between ``EARLIEST`` and ``LATEST``, so nothing that passes can
    crash a model later (an overflow, an infinite pledge).
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", use_enum_values=False, allow_inf_nan=False
    )

    @model_validator(mode="after")
    def _sane(self) -> Any:
        for name, value in self:
            if isinstance(value, date) and not EARLIEST <= value <= LATEST:
                raise ValueError(f"{name}: {value} is outside {EARLIEST} to {LATEST}")
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and abs(value) > LARGEST:
                raise ValueError(f"{name}: {value:.3g} is larger than {LARGEST:.0e}")
        return self

    @model_validator(mode="before")
    @classmethod
    def _blank_is_none(cls, data: Any) -> Any:
        """An empty cell in an optional column means 'not known', as in the CSVs."""
        if not isinstance(data, dict):
            return data
        optional = {n for n, f in cls.model_fields.items() if f.default is None}
        return {k: (None if v == "" and k in optional else v) for k, v in data.items()}


class State(_Row):
    """A state's memberships and capacity, each figure with its year and source."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=1)
    nato_member: bool
    nato_member_since: int | None = Field(default=None, ge=1949, le=2100)
    eu_member: bool
    borders_russia_or_belarus: bool
    nuclear_weapon_state: bool
    unsc_permanent: bool
    active_personnel: int | None = Field(default=None, ge=0, le=10_000_000)
    active_personnel_year: int | None = None
    active_personnel_source: str | None = None
    land_forces: int | None = Field(default=None, ge=0, description="active land forces")
    land_forces_year: int | None = None
    land_forces_source: str | None = None
    defence_spending_usd_m: float | None = Field(default=None, ge=0)
    defence_spending_year: int | None = None
    defence_spending_source: str | None = None
    gdp_usd_bn: float | None = Field(default=None, ge=0)
    gdp_year: int | None = None
    gdp_source: str | None = None
    population_m: float | None = Field(default=None, ge=0)
    population_source: str | None = None
    status_source: str = Field(min_length=1, description="source of memberships and borders")
    notes: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> State:
        if self.nato_member != (self.nato_member_since is not None):
            raise ValueError("nato_member and nato_member_since disagree")
        for figure, source_field in _FIGURE_SOURCES.items():
            if getattr(self, figure) is not None and not getattr(self, source_field):
                raise ValueError(f"{figure} is given without {source_field}")
        return self

    @property
    def id(self) -> str:
        return self.iso3

    @property
    def source(self) -> str:
        return self.status_source


class Commitment(_Row):
    """Forces a state keeps deployed elsewhere: the forces model subtracts them."""

    id: str = Field(min_length=1)
    actor: str = Field(pattern=r"^[A-Z]{3}$", description="the state whose troops they are")
    host: str = Field(pattern=r"^[A-Z]{3,10}$", description="ISO3, or EUROPE for a theatre")
    name: str = Field(min_length=1)
    role: str = Field(default="contributor", description="framework nation or contributor")
    troops: int = Field(ge=0, le=10_000_000)
    approximate: bool = True
    start: date
    end: date | None = None
    source_url: str = Field(min_length=1)
    notes: str | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Commitment:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end: {self.end} is before start {self.start}")
        return self

    @property
    def source(self) -> str:
        return self.source_url


class PlanningFactor(_Row):
    """A named planning assumption: default, plausible range, unit and reference."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: float
    low: float
    high: float
    unit: str = Field(min_length=1)
    help: str = Field(min_length=1)
    reference: str = Field(min_length=1)

    @model_validator(mode="after")
    def _in_range(self) -> PlanningFactor:
        if not self.low <= self.value <= self.high:
            raise ValueError(f"value {self.value} is outside [{self.low}, {self.high}]")
        return self

    @property
    def id(self) -> str:
        return self.name

    @property
    def source(self) -> str:
        return self.reference


class ObligationType(StrEnum):
    """ATOP's ladder, weakest first."""

    CONSULT = "consult"
    ASSIST = "assist"
    DEFEND = "defend"


class Obligation(BaseModel):
    """One provision: who owes what, on what trigger, how fast, how binding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: ObligationType
    by: str = Field(description="who owes it: ISO3, EU, NATO members, or 'parties'")
    to: str = Field(default="UKR")
    trigger: str = Field(min_length=1)
    deadline_hours: int | None = Field(default=None, ge=0)
    automatic: bool = False
    legally_binding: bool = False
    text: str = Field(min_length=1, description="the provision in our own words")


class InstrumentKind(StrEnum):
    BILATERAL_AGREEMENT = "bilateral_agreement"
    ALLIANCE_TREATY = "alliance_treaty"
    MEMORANDUM = "memorandum"
    MULTILATERAL_DECLARATION = "multilateral_declaration"
    PROPOSAL = "proposal"


class Verification(StrEnum):
    """How sure the record is that the instrument exists as described."""

    CONFIRMED = "confirmed"
    DOUBTFUL = "doubtful"
    REPORTED_UNCONFIRMED = "reported_unconfirmed"
    PROPOSED = "proposed"


class Instrument(_Row):
    """A guarantee instrument coded provision by provision (ATOP-style)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    name: str = Field(min_length=1)
    kind: InstrumentKind
    parties: tuple[str, ...] = Field(min_length=1)
    obligations: tuple[Obligation, ...] = ()
    signed: date | None = Field(default=None, description="signing date; None for proposals")
    in_force: date | None = Field(default=None, description="when it applies, if known")
    proposed_on: date | None = Field(default=None, description="when a proposal was floated")
    duration_years: int | None = Field(default=None, ge=0)
    end_conditions: tuple[str, ...] = ()
    legally_binding: bool = False
    ratified: bool | None = None
    consult_within_24h: bool | None = Field(
        default=None, description="True if a source confirms it; None when unknown"
    )
    money: str | None = None
    verification: Verification = Verification.CONFIRMED
    sources: tuple[str, ...] = Field(min_length=1)
    notes: str | None = None

    @property
    def source(self) -> str:
        return self.sources[0]

    @property
    def strongest(self) -> ObligationType | None:
        order = list(ObligationType)
        kinds = [o.type for o in self.obligations]
        return max(kinds, key=order.index) if kinds else None

    @property
    def fastest_deadline_hours(self) -> int | None:
        hours = [o.deadline_hours for o in self.obligations if o.deadline_hours is not None]
        return min(hours) if hours else None

    def in_force_on(self, day: date) -> bool:
        """Signed by ``day`` and not past its stated term; proposals are never in force."""
        if self.signed is None or self.kind is InstrumentKind.PROPOSAL:
            return False
        start = self.in_force or self.signed
        if start > day:
            return False
        if self.duration_years is not None:
            try:
                end = start.replace(year=start.year + self.duration_years)
            except ValueError:  # 29 February
                end = start.replace(year=start.year + self.duration_years, day=28)
            return day < end
        return True


class PledgeKind(StrEnum):
    TROOPS = "troops"
    AIRCRAFT = "aircraft"
    SHIPS = "ships"
    AIR_DEFENCE = "air_defence"
    MONEY = "money"
    EQUIPMENT = "equipment"
    SANCTIONS = "sanctions"


class PledgeStatus(StrEnum):
    """The Kiel Institute's ladder: promised and delivered are never mixed."""

    ANNOUNCED = "announced"
    COMMITTED = "committed"
    ALLOCATED = "allocated"
    DELIVERED = "delivered"


class Pledge(_Row):
    """A concrete offer with amount, unit, conditions, date and source.

    Money amounts give the currency as ``unit`` (ISO 4217) and the price year
    as ``unit_year``; the registry converts them with its dated rate table.
    """

    id: str = Field(min_length=1)
    actor: str = Field(min_length=2)
    kind: PledgeKind
    amount: float | None = Field(default=None, ge=0, description="None when none was stated")
    unit: str = Field(min_length=1, description="currency code, 'troops', 'aircraft', ...")
    unit_year: int | None = None
    description: str = Field(min_length=1)
    conditions: tuple[Condition, ...] = ()
    pledged_on: date
    status: PledgeStatus = PledgeStatus.ANNOUNCED
    instrument: str | None = None
    source_url: str = Field(min_length=1)
    notes: str | None = None

    @property
    def source(self) -> str:
        return self.source_url

    @property
    def is_money(self) -> bool:
        return len(self.unit) == 3 and self.unit.isupper()


class LedgerPosition(_Row):
    """A bundled stated position: what a state said, when, where it was reported.

    The paraphrase is ours, one line; no sentence is copied from the outlet.
    """

    id: str = Field(min_length=1)
    actor: str = Field(min_length=2)
    option: Option
    stance: Stance
    conditions: tuple[Condition, ...] = ()
    stated_on: date
    outlet: str = Field(min_length=1)
    source_url: str = Field(min_length=1)
    paraphrase: str = Field(min_length=1)
    speaker: str | None = None
    reliability: str = Field(default="B", description="source reliability A-F of the outlet")
    credibility: int = Field(default=2, ge=1, le=6)
    notes: str | None = None

    @field_validator("reliability")
    @classmethod
    def _letter(cls, value: str) -> str:
        value = value.upper()
        if len(value) != 1 or value not in _RELIABILITY:
            raise ValueError(f"reliability must be one of A-F, got {value!r}")
        return value

    @field_validator("paraphrase")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            raise ValueError("paraphrase must be one line")
        return value

    @model_validator(mode="after")
    def _conditions_only_if_conditional(self) -> LedgerPosition:
        if self.conditions and self.stance is not Stance.CONDITIONAL:
            raise ValueError("conditions are only recorded with a conditional stance")
        return self

    @property
    def grade(self) -> Grade:
        return Grade(reliability=self.reliability, credibility=self.credibility)

    @property
    def source(self) -> str:
        return self.source_url


class ExchangeRate(_Row):
    """Units of ``currency`` per euro, as an annual average (ECB reference rates)."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    year: int = Field(ge=1999, le=2100)
    per_eur: float = Field(gt=0)
    source: str = Field(min_length=1)
    notes: str | None = None

    @property
    def id(self) -> str:
        return f"{self.currency}-{self.year}"


class CostShare(_Row):
    """A state's share under a published cost-sharing arrangement (e.g. NATO common funding)."""

    arrangement: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    actor: str = Field(pattern=r"^[A-Z]{3}$")
    share_pct: float = Field(ge=0, le=100)
    valid_from: date
    valid_to: date
    source: str = Field(min_length=1)
    notes: str | None = None

    @model_validator(mode="after")
    def _period(self) -> CostShare:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    @property
    def id(self) -> str:
        return f"{self.arrangement}-{self.actor}"


class MissionFamily(StrEnum):
    """What kind of forces a mission asked for; a base rate reads the matching kind."""

    LAND = "land"
    AIR = "air"
    MARITIME = "maritime"


class MissionRecord(_Row):
    """Whether a state took part in an earlier multinational mission (and with how many).

    ``troops`` with ``land_forces`` (the state's land forces used as the
    denominator) give one observation of what a state sends relative to its army.
    """

    id: str = Field(min_length=1)
    actor: str = Field(pattern=r"^[A-Z]{3}$")
    mission: str = Field(min_length=1)
    family: MissionFamily
    took_part: bool
    troops: int | None = Field(default=None, ge=0)
    year: int = Field(ge=1945, le=2100)
    source_url: str = Field(min_length=1)
    paraphrase: str = Field(min_length=1, description="what the source says, in our words")
    notes: str | None = None

    @property
    def source(self) -> str:
        return self.source_url


class MeetingAttendance(_Row):
    """A state's presence at one meeting of the coalition of the willing."""

    id: str = Field(min_length=1)
    actor: str = Field(pattern=r"^[A-Z]{3}$")
    meeting: str = Field(min_length=1)
    held_on: date
    attended: bool
    source_url: str = Field(min_length=1)
    paraphrase: str = Field(min_length=1)
    notes: str | None = None

    @property
    def source(self) -> str:
        return self.source_url
