"""``beliefs.logodds.v1`` and ``v2``: P(actor acts on option | scenario, evidence up to as_of).

Each independent source casts one vote per stance: the probability its stance
stands for (a conditional one votes high only when the scenario meets all its
conditions), weighted by grade x recency x directness. Votes add their
log-odds shift from the prior, ``weight * (logit(vote) - logit(prior))``, so one
fresh A1 statement moves the belief to its vote and corroboration from other
sources moves it further; the sum is clipped to the rule's bounds. Every vote
is kept with its weight and contribution, so ``explain`` can show the sum.

``v2`` (``guarantor.beliefs.v2``) changes three things and keeps the rest: the
prior is the state's own base rate from history, a conditional stance weighs
the probability of its conditions, and the shifts are scaled by a fitted factor.
Evidence without a date is never read by an as-of run (both rules); it is
counted in ``undated_left_out``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from guarantor.beliefs.baserates import History
from guarantor.beliefs.index import EvidenceIndex, known
from guarantor.beliefs.v2 import RULE_V2, prior_v2, vote_value_v2
from guarantor.beliefs.votes import plain_vote
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import BeliefRule, Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Context, Option, Stance

__all__ = [
    "RULE",
    "RULE_V2",
    "Belief",
    "Vote",
    "belief_context",
    "belief_for",
    "beliefs_for",
    "logit",
    "vote_value",
]

RULE = "beliefs.logodds.v1"


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _expit(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class Vote(BaseModel):
    """One piece of evidence as the rule counted it."""

    model_config = ConfigDict(frozen=True)

    evidence: Evidence
    vote: float
    reason: str
    grade_weight: float
    recency_weight: float
    directness_weight: float
    weight: float
    counted: bool
    contribution: float  # log-odds shift; 0 when not counted


class Belief(BaseModel):
    """A probability with everything it rests on."""

    model_config = ConfigDict(frozen=True)

    actor: str
    option: Option
    probability: float
    prior: float
    log_odds: float
    override: float | None = None
    sources: int
    votes: tuple[Vote, ...]
    rule: str = RULE
    as_of: date
    prior_basis: str = ""
    undated_left_out: int = 0

    def summary(self) -> dict[str, object]:
        """The short row a table or JSON list shows."""
        stances = sorted({v.evidence.stance.value for v in self.votes if v.counted})
        return {
            "actor": self.actor,
            "option": self.option.value,
            "probability": round(self.probability, 4),
            "prior": self.prior,
            "sources": self.sources,
            "evidence": len(self.votes),
            "stances": stances,
            "override": self.override,
            "undated_left_out": self.undated_left_out,
        }


def vote_value(
    evidence: Evidence, rule: BeliefRule, conditions: ScenarioConditions
) -> tuple[float, str]:
    """The probability a stance votes for, and why."""
    plain = plain_vote(evidence, rule)
    if plain is not None:
        return plain
    votes = rule.votes
    unmet = [c.value for c in evidence.conditions if not conditions.holds(c)]
    if unmet:
        return votes.conditional_unmet, "conditional, not met: " + ", ".join(unmet)
    return votes.conditional_met, "conditional, all met"


def _weights(evidence: Evidence, rule: BeliefRule, as_of: date) -> tuple[float, float, float]:
    """Grade, recency and directness weights (each in [0, 1])."""
    grade = rule.grade_weights.reliability[evidence.grade.reliability]
    grade *= rule.grade_weights.credibility[evidence.grade.credibility]
    if evidence.stated_on is None:
        recency = rule.undated_weight
    else:
        age = max((as_of - evidence.stated_on).days, 0)
        half_life = rule.v2.half_life_days if rule.rule == RULE_V2 else rule.half_life_days
        recency = 0.5 ** (age / half_life)
    directness = 1.0
    if evidence.analysis:
        directness *= rule.directness.analysis
    if evidence.claimed_by:
        directness *= rule.directness.claimed_by
    if rule.rule == RULE_V2 and evidence.context is Context.WARTIME:
        directness *= rule.v2.wartime_weight
    return grade, recency, directness


def _scored(evidence: Evidence, scenario: Scenario, prior: float) -> Vote:
    rule = scenario.beliefs
    if rule.rule == RULE_V2:
        value, reason = vote_value_v2(evidence, rule, scenario.conditions, prior)
        if evidence.context is Context.WARTIME:
            reason += f"; said of the war under way (x{rule.v2.wartime_weight:g})"
    else:
        value, reason = vote_value(evidence, rule, scenario.conditions)
    grade, recency, directness = _weights(evidence, rule, scenario.as_of)
    return Vote(
        evidence=evidence,
        vote=value,
        reason=reason,
        grade_weight=grade,
        recency_weight=recency,
        directness_weight=directness,
        weight=grade * recency * directness,
        counted=False,
        contribution=0.0,
    )


def _heaviest_per_source(votes: Sequence[Vote]) -> set[int]:
    """Indices of the votes that count: the heaviest of each (source, stance) group."""
    best: dict[tuple[str, Stance], int] = {}
    for index, vote in enumerate(votes):
        key = (vote.evidence.source_key, vote.evidence.stance)
        current = best.get(key)
        if current is None or vote.weight > votes[current].weight:
            best[key] = index
    return set(best.values())


def _prior(
    actor: str, option: Option, scenario: Scenario, history: History | None
) -> tuple[float, str]:
    rule = scenario.beliefs
    if rule.rule == RULE_V2:
        return prior_v2(actor, option, scenario, history)
    return rule.priors[option], "option prior (beliefs.logodds.v1)"


def belief_context(scenario: Scenario) -> str:
    """All that ``belief_for`` reads of a scenario, as one comparable key: the rule, the
    day, the conditions and the overrides (runs differing elsewhere share beliefs)."""
    return scenario.model_dump_json(include={"beliefs", "as_of", "conditions", "overrides"})


def belief_for(
    actor: str,
    option: Option,
    evidence: Iterable[Evidence],
    scenario: Scenario,
    *,
    history: History | None = None,
) -> Belief:
    """P(``actor`` acts on ``option``) from the evidence about that pair up to ``as_of``.

    ``history`` (the registry's missions and meetings) gives v2 its per-state prior;
    without it v2 uses the fitted intercept alone.
    """
    rule = scenario.beliefs
    relevant, undated = known(evidence, actor, option, scenario.as_of)
    prior, basis = _prior(actor, option, scenario, history)
    scored = [_scored(e, scenario, prior) for e in relevant]
    counted = _heaviest_per_source(scored)
    base = logit(prior)
    scale = rule.v2.evidence_scale if rule.rule == RULE_V2 else 1.0
    votes = []
    for index, vote in enumerate(scored):
        if index in counted:
            shift = scale * vote.weight * (logit(vote.vote) - base)
            vote = vote.model_copy(update={"counted": True, "contribution": shift})
        votes.append(vote)
    log_odds = base + sum(v.contribution for v in votes)
    low, high = rule.bounds
    computed = _expit(log_odds) if counted else prior  # no votes: the prior, exactly
    probability = min(max(computed, low), high)
    override = scenario.overrides.get(actor, {}).get(option)
    return Belief(
        actor=actor,
        option=option,
        probability=override if override is not None else probability,
        prior=round(prior, 6),
        log_odds=log_odds,
        override=override,
        sources=len(counted),
        votes=tuple(votes),
        rule=rule.rule,
        as_of=scenario.as_of,
        prior_basis=basis,
        undated_left_out=undated,
    )


def beliefs_for(
    evidence: Iterable[Evidence],
    scenario: Scenario,
    *,
    actors: Iterable[str] | None = None,
    options: Iterable[Option] | None = None,
    history: History | None = None,
) -> list[Belief]:
    """Beliefs for every (actor, option) with evidence or an override, or for those asked.

    ``evidence`` may be an ``EvidenceIndex`` (grouped once by the caller, for many
    runs) or any iterable of evidence (grouped here, for this call); same beliefs.

    With ``actors`` given, each of them gets a belief for each option even
    without evidence (the prior), so a model can ask about every state.
    """
    index = EvidenceIndex.of(evidence)
    memo = index.memo((belief_context(scenario), history))
    wanted_options = list(options) if options is not None else list(Option)
    pairs = {pair for pair in index.pairs() if pair[1] in wanted_options}
    pairs |= {
        (actor, option)
        for actor, opts in scenario.overrides.items()
        for option in opts
        if option in wanted_options
    }
    if actors is not None:
        chosen = list(actors)
        pairs = {p for p in pairs if p[0] in chosen}
        pairs |= {(a, o) for a in chosen for o in wanted_options}
    found = []
    for pair in sorted(pairs, key=lambda p: (p[0], p[1].value)):
        belief = memo.get(pair)
        if not isinstance(belief, Belief):
            belief = memo[pair] = belief_for(*pair, index, scenario, history=history)
        found.append(belief)
    return found
