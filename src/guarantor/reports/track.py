"""The track record: beliefs held at past cut-offs, scored against what states did next.

A thin reading of ``guarantor.beliefs.backtest.run_backtest`` (what ``guarantor
backtest`` runs): one backtest per cut-off that lies before the scenario's
as-of date, the rule's out-of-fold scores beside the baselines'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from guarantor.beliefs.backtest import FOLDS, Backtest, World, run_backtest
from guarantor.beliefs.outcomes import Scores
from guarantor.beliefs.trackrecord import CUTOFFS, beats_every_baseline
from guarantor.domain.vocabulary import Option

__all__ = ["TrackRecord", "TrackRow", "track_record_for"]


@dataclass(frozen=True)
class TrackRow:
    """One forecast (the rule or a baseline) at one cut-off."""

    as_of: date
    option: str
    forecast: str
    is_rule: bool
    n: int
    auc: float | None
    brier: float | None
    log_loss: float | None


@dataclass(frozen=True)
class TrackRecord:
    option: str
    rule: str
    outcomes: str  # where the outcomes came from
    folds: int
    rows: tuple[TrackRow, ...]
    beats_baselines_at: tuple[date, ...]  # cut-offs where the rule beat every baseline


def _row(result: Backtest, forecast: str, scores: Scores, is_rule: bool) -> TrackRow:
    return TrackRow(
        as_of=result.as_of,
        option=result.option.value,
        forecast=forecast,
        is_rule=is_rule,
        n=scores.n,
        auc=scores.auc,
        brier=scores.brier,
        log_loss=scores.log_loss,
    )


def track_record_for(
    world: World,
    option: Option = Option.GROUND_TROOPS,
    cutoffs: Sequence[date] = CUTOFFS,
) -> TrackRecord:
    """Backtests of ``option`` at each cut-off before the scenario's as-of date."""
    results = [run_backtest(world, c, option) for c in cutoffs if c < world.scenario.as_of]
    rows = []
    for result in results:
        rows.append(_row(result, f"{result.rule} (out-of-fold)", result.scores, True))
        compared = {**result.baselines, **result.other_rules}
        rows.extend(_row(result, name, s, False) for name, s in compared.items())
    return TrackRecord(
        option=option.value,
        rule=results[0].rule if results else "",
        outcomes=results[0].outcomes if results else "",
        folds=FOLDS,
        rows=tuple(rows),
        beats_baselines_at=tuple(r.as_of for r in results if beats_every_baseline(r.as_json())),
    )
