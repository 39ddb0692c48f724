"""Fitting ``beliefs.logodds.v2``'s five parameters, and predicting with them fast.

A forecast case is one state at one cut-off: its history shares and the votes
the rule counts, each with its grade-and-directness weight and its age (read
once through ``belief_for`` itself). ``predict`` then re-applies the v2 formula
for any parameters with NumPy, which makes cross-validation cheap; a test checks
it against ``belief_for``.

Fitted (``NAMES``): intercept, missions, meetings, evidence_scale and the
recency half-life.

The fit minimises the mean log loss plus a small ridge penalty (``SHRINK``)
pulling the linear parameters toward a reference, so a small sample cannot run
away to certainty: v1's prior (0.41), no history effect, evidence at face value.
The half-life is searched on a log scale within its bounds (14 days to four
years) without a ridge term: its bounds are the regularisation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import expit

from guarantor.beliefs.baserates import History
from guarantor.beliefs.logodds import belief_for
from guarantor.beliefs.v2 import RULE_V2
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import LogoddsV2, Scenario
from guarantor.domain.vocabulary import Option, Stance

__all__ = [
    "NAMES",
    "SHRINK",
    "Case",
    "fit",
    "fit_logistic",
    "full_theta",
    "predict",
    "to_parameters",
]

NAMES = ("intercept", "missions", "meetings", "evidence_scale", "half_life_days")
SHRINK = 0.05  # ridge weight toward the reference (project choice; see the module doc)
_HALF_LIFE = (14.0, 1460.0)  # days: the bounds of the search (LogoddsV2.half_life_days)


def _reference(scenario: Scenario) -> NDArray[np.float64]:
    """The fitted parameters' starting point and ridge centre (half-life on a log scale)."""
    return np.array([math.log(0.41 / 0.59), 0.0, 0.0, 1.0, math.log(365.0)])


def full_theta(fitted: Sequence[float] | NDArray[np.float64]) -> NDArray[np.float64]:
    """The searched vector (log half-life) as the parameters ``predict`` takes (``NAMES``)."""
    head = [float(x) for x in fitted[:4]]
    return np.array([*head, math.exp(float(fitted[4]))])


@dataclass(frozen=True)
class Case:
    """One state's forecast inputs at one cut-off, with what it later did."""

    actor: str
    option: Option
    outcome: int
    missions: float
    meetings: float
    weights: tuple[float, ...]  # counted votes only: grade x directness
    ages: tuple[float, ...]  # days between the statement and the cut-off
    fixed: tuple[float, ...]  # the vote, where it does not depend on the parameters
    chance: tuple[float, ...]  # P(conditions) of a conditional vote, else -1


def build_case(
    actor: str,
    option: Option,
    outcome: int,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    history: History,
) -> Case:
    """Read the counted votes and the history shares through the rule itself."""
    rule = scenario.beliefs.model_copy(update={"rule": RULE_V2})
    belief = belief_for(
        actor, option, evidence, scenario.model_copy(update={"beliefs": rule}), history=history
    )
    record = history.record(actor, option, scenario.as_of)
    weights, ages, fixed, chance = [], [], [], []
    for vote in belief.votes:
        if not vote.counted:
            continue
        e = vote.evidence
        conditional = e.stance is Stance.CONDITIONAL and bool(e.conditions)
        weights.append(vote.grade_weight * vote.directness_weight)
        ages.append(float(max((scenario.as_of - (e.stated_on or scenario.as_of)).days, 0)))
        fixed.append(vote.vote)
        chance.append(scenario.conditions.chance_all(e.conditions) if conditional else -1.0)
    return Case(
        actor,
        option,
        outcome,
        record.missions,
        record.meetings,
        tuple(weights),
        tuple(ages),
        tuple(fixed),
        tuple(chance),
    )


def predict(
    theta: NDArray[np.float64], cases: Sequence[Case], scenario: Scenario
) -> NDArray[np.float64]:
    """P(acts) for each case under parameters ``theta`` (order: ``NAMES``)."""
    rule = scenario.beliefs
    low, high = rule.bounds
    floor = max(low, rule.votes.oppose)
    m = np.array([c.missions for c in cases])
    c_ = np.array([c.meetings for c in cases])
    prior = np.clip(expit(theta[0] + theta[1] * m + theta[2] * c_), floor, high)
    base = np.log(prior / (1 - prior))
    index = np.array([i for i, c in enumerate(cases) for _ in c.weights], dtype=np.int64)
    age = np.array([x for c in cases for x in c.ages])
    w = np.array([x for c in cases for x in c.weights]) * 0.5 ** (age / theta[4])
    fixed = np.array([x for c in cases for x in c.fixed])
    q = np.array([x for c in cases for x in c.chance])
    met = rule.votes.conditional_met
    unmet = np.minimum(prior[index], met)  # if the conditions fail: no information
    vote = np.where(q >= 0, q * met + (1 - q) * unmet, fixed) if q.size else fixed
    shift = theta[3] * w * (np.log(vote / (1 - vote)) - base[index]) if w.size else w
    total = np.bincount(index, weights=shift, minlength=len(cases)) if w.size else 0.0
    voted = np.array([bool(c.weights) for c in cases])
    return np.where(voted, np.clip(expit(base + total), low, high), prior)


def _loss(p: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    if y.size == 0:
        return 0.0
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit(cases: Sequence[Case], scenario: Scenario) -> NDArray[np.float64]:
    """The parameters (``NAMES``) that minimise log loss (+ ridge toward v1) on ``cases``."""
    y = np.array([c.outcome for c in cases], dtype=np.float64)
    bounds = [(-4, 4), (-4, 4), (-4, 4), (0, 5), tuple(math.log(d) for d in _HALF_LIFE)]
    reference = _reference(scenario)
    ridge = np.array([1.0, 1.0, 1.0, 1.0, 0.0])  # the half-life is held by its bounds

    def objective(fitted: NDArray[np.float64]) -> float:
        penalty = SHRINK * float(np.sum(ridge * (fitted - reference) ** 2))
        return _loss(predict(full_theta(fitted), cases, scenario), y) + penalty

    start = np.clip(reference, [b[0] for b in bounds], [b[1] for b in bounds])
    result = minimize(objective, start, method="L-BFGS-B", bounds=bounds)
    return full_theta(np.asarray(result.x, dtype=np.float64))


def fit_logistic(x: Sequence[float], y: Sequence[int]) -> tuple[float, float]:
    """A one-feature logistic calibration (for the baselines), lightly ridged."""
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)

    def objective(ab: NDArray[np.float64]) -> float:
        return _loss(expit(ab[0] + ab[1] * xs), ys) + 0.01 * float(ab @ ab)

    result = minimize(objective, np.zeros(2), method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])


def to_parameters(theta: Sequence[float] | NDArray[np.float64]) -> LogoddsV2:
    """The parameters as the scenario's v2 block (rounded: two decimals, whole days)."""
    values = {n: round(float(v), 2) for n, v in zip(NAMES, theta, strict=True)}
    values["half_life_days"] = float(round(values["half_life_days"]))
    return LogoddsV2(**values)
