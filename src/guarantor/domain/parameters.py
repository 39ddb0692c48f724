"""How a model parameter is declared: its default, a help line and the reference the
default comes from (``json_schema_extra["reference"]``), so ``guarantor scenario show``
and the report can footnote each number."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["PROJECT", "Part", "param"]

PROJECT = "project choice; change it in the scenario"


def param(default: Any, help: str, reference: str, **constraints: Any) -> Any:
    """A field with its help and the reference its default comes from."""
    return Field(
        default=default,
        description=help,
        json_schema_extra={"reference": reference},
        **constraints,
    )


class Part(BaseModel):
    """A block of a scenario: immutable, no unknown keys, finite numbers only."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)
