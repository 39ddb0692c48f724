"""``guarantor backtest``: the beliefs held at a past cut-off, scored against what
states did afterwards, beside baselines computed in the same run.

Every figure is out-of-fold by state: the states are dealt into ``FOLDS``
folds (stratified by outcome, in ISO order); v2's five parameters are refitted
without a fold's states (on the other states' ground-troops outcomes at the same
cut-off) before those states are forecast, and each baseline's calibration is
fitted the same way. k-fold rather than leave-one-out: with leave-one-out, a
forecast that barely varies between states (a fitted base rate) is lower for
exactly the states that said yes, because each was left out of its own fit,
which drives the pooled AUC toward 0 for every model alike (Parker et al. 2007;
Airola et al. 2011, on pooled cross-validated AUC).

Baselines: ``prior_only`` (the observed rate, one number for all),
``naive_count`` (+1 per support or conditional report, -1 per refusal, up to
the cut-off) and ``last_stance`` (the latest stance before the cut-off carried
forward). ``beliefs.logodds.v1`` as it stands (not fitted), the rule v2
replaces, is scored beside them under ``other_rules``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

from guarantor.beliefs.baserates import History
from guarantor.beliefs.fit import Case, build_case, fit, fit_logistic, predict, to_parameters
from guarantor.beliefs.logodds import RULE, belief_for
from guarantor.beliefs.outcomes import Outcome, Scores, outcomes_after, reliability, score
from guarantor.beliefs.v2 import RULE_V2
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.registry import Registry

__all__ = [
    "CUTOFFS",
    "FOLDS",
    "NOT_FORECAST",
    "Backtest",
    "World",
    "fitted",
    "folds",
    "run_backtest",
]

NOT_FORECAST = ("UKR", "RUS", "BLR")  # the host and the adversaries
CUTOFFS = (date(2024, 12, 31), date(2025, 3, 31), date(2025, 6, 30))  # the track record's
FOLDS = 5
_SIGN = {Stance.SUPPORT: 1, Stance.CONDITIONAL: 1, Stance.OPPOSE: -1, Stance.UNCERTAIN: 0}


@dataclass
class World:
    """What a backtest reads: registry, evidence, the base scenario and the outcomes."""

    registry: Registry
    evidence: Sequence[Evidence]
    scenario: Scenario
    outcomes: Sequence[Outcome] | None = None  # None: from the evidence after the cut-off
    fits: dict[tuple[date, str], NDArray[np.float64]] = field(default_factory=dict)

    @property
    def actors(self) -> list[str]:
        return [s.iso3 for s in self.registry.states if s.iso3 not in NOT_FORECAST]

    @property
    def history(self) -> History:
        return History.of(self.registry.missions, self.registry.meetings)

    def outcomes_for(self, option: Option, cutoff: date) -> dict[str, Outcome]:
        if self.outcomes is None:
            found = outcomes_after(self.evidence, option, cutoff, self.actors)
        else:
            found = [o for o in self.outcomes if o.option is option and o.on > cutoff]
        return {o.actor: o for o in found if o.actor in self.actors}

    def at(self, cutoff: date) -> Scenario:
        return self.scenario.model_copy(update={"as_of": cutoff, "overrides": {}})


@dataclass(frozen=True)
class Backtest:
    """One option at one cut-off: the rule's scores, the baselines', each state's forecast."""

    as_of: date
    option: Option
    rule: str
    scores: Scores
    baselines: dict[str, Scores]
    other_rules: dict[str, Scores]  # v1 as it stands: the rule v2 replaces, not a baseline
    actors: list[dict[str, Any]]
    reliability: list[dict[str, Any]]
    undated_left_out: int
    outcomes: str

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "option": self.option.value,
            "rule": self.rule,
            "n": self.scores.n,
            **self.scores.as_dict(),
            "baselines": {name: s.as_dict() for name, s in self.baselines.items()},
            "other_rules": {name: s.as_dict() for name, s in self.other_rules.items()},
            "actors": self.actors,
            "reliability": self.reliability,
            "undated_left_out": self.undated_left_out,
            "outcomes": self.outcomes,
            "out_of_fold": f"by state ({FOLDS}-fold, stratified by outcome)",
        }


def _cases(world: World, option: Option, cutoff: date) -> dict[str, Case]:
    scenario, history = world.at(cutoff), world.history
    return {
        actor: build_case(actor, option, o.outcome, world.evidence, scenario, history)
        for actor, o in world.outcomes_for(option, cutoff).items()
    }


def folds(outcomes: dict[str, int], k: int = FOLDS) -> dict[str, int]:
    """Each state's fold: stratified by outcome, dealt in ISO order (deterministic)."""
    ordered = sorted(outcomes, key=lambda a: (outcomes[a], a))
    return {actor: index % k for index, actor in enumerate(ordered)}


