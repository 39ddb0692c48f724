"""beliefs.logodds.v1: the rule's invariants and its explanation."""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.beliefs import belief_for, beliefs_for
from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.scenario import BeliefRule, Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Condition, Option, Stance

AS_OF = date(2026, 6, 30)
SCENARIO = Scenario(as_of=AS_OF, beliefs=BeliefRule(rule="beliefs.logodds.v1"))  # v1 pinned
CONDITION_KEYS = list(ScenarioConditions.model_fields)


def evidence(
    stance: Stance = Stance.SUPPORT,
    *,
    actor: str = "FRA",
    option: Option = Option.GROUND_TROOPS,
    conditions: tuple[Condition, ...] = (),
    grade: str = "A1",
    days_old: int | None = 0,
    source: str = "outlet:a",
    analysis: bool = False,
    claimed_by: str | None = None,
    ref: str = "doc-1",
) -> Evidence:
    return Evidence(
        actor=actor,
        option=option,
        stance=stance,
        conditions=conditions,
        grade=Grade.parse(grade),
        stated_on=None if days_old is None else AS_OF - timedelta(days=days_old),
        analysis=analysis,
        claimed_by=claimed_by,
        source_key=source,
        provenance=Provenance(kind="ledger", ref=ref, text="a paraphrase we wrote"),
    )


grades = st.builds(
    lambda r, c: f"{r}{c}", st.sampled_from("ABCDEF"), st.integers(min_value=1, max_value=6)
)
pieces = st.builds(
    lambda stance, conds, grade, age, src, analysis, claimed, ref: evidence(
        stance,
        conditions=tuple(conds) if stance is Stance.CONDITIONAL else (),
        grade=grade,
        days_old=age,
        source=src,
        analysis=analysis,
        claimed_by=claimed,
        ref=ref,
    ),
    st.sampled_from(list(Stance)),
    st.lists(st.sampled_from(list(Condition)), max_size=3, unique=True),
    grades,
    st.one_of(st.none(), st.integers(min_value=0, max_value=2000)),
    st.sampled_from(["outlet:a", "outlet:b", "cluster:1", "outlet:c"]),
    st.booleans(),
    st.sampled_from([None, "DEU"]),
    st.sampled_from(["r1", "r2", "r3"]),
)
scenarios = st.builds(
    lambda flags: Scenario(
        as_of=AS_OF, conditions=ScenarioConditions(**dict(zip(CONDITION_KEYS, flags, strict=True)))
    ),
    st.lists(st.booleans(), min_size=len(CONDITION_KEYS), max_size=len(CONDITION_KEYS)),
)


def p(items: list[Evidence], scenario: Scenario = SCENARIO) -> float:
    return belief_for("FRA", Option.GROUND_TROOPS, items, scenario).probability


def test_no_evidence_gives_the_prior() -> None:
    assert p([]) == SCENARIO.beliefs.priors[Option.GROUND_TROOPS]


def test_one_fresh_a1_statement_moves_the_belief_to_its_vote() -> None:
    assert math.isclose(p([evidence(Stance.SUPPORT)]), SCENARIO.beliefs.votes.support)
    assert math.isclose(p([evidence(Stance.OPPOSE)]), SCENARIO.beliefs.votes.oppose)


def test_near_duplicates_count_once_independent_sources_add_up() -> None:
    one = p([evidence(grade="B2")])
    copies = p([evidence(grade="B2", ref=f"copy-{i}") for i in range(5)])
    independent = p([evidence(grade="B2", source=f"outlet:{i}") for i in range(5)])
    assert copies == one
    assert independent > one


def test_weights_grade_recency_directness_order_the_evidence() -> None:
    assert p([evidence(grade="A1")]) > p([evidence(grade="D4")])
    assert p([evidence(days_old=0)]) > p([evidence(days_old=360)])
    assert p([evidence()]) > p([evidence(analysis=True)])
    assert p([evidence()]) > p([evidence(claimed_by="DEU")])


