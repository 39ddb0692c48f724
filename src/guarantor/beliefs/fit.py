"""Fitting ``beliefs.logodds.v2``'s five parameters, and predicting with them fast.

A forecast case is one state at one cut-off: its history shares and the votes
the rule counts (their weights do not depend on the fitted parameters, so they
are computed once by ``belief_for`` itself). ``predict`` then re-applies the
v2 formula for any parameters with NumPy, which makes cross-validation cheap;
a test checks it against ``belief_for``.

The fit minimises the mean log loss plus a small ridge penalty (``SHRINK``)
pulling the parameters toward a reference, so a small sample cannot run away to
certainty: v1's prior (0.41), no history effect, evidence at face value, and
for "willing if X" when X fails the vote of a conditional stance that names no
condition (not v1's refusal-like 0.2: a fold without any such case must not
fall back to reading it as a refusal). Bounds keep the rule's guarantees (a
conditional vote between the oppose and conditional_met votes).
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

__all__ = ["NAMES", "SHRINK", "Case", "fit", "fit_logistic", "predict", "to_parameters"]

NAMES = ("intercept", "missions", "meetings", "evidence_scale", "conditional_unmet")
SHRINK = 0.05  # ridge weight toward the reference (project choice; see the module doc)


def _reference(scenario: Scenario) -> NDArray[np.float64]:
    unmet = scenario.beliefs.votes.conditional_unspecified
    return np.array([math.log(0.41 / 0.59), 0.0, 0.0, 1.0, unmet])


@dataclass(frozen=True)
class Case:
    """One state's forecast inputs at one cut-off, with what it later did."""

    actor: str
    option: Option
    outcome: int
    missions: float
    meetings: float
    weights: tuple[float, ...]  # counted votes only
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
    weights, fixed, chance = [], [], []
    for vote in belief.votes:
        if not vote.counted:
            continue
        e = vote.evidence
        conditional = e.stance is Stance.CONDITIONAL and bool(e.conditions)
        weights.append(vote.weight)
        fixed.append(vote.vote)
        chance.append(scenario.conditions.chance_all(e.conditions) if conditional else -1.0)
    return Case(
        actor,
        option,
        outcome,
        record.missions,
        record.meetings,
        tuple(weights),
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
    w = np.array([x for c in cases for x in c.weights])
    fixed = np.array([x for c in cases for x in c.fixed])
    q = np.array([x for c in cases for x in c.chance])
    met = rule.votes.conditional_met
    vote = np.where(q >= 0, q * met + (1 - q) * theta[4], fixed) if q.size else fixed
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
    """The five parameters that minimise log loss (+ ridge toward v1) on ``cases``."""
    y = np.array([c.outcome for c in cases], dtype=np.float64)
    votes = scenario.beliefs.votes
    bounds = [(-4, 4), (-4, 4), (-4, 4), (0, 5), (votes.oppose, votes.conditional_met)]

    reference = _reference(scenario)

    def objective(theta: NDArray[np.float64]) -> float:
        penalty = SHRINK * float(np.sum((theta - reference) ** 2))
        return _loss(predict(theta, cases, scenario), y) + penalty

    start = np.clip(reference, [b[0] for b in bounds], [b[1] for b in bounds])
    result = minimize(objective, start, method="L-BFGS-B", bounds=bounds)
    return np.asarray(result.x, dtype=np.float64)


def fit_logistic(x: Sequence[float], y: Sequence[int]) -> tuple[float, float]:
    """A one-feature logistic calibration (for the baselines), lightly ridged."""
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)

    def objective(ab: NDArray[np.float64]) -> float:
        return _loss(expit(ab[0] + ab[1] * xs), ys) + 0.01 * float(ab @ ab)

    result = minimize(objective, np.zeros(2), method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])


def to_parameters(theta: Sequence[float]) -> LogoddsV2:
    """The fitted vector as the scenario's v2 block (rounded to two decimals)."""
    return LogoddsV2(**{n: round(float(v), 2) for n, v in zip(NAMES, theta, strict=True)})