def _oof_v2(world: World, option: Option, cutoff: date, test: dict[str, Case]) -> list[float]:
    """Each state forecast with parameters fitted without its fold.

    The fit is the shipped one (``fitted``): ground outcomes pooled over ``CUTOFFS``
    and this cut-off, here without any case of the fold's states at any cut-off.
    """
    ground = test if option is Option.GROUND_TROOPS else _cases(world, Option.GROUND_TROOPS, cutoff)
    fold = folds({a: c.outcome for a, c in ground.items()})
    pooled = [
        case
        for day in sorted({*CUTOFFS, cutoff})
        for case in (ground if day == cutoff else _cases(world, Option.GROUND_TROOPS, day)).values()
    ]
    scenario = world.at(cutoff)
    p = []
    for actor, case in test.items():
        mine = fold.get(actor, -1)
        key = (cutoff, str(mine))
        if key not in world.fits:
            rest = [c for c in pooled if c.actor not in fold or fold[c.actor] != mine]
            world.fits[key] = fit(rest, scenario)
        p.append(float(predict(world.fits[key], [case], scenario)[0]))
    return p


def _feature(world: World, option: Option, cutoff: date, how: str) -> Callable[[str], float]:
    known = [
        e
        for e in world.evidence
        if e.option is option and e.stated_on is not None and e.stated_on <= cutoff
    ]

    def naive(actor: str) -> float:
        return float(sum(_SIGN[e.stance] for e in known if e.actor == actor))

    def last(actor: str) -> float:
        mine = sorted(
            (e for e in known if e.actor == actor),
            key=lambda e: (e.stated_on or date.min, e.provenance.ref),
        )
        return float(_SIGN[mine[-1].stance]) if mine else 0.0

    return naive if how == "naive_count" else last


def _oof_logistic(actors: list[str], xs: Sequence[float], ys: Sequence[int]) -> list[float]:
    fold = folds(dict(zip(actors, ys, strict=True)))
    p = []
    for i, actor in enumerate(actors):
        rest = [j for j, other in enumerate(actors) if fold[other] != fold[actor]]
        a, b = fit_logistic([xs[j] for j in rest], [ys[j] for j in rest])
        p.append(float(expit(a + b * xs[i])))
    return p


def _baselines(
    world: World, option: Option, cutoff: date, actors: list[str], ys: list[int]
) -> dict[str, Scores]:
    rate = sum(ys) / len(ys) if ys else 0.5
    found = {"prior_only": score([rate] * len(ys), ys)}
    for name in ("naive_count", "last_stance"):
        xs = [_feature(world, option, cutoff, name)(a) for a in actors]
        found[name] = score(_oof_logistic(actors, xs, ys), ys)
    return found


def _v1(world: World, option: Option, cutoff: date, actors: list[str], ys: list[int]) -> Scores:
    """v1 as it stands (its parameters are not fitted), for comparison."""
    v1 = world.at(cutoff)
    v1 = v1.model_copy(update={"beliefs": v1.beliefs.model_copy(update={"rule": RULE})})
    return score([belief_for(a, option, world.evidence, v1).probability for a in actors], ys)


def run_backtest(world: World, cutoff: date, option: Option) -> Backtest:
    """Score v2 (out-of-fold) and the baselines for ``option`` at ``cutoff``."""
    test = _cases(world, option, cutoff)
    actors = list(test)
    ys = [test[a].outcome for a in actors]
    p = _oof_v2(world, option, cutoff, test) if len(actors) > 2 else [0.5] * len(actors)
    undated = sum(
        1 for e in world.evidence if e.option is option and e.stated_on is None and e.actor in test
    )
    return Backtest(
        as_of=cutoff,
        option=option,
        rule=RULE_V2,
        scores=score(p, ys),
        baselines=_baselines(world, option, cutoff, actors, ys),
        other_rules={RULE: _v1(world, option, cutoff, actors, ys)},
        actors=[
            {"actor": a, "p": round(pi, 4), "outcome": y}
            for a, pi, y in zip(actors, p, ys, strict=True)
        ],
        reliability=reliability(p, ys),
        undated_left_out=undated,
        outcomes="user file" if world.outcomes is not None else "latest stance after the cut-off",
    )


def fitted(world: World, cutoffs: Sequence[date]) -> dict[str, Any]:
    """Parameters fitted on every state (per cut-off, and pooled): what ships as the default."""
    per_cutoff, pooled = {}, []
    for cutoff in cutoffs:
        cases = list(_cases(world, Option.GROUND_TROOPS, cutoff).values())
        pooled.extend(cases)
        theta = fit(cases, world.at(cutoff))
        per_cutoff[cutoff.isoformat()] = to_parameters(theta).model_dump()
    theta = fit(pooled, world.at(cutoffs[-1]))
    return {
        "parameters": to_parameters(theta).model_dump(),
        "per_cutoff": per_cutoff,
        "cases": len(pooled),
    }