def test_half_life_halves_the_weight() -> None:
    half_life = int(SCENARIO.beliefs.half_life_days)
    belief = belief_for("FRA", Option.GROUND_TROOPS, [evidence(days_old=half_life)], SCENARIO)
    assert math.isclose(belief.votes[0].recency_weight, 0.5)


def test_evidence_after_as_of_is_ignored() -> None:
    assert p([evidence(Stance.OPPOSE, days_old=-10)]) == p([])


def test_conditional_votes_high_only_when_every_condition_holds() -> None:
    piece = evidence(
        Stance.CONDITIONAL, conditions=(Condition.US_BACKSTOP, Condition.CEASEFIRE_FIRST)
    )
    without = SCENARIO.with_conditions(us_backstop=False)
    with_backstop = SCENARIO.with_conditions(us_backstop=True)
    assert p([piece], with_backstop) > p([piece], without)
    assert math.isclose(p([piece], with_backstop), SCENARIO.beliefs.votes.conditional_met)


def test_explanation_sums_to_the_belief() -> None:
    items = [
        evidence(Stance.SUPPORT, source="outlet:a"),
        evidence(Stance.OPPOSE, source="outlet:b", grade="C3", days_old=90),
        evidence(Stance.SUPPORT, source="outlet:a", grade="B2", ref="dup"),
    ]
    belief = belief_for("FRA", Option.GROUND_TROOPS, items, SCENARIO)
    prior_log_odds = math.log(belief.prior / (1 - belief.prior))
    assert math.isclose(belief.log_odds, prior_log_odds + sum(v.contribution for v in belief.votes))
    assert [v.counted for v in belief.votes].count(False) == 1
    assert belief.sources == 2
    assert all(v.evidence.provenance.text for v in belief.votes)


def test_override_replaces_the_evidence_but_keeps_the_votes() -> None:
    scenario = SCENARIO.model_copy(update={"overrides": {"FRA": {Option.GROUND_TROOPS: 0.0}}})
    belief = belief_for("FRA", Option.GROUND_TROOPS, [evidence()], scenario)
    assert belief.probability == 0.0 and belief.override == 0.0 and len(belief.votes) == 1


def test_beliefs_for_lists_pairs_with_evidence_and_asked_actors() -> None:
    items = [evidence(), evidence(actor="DEU", option=Option.AIR_SUPPORT)]
    pairs = {(b.actor, b.option) for b in beliefs_for(items, SCENARIO)}
    assert pairs == {("FRA", Option.GROUND_TROOPS), ("DEU", Option.AIR_SUPPORT)}
    asked = beliefs_for(items, SCENARIO, actors=["POL"], options=[Option.GROUND_TROOPS])
    assert [(b.actor, b.probability) for b in asked] == [("POL", 0.41)]


@settings(max_examples=80, deadline=None)
@given(st.lists(pieces, max_size=8), scenarios)
def test_probabilities_lie_in_the_unit_interval(items: list[Evidence], scenario: Scenario) -> None:
    belief = belief_for("FRA", Option.GROUND_TROOPS, items, scenario)
    assert 0.0 <= belief.probability <= 1.0
    assert all(0 <= v.weight <= 1 for v in belief.votes)


@settings(max_examples=80, deadline=None)
@given(st.lists(pieces, max_size=8), pieces, scenarios)
def test_adding_a_refusal_never_raises_the_belief(
    items: list[Evidence], extra: Evidence, scenario: Scenario
) -> None:
    refusal = extra.model_copy(update={"stance": Stance.OPPOSE, "conditions": ()})
    assert p([*items, refusal], scenario) <= p(items, scenario) + 1e-12


@settings(max_examples=80, deadline=None)
@given(st.lists(pieces, max_size=8), scenarios, st.sampled_from(CONDITION_KEYS))
def test_meeting_a_condition_never_lowers_a_belief(
    items: list[Evidence], scenario: Scenario, key: str
) -> None:
    unmet = scenario.with_conditions(**{key: False})
    met = scenario.with_conditions(**{key: True})
    assert p(items, met) >= p(items, unmet) - 1e-12
