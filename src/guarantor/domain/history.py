"""What states said and did before: the bundled ledger of stated positions, their
part in earlier multinational missions, and their presence at the coalition's
meetings. Registry tables; the beliefs read them as evidence and base rates."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from guarantor.domain.grade import Grade
from guarantor.domain.rows import RELIABILITY, Row
from guarantor.domain.vocabulary import Condition, Context, Option, Stance

__all__ = ["LedgerPosition", "MeetingAttendance", "MissionFamily", "MissionRecord"]


class LedgerPosition(Row):
    """A bundled stated position: what a state said, when, where it was reported.

    The paraphrase is ours, one line; no sentence is copied from the outlet.
    """

    id: str = Field(min_length=1)
    actor: str = Field(min_length=2)
    option: Option
    stance: Stance
    conditions: tuple[Condition, ...] = ()
    context: Context | None = Field(
        default=None,
        description="wartime (forces into the war under way) or post_ceasefire (a mission "
        "after a ceasefire); empty when the source does not tell",
    )
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
        if len(value) != 1 or value not in RELIABILITY:
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


class MissionFamily(StrEnum):
    """What kind of forces a mission asked for; a base rate reads the matching kind."""

    LAND = "land"
    AIR = "air"
    MARITIME = "maritime"


class MissionRecord(Row):
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


class MeetingAttendance(Row):
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
