"""The base of every registry row: frozen, strict about unknown keys, and checked at
the door, so a typo in a data file is an error and no value that passes can crash a
model later."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["EARLIEST", "LARGEST", "LATEST", "RELIABILITY", "Row"]

RELIABILITY = "ABCDEF"  # Admiralty source-reliability letters
EARLIEST = date(1945, 1, 1)  # nothing in the registry predates the post-war order
LATEST = date(2100, 12, 31)  # the longest agreements run decades, not centuries
LARGEST = 1e13  # ten trillion: above any money amount in any currency the registry holds


class Row(BaseModel):
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
