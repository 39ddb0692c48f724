"""``beliefs.logodds.v2``: what differs from v1, in one place.

* The prior is the state's base rate from history: ``expit(intercept + missions x
  m + meetings x c)`` (``guarantor.beliefs.baserates``), kept between the oppose
  vote and the upper bound so a refusal can never raise a belief.
* "Willing if X" is not a refusal: a conditional stance votes
  ``q x conditional_met + (1 - q) x prior`` with q = P(all its conditions) from
  the scenario: if X fails, the statement says nothing about what the state
  would do without X, so that part votes the state's own prior (no shift). A
  likelier condition never lowers the vote, and an impossible one leaves the
  belief where silence would.
* Every vote's log-odds shift is multiplied by the fitted ``evidence_scale``,
  and ages with v2's own fitted half-life.

The five numbers are fitted by ``guarantor backtest --fit`` (out-of-fold by state).
"""

from __future__ import annotations

import math

from guarantor.beliefs.baserates import FAMILY, History
from guarantor.beliefs.votes import plain_vote
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import BeliefRule, Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Option

__all__ = ["RULE_V2", "prior_v2", "vote_value_v2"]

RULE_V2 = "beliefs.logodds.v2"


def prior_v2(
    actor: str, option: Option, scenario: Scenario, history: History | None
) -> tuple[float, str]:
    """The state's own base rate for ``option`` as of the scenario's day, and its basis."""
    rule = scenario.beliefs
    if option not in FAMILY:
        return rule.priors[option], "option prior (no mission history for this option)"
    fit = rule.v2
    record = (history or History()).record(actor, option, scenario.as_of)
    x = fit.intercept + fit.missions * record.missions + fit.meetings * record.meetings
    low = max(rule.bounds[0], rule.votes.oppose)
    prior = min(max(1.0 / (1.0 + math.exp(-x)), low), rule.bounds[1])
    return prior, "base rate: " + record.describe()


def vote_value_v2(
    evidence: Evidence, rule: BeliefRule, conditions: ScenarioConditions, prior: float
) -> tuple[float, str]:
    """The probability a stance votes for under v2 (``prior``: the state's own), and why."""
    plain = plain_vote(evidence, rule)
    if plain is not None:
        return plain
    met = rule.votes.conditional_met
    q = conditions.chance_all(evidence.conditions)
    value = q * met + (1.0 - q) * min(prior, met)
    named = ", ".join(sorted(c.value for c in evidence.conditions))
    return value, f"conditional on {named}: P(conditions) = {q:.2f}, else no information"
