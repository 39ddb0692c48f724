"""Options shared by several commands, declared once."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Annotated, Any

import typer

from guarantor.errors import ConfigurationError
from guarantor.scale.spec import ClusterSpec

__all__ = [
    "MIN_TRIALS",
    "ExtractorOption",
    "SchedulerOption",
    "SinceOption",
    "ThresholdOption",
    "UntilOption",
    "WideOption",
    "WorkersOption",
    "day",
    "open_cluster",
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
        help="extract.hybrid.v3 (default: rules find pairs, the learned model decides), "
        "extract.hybrid.v2 or v1 (its earlier models) or extract.rules.v1 (rules only). "
        "Setting: GUARANTOR_EXTRACTOR.",
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

WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Run on a local Dask cluster of N worker processes (one thread each); "
        "needs the scale extra. Default: in this process.",
        show_default=False,
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); "
        "waits GUARANTOR_SCHEDULER_TIMEOUT seconds for it.",
        show_default=False,
        metavar="ADDRESS",
    ),
]


def open_cluster(spec: ClusterSpec) -> AbstractContextManager[Any]:
    """A client of the cluster ``spec`` asks for; a clear error when Dask is not installed."""
    try:
        from guarantor.scale.cluster import connect
    except ImportError as exc:
        raise ConfigurationError(
            f"--workers and --scheduler need Dask ({exc}): pip install 'guarantor[scale]'"
        ) from exc
    return connect(spec)
