"""The published track record: out-of-fold backtests of ground, air and naval
contributions at several cut-offs, and the parameters ``beliefs.logodds.v2``
ships with (fitted on every state, pooled over the cut-offs).

``guarantor backtest --fit`` (``make fit``) writes it to
``src/guarantor/data/beliefs/fit.json``; the scenario's v2 defaults are those
pooled parameters (a test checks they agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from guarantor.beliefs.backtest import CUTOFFS, FOLDS, World, fitted, run_backtest
from guarantor.beliefs.fit import SHRINK
from guarantor.domain.vocabulary import Option

__all__ = ["BASELINES", "CUTOFFS", "OPTIONS", "beats_every_baseline", "beats_v1", "track_record"]

OPTIONS = (Option.GROUND_TROOPS, Option.AIR_SUPPORT, Option.NAVAL_SUPPORT)


BASELINES = ("prior_only", "naive_count", "last_stance")  # the naive forecasts v2 must beat


def _beats(result: dict[str, Any], group: str, names: Sequence[str]) -> bool:
    if result["auc"] is None or result["brier"] is None:
        return False
    for name in names:
        scores = result[group][name]
        if scores["auc"] is not None and result["auc"] <= scores["auc"]:
            return False
        if scores["brier"] is not None and result["brier"] >= scores["brier"]:
            return False
    return True


def beats_every_baseline(result: dict[str, Any]) -> bool:
    """True when v2's AUC is higher and its Brier score lower than each naive baseline's
    (prior only, naive count, last stance); v1, the rule v2 replaces, is scored beside
    them but is not a baseline (``beats_v1``)."""
    return _beats(result, "baselines", BASELINES)


def beats_v1(result: dict[str, Any]) -> bool:
    """True when v2's AUC is higher and its Brier score lower than v1's."""
    return _beats(result, "other_rules", list(result["other_rules"]))


def track_record(world: World, cutoffs: Sequence[date] = CUTOFFS) -> dict[str, Any]:
    """Every backtest (out-of-fold) and the shipped parameters, as one JSON-ready dict."""
    backtests = [
        run_backtest(world, cutoff, option).as_json() for cutoff in cutoffs for option in OPTIONS
    ]
    ground = [b for b in backtests if b["option"] == Option.GROUND_TROOPS.value]
    return {
        "rule": "beliefs.logodds.v2",
        "cutoffs": [c.isoformat() for c in cutoffs],
        "folds": FOLDS,
        "shrink": SHRINK,
        "fitted": fitted(world, list(cutoffs)),
        "ground_beats_every_baseline": all(beats_every_baseline(b) for b in ground),
        "ground_beats_v1": all(beats_v1(b) for b in ground),
        "backtests": backtests,
    }
