"""Options shared by several commands, declared once."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

__all__ = [
    "MIN_TRIALS",
    "ExtractorOption",
    "SinceOption",
    "ThresholdOption",
    "UntilOption",
    "WideOption",
    "day",
]

# One floor for every command that runs the Monte Carlo: below it the standard error of
# P(met) (sqrt(p(1-p)/n), up to 0.016 at n=1,000) is too wide to read two decimals.
MIN_TRIALS = 1_000

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


ExtractorOption = Annotated[
    str | None,
    typer.Option(
        "--extractor",
        help="extract.hybrid.v1 (default: rules find pairs, the learned model decides) or "
        "extract.rules.v1 (rules only). Setting: GUARANTOR_EXTRACTOR.",
        show_default=False,
    ),
]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=0.01,
        max=0.99,
        help="Stance probability above which the hybrid extractor records a position "
        "(setting: GUARANTOR_STANCE_THRESHOLD).",
        show_default=False,
    ),
]

WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="Table: running text (quotes, titles, notes, sources) in full, wrapped, and any "
        "columns left out to fit; without it each is elided to one line.",
    ),
]
