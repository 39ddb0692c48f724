"""A position: one actor's stance on one option in one document, with its evidence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guarantor.domain.grade import Grade
from guarantor.domain.vocabulary import Condition, Option, Stance

__all__ = ["Position"]


class Position(BaseModel):
    """The keys here are a contract: ``guarantor extract --format jsonl`` prints them."""

    model_config = ConfigDict(frozen=True)

    document: str = Field(description="the path or URL of the document, as given")
    actor: str = Field(description="ISO alpha-3 code or NATO/EU/G7/COALITION/EUROPE")
    option: Option
    stance: Stance
    conditions: tuple[Condition, ...] = ()
    speaker: str | None = None
    claimed_by: str | None = None
    reported_by: str | None = None
    analysis: bool = False
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    stated_on: str | None = Field(default=None, description="ISO date or YYYY-MM")
    grade: Grade
    extractor: str = Field(description="versioned name of the extractor, e.g. extract.rules.v1")
    confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="the learned model's probability that the holder takes a stance; "
        "None for rule-only positions",
    )

    @model_validator(mode="after")
    def _offsets(self) -> Position:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.conditions and self.stance is not Stance.CONDITIONAL:
            raise ValueError("conditions are only recorded with a conditional stance")
        return self

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.actor, self.option.value, self.stance.value)
