"""The NATO/Admiralty two-part grade: source reliability A-F, credibility 1-6."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer

__all__ = ["Grade"]

_GRADE = re.compile(r"^([A-F])([1-6])$")


class Grade(BaseModel):
    """A1 is the best grade, F6 the worst; serialised as the two-character code."""

    model_config = ConfigDict(frozen=True)

    reliability: str = Field(description="source reliability, A (reliable) to F (cannot judge)")
    credibility: int = Field(ge=1, le=6, description="1 (confirmed) to 6 (cannot judge)")

    @field_validator("reliability")
    @classmethod
    def _letter(cls, value: str) -> str:
        value = value.upper()
        if value not in "ABCDEF" or len(value) != 1:
            raise ValueError(f"reliability must be one of A-F, got {value!r}")
        return value

    @classmethod
    def parse(cls, code: str) -> Grade:
        match = _GRADE.match(code.strip().upper())
        if not match:
            raise ValueError(f"grade must look like 'B2' (A-F then 1-6), got {code!r}")
        return cls(reliability=match.group(1), credibility=int(match.group(2)))

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def rank(self) -> int:
        """Smaller is better: A1 -> 0, F6 -> 35 (for sorting and 'best grade')."""
        return ("ABCDEF".index(self.reliability)) * 6 + (self.credibility - 1)

    @model_serializer
    def _as_code(self) -> str:
        return self.code

    def __str__(self) -> str:
        return self.code
