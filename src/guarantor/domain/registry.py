"""The registry's reference facts as typed models: states, forces tied down abroad,
planning factors, guarantee instruments with their obligations, pledges, and the
exchange rates and cost shares that convert and split money. What states said and
did before (the ledger, missions, meetings) is in ``guarantor.domain.history``.

Every row carries its source, because every number must survive the question
"where does that come from?". Imports nothing of ours but the vocabulary.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guarantor.domain.rows import Row
from guarantor.domain.vocabulary import Condition

__all__ = [
    "Commitment",
    "CostShare",
    "ExchangeRate",
    "Instrument",
    "InstrumentKind",
    "Obligation",
    "ObligationType",
    "PlanningFactor",
    "Pledge",
    "PledgeKind",
    "PledgeStatus",
    "State",
    "Verification",
]

_FIGURE_SOURCES = {
    "active_personnel": "active_personnel_source",
    "land_forces": "land_forces_source",
    "defence_spending_usd_m": "defence_spending_source",
    "gdp_usd_bn": "gdp_source",
    "population_m": "population_source",
}


class State(Row):
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


class Commitment(Row):
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


class PlanningFactor(Row):
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


class Instrument(Row):
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


class Pledge(Row):
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


class ExchangeRate(Row):
    """Units of ``currency`` per euro, as an annual average (ECB reference rates)."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    year: int = Field(ge=1999, le=2100)
    per_eur: float = Field(gt=0)
    source: str = Field(min_length=1)
    notes: str | None = None

    @property
    def id(self) -> str:
        return f"{self.currency}-{self.year}"


class CostShare(Row):
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
