"""Options shared by several commands, declared once."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

__all__ = ["SinceOption", "UntilOption", "day"]

SinceOption = Annotated[
    datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Published on or after this day.", show_default=False),
]
UntilOption = Annotated[
    datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Published on or before this day.", show_default=False),
]


def day(value: datetime | None) -> date | None:
    """The calendar day of a parsed --since/--until value."""
    return value.date() if value is not None else None
