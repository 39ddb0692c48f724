"""What states did after a cut-off, and how well a forecast made at the cut-off scored.

Outcomes come from the evidence itself (each actor's latest stance stated after
the cut-off: support or conditional is 1, a refusal 0, an undecided stance no
outcome) or from a user's CSV file (``actor, option, outcome, date, source``),
validated row by row with errors that name the file and the line.

Scores: AUC (the chance a state that later said yes was ranked above one that
said no; ties count half), Brier score, log loss and a binned reliability table.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import rankdata

from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option, Stance
from guarantor.errors import InputError
from guarantor.guard import LIMITS, iter_csv, read_text

__all__ = ["Outcome", "Scores", "outcomes_after", "read_outcomes", "reliability", "score"]

_YES = {"1", "yes", "committed", "conditional", "support", "true"}
_NO = {"0", "no", "declined", "oppose", "false"}
_COLUMNS = ("actor", "option", "outcome", "date", "source")
_CLIP = 1e-6


@dataclass(frozen=True)
class Outcome:
    """What one actor later did (1: committed or conditional, 0: declined)."""

    actor: str
    option: Option
    outcome: int
    on: date
    source: str


def outcomes_after(
    evidence: Iterable[Evidence], option: Option, cutoff: date, actors: Iterable[str]
) -> list[Outcome]:
    """Each actor's latest stance on ``option`` stated after ``cutoff`` (undecided: none)."""
    wanted = set(actors)
    latest: dict[str, Evidence] = {}
    for item in evidence:
        if item.option is not option or item.actor not in wanted or item.stated_on is None:
            continue
        if item.stated_on <= cutoff:
            continue
        known = latest.get(item.actor)
        key = (item.stated_on, item.provenance.ref)
        if known is None or key > (known.stated_on or date.min, known.provenance.ref):
            latest[item.actor] = item
    found = []
    for actor, item in sorted(latest.items()):
        if item.stance is Stance.UNCERTAIN:
            continue
        value = 0 if item.stance is Stance.OPPOSE else 1
        where = item.provenance.url or item.provenance.ref
        found.append(Outcome(actor, option, value, item.stated_on or cutoff, where))
    return found


def _row(raw: dict[str, str], path: Path, line: int) -> Outcome:
    missing = [c for c in _COLUMNS if not (raw.get(c) or "").strip()]
    if missing:
        raise InputError(f"missing {', '.join(missing)}", path=path, line=line)
    try:
        option = Option(raw["option"].strip())
    except ValueError:
        known = ", ".join(o.value for o in Option)
        raise InputError(
            f"unknown option {raw['option']!r}; expected one of {known}", path=path, line=line
        ) from None
    word = raw["outcome"].strip().lower()
    if word not in _YES | _NO:
        raise InputError(
            f"outcome {raw['outcome']!r} is not one of 1/0, committed/declined, yes/no",
            path=path,
            line=line,
        )
    try:
        on = date.fromisoformat(raw["date"].strip())
    except ValueError:
        raise InputError(
            f"date {raw['date']!r} is not an ISO date (YYYY-MM-DD)", path=path, line=line
        ) from None
    actor = raw["actor"].strip().upper()
    return Outcome(actor, option, 1 if word in _YES else 0, on, raw["source"].strip())


def read_outcomes(path: str | Path) -> list[Outcome]:
    """A user's outcomes file; every error names the file and the line."""
    path = Path(path)
    text = read_text(path, max_bytes=LIMITS.max_bytes, error=InputError)
    header = next(csv.reader(text.splitlines()[:1]), [])
    if not set(_COLUMNS) <= set(header):
        raise InputError(
            f"header must name the columns {', '.join(_COLUMNS)}; got {', '.join(header)}",
            path=path,
            line=1,
        )
    rows = iter_csv(text, str(path), error=InputError, skip_comments=False)
    return [_row(raw, path, line) for line, raw in rows]


@dataclass(frozen=True)
class Scores:
    """A forecast's scores against the outcomes (None where undefined)."""

    n: int
    auc: float | None
    brier: float | None
    log_loss: float | None

    def as_dict(self) -> dict[str, float | None]:
        return {"auc": self.auc, "brier": self.brier, "log_loss": self.log_loss}


def _round(value: float) -> float:
    return round(value, 4)


def score(p: Sequence[float], y: Sequence[int]) -> Scores:
    """AUC (needs both outcomes), Brier and log loss."""
    probs = np.clip(np.asarray(p, dtype=np.float64), _CLIP, 1 - _CLIP)
    truth = np.asarray(y, dtype=np.float64)
    if truth.size == 0:
        return Scores(0, None, None, None)
    brier = float(np.mean((probs - truth) ** 2))
    loss = float(-np.mean(truth * np.log(probs) + (1 - truth) * np.log(1 - probs)))
    positives = int(truth.sum())
    negatives = truth.size - positives
    auc = None
    if positives and negatives:
        ranks = rankdata(probs)
        auc = (ranks[truth == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
        auc = _round(float(auc))
    return Scores(truth.size, auc, _round(brier), _round(loss))


def reliability(p: Sequence[float], y: Sequence[int], bins: int = 5) -> list[dict[str, Any]]:
    """Forecasts in equal-width bins: how many, their mean, and how often it happened."""
    rows = []
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        chosen = [
            (pi, yi)
            for pi, yi in zip(p, y, strict=True)
            if low <= pi < high or (index == bins - 1 and pi == 1.0)
        ]
        if not chosen:
            continue
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "n": len(chosen),
                "mean_p": _round(sum(c[0] for c in chosen) / len(chosen)),
                "observed": _round(sum(c[1] for c in chosen) / len(chosen)),
            }
        )
    return rows


def logit(p: float) -> float:
    p = min(max(p, _CLIP), 1 - _CLIP)
    return math.log(p / (1 - p))
