"""A government's (or several governments') answer to the six questions, as typed models.

Strict about unknown keys and values, so a typo is an error that names the
question and field rather than an answer silently lost. Actor names are checked
against the actor index in ``read.py``, which knows the file.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guarantor.domain.vocabulary import Condition
from guarantor.questionnaire.form import (
    FORM_VERSION,
    AttackResponse,
    Deploy,
    Enabler,
    Horizon,
    SanctionMeasure,
    SupplyKind,
)

__all__ = [
    "Answers",
    "AttackResponseAnswer",
    "CapabilitiesAnswer",
    "EnablerNeed",
    "ParticipantsAnswer",
    "Response",
    "SanctionsAnswer",
    "SupplyItem",
    "TroopOffer",
    "TroopsAnswer",
    "UsSupportAnswer",
]


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EnablerNeed(_Part):
    enabler: Enabler
    horizon: Horizon = Horizon.SHORT_TERM


class UsSupportAnswer(_Part):
    enablers: tuple[EnablerNeed, ...] = ()
    text: str | None = None


class ParticipantsAnswer(_Part):
    countries: tuple[str, ...] = ()
    text: str | None = None


class TroopOffer(_Part):
    country: str | None = Field(default=None, description="defaults to the sole signatory")
    deploy: Deploy
    number: int | None = Field(default=None, ge=0, description="troops kept deployed")
    role: str | None = None
    location: str | None = None
    duration_months: int | None = Field(default=None, ge=0)
    conditions: tuple[Condition, ...] = ()

    @field_validator("deploy", mode="before")
    @classmethod
    def _yaml_yes_no(cls, value: object) -> object:
        """YAML reads a bare yes/no as a boolean; a clerk means the word."""
        if isinstance(value, bool):
            return Deploy.YES if value else Deploy.NO
        return value


class TroopsAnswer(_Part):
    offers: tuple[TroopOffer, ...] = ()
    text: str | None = None


class AttackResponseAnswer(_Part):
    responses: tuple[AttackResponse, ...] = ()
    text: str | None = None


class SupplyItem(_Part):
    item: str = Field(min_length=1)
    kind: SupplyKind = SupplyKind.EQUIPMENT
    quantity: float | None = Field(default=None, ge=0)
    unit: str = Field(default="items", min_length=1, description="'items', or a currency code")
    maintenance: bool = False

    @model_validator(mode="after")
    def _money_in_a_currency(self) -> SupplyItem:
        if self.kind is SupplyKind.MONEY and not (len(self.unit) == 3 and self.unit.isupper()):
            raise ValueError(f"money needs an ISO 4217 currency as unit, got {self.unit!r}")
        return self


class CapabilitiesAnswer(_Part):
    items: tuple[SupplyItem, ...] = ()
    text: str | None = None


class SanctionsAnswer(_Part):
    measures: tuple[SanctionMeasure, ...] = ()
    text: str | None = None


class Answers(_Part):
    """One entry per question id of ``form.QUESTIONS``; a question left out is unanswered."""

    us_support: UsSupportAnswer | None = None
    participants: ParticipantsAnswer | None = None
    troops: TroopsAnswer | None = None
    attack_response: AttackResponseAnswer | None = None
    capabilities: CapabilitiesAnswer | None = None
    sanctions: SanctionsAnswer | None = None


class Response(_Part):
    """Who answered, when, and what; several signatories make a collective answer."""

    form: str = Field(default=FORM_VERSION, pattern=r"^questionnaire\.six\.v1$")
    respondents: tuple[str, ...] = Field(min_length=1, description="signatory states")
    answered_on: date
    signed_by: str | None = Field(default=None, description="office or person who signed")
    example: bool = Field(default=False, description="an invented example, not a real answer")
    answers: Answers = Answers()

    @property
    def collective(self) -> bool:
        return len(self.respondents) > 1

    def offers_by_country(self) -> dict[str, TroopOffer]:
        """Each offer under its country (the sole signatory's when the offer names none)."""
        found: dict[str, TroopOffer] = {}
        for offer in self.answers.troops.offers if self.answers.troops else ():
            country = offer.country or self.respondents[0]
            found[country] = offer
        return found
