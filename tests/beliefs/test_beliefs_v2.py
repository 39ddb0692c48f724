"""beliefs.logodds.v2: its invariants, its history prior, and the fast path the fit uses."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.beliefs import belief_for
from guarantor.beliefs.baserates import History
from guarantor.beliefs.fit import build_case, predict
from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.history import MeetingAttendance, MissionFamily, MissionRecord
from guarantor.domain.scenario import BeliefRule, Scenario, ScenarioConditions
from guarantor.domain.vocabulary import Condition, Context, Option, Stance

AS_OF = date(2025, 3, 31)
V2 = Scenario(as_of=AS_OF, beliefs=BeliefRule(rule="beliefs.logodds.v2"))
KEYS = list(ScenarioConditions.model_fields)


def said(
    stance: Stance,
    *conditions: Condition,
    days_old: int | None = 10,
    grade: str = "B2",
    source: str = "outlet:a",
    ref: str = "r",
    actor: str = "GBR",
    context: Context | None = None,
) -> Evidence:
    return Evidence(
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=stance,
        conditions=conditions,
        grade=Grade.parse(grade),
        stated_on=None if days_old is None else AS_OF - timedelta(days=days_old),
        source_key=source,
        provenance=Provenance(kind="ledger", ref=ref, text="ours"),
        context=context,
    )


def history() -> History:
    missions = [
        MissionRecord(
            id=f"{a}-{m}",
            actor=a,
            mission=m,
            family=MissionFamily.LAND,
            took_part=True,
            year=2010,
            source_url="test",
            paraphrase="test",
        )
        for a, m in [("GBR", "m1"), ("GBR", "m2"), ("ITA", "m1")]
    ]
    meetings = [
        MeetingAttendance(
            id="gbr-1",
            actor="GBR",
            meeting="London",
            held_on=date(2025, 3, 2),
            attended=True,
            source_url="test",
            paraphrase="test",
        ),
        MeetingAttendance(
            id="gbr-2",
            actor="GBR",
            meeting="Paris",
            held_on=date(2025, 4, 2),
            attended=True,
            source_url="test",
            paraphrase="test",
        ),
    ]
    return History.of(missions, meetings)


pieces = st.builds(
    lambda stance, conds, grade, age, src, ref, context: said(
        stance,
        *(conds if stance is Stance.CONDITIONAL else []),
        grade=grade,
        days_old=age,
        source=src,
        ref=ref,
        context=context,
    ),
    st.sampled_from(list(Stance)),
    st.lists(st.sampled_from(list(Condition)), max_size=3, unique=True),
    st.sampled_from(["A1", "B2", "C3", "E3"]),
    st.integers(min_value=0, max_value=900),
    st.sampled_from(["outlet:a", "outlet:b", "cluster:1"]),
    st.sampled_from(["r1", "r2"]),
    st.sampled_from([None, *Context]),
)
chances = st.lists(
    st.floats(min_value=0, max_value=1, allow_nan=False), min_size=len(KEYS), max_size=len(KEYS)
)


def at(values: list[float]) -> Scenario:
    conditions = ScenarioConditions(**dict(zip(KEYS, values, strict=True)))
    return V2.model_copy(update={"conditions": conditions})


def p(items: list[Evidence], scenario: Scenario = V2) -> float:
    return belief_for("GBR", Option.GROUND_TROOPS, items, scenario, history=history()).probability


@settings(max_examples=60, deadline=None)
@given(st.lists(pieces, max_size=5), chances, st.sampled_from(["A1", "C3", "E3"]))
def test_more_refusals_never_raise_a_v2_belief(
    items: list[Evidence], values: list[float], grade: str
) -> None:
    scenario = at(values)
    refusal = said(Stance.OPPOSE, grade=grade, source="outlet:z", ref="z")
    assert p([*items, refusal], scenario) <= p(items, scenario) + 1e-12


@settings(max_examples=60, deadline=None)
@given(
    st.lists(pieces, max_size=4),
    chances,
    st.sampled_from(KEYS),
    st.floats(min_value=0, max_value=1, allow_nan=False),
)
def test_a_likelier_condition_never_lowers_a_v2_belief(
    items: list[Evidence], values: list[float], key: str, rise: float
) -> None:
    low = at(values)
    higher = list(values)
    index = KEYS.index(key)
    higher[index] = values[index] + (1 - values[index]) * rise
    assert p(items, at(higher)) >= p(items, low) - 1e-12


@settings(max_examples=40, deadline=None)
@given(st.lists(pieces, max_size=4), st.integers(min_value=1, max_value=400))
def test_an_as_of_run_never_reads_later_or_undated_evidence(
    items: list[Evidence], days_later: int
) -> None:
    later = said(Stance.OPPOSE, days_old=-days_later, source="outlet:later", ref="later")
    undated = said(Stance.SUPPORT, days_old=None, source="outlet:undated", ref="undated")
    for scenario in (V2, Scenario(as_of=AS_OF)):
        rule = belief_for("GBR", Option.GROUND_TROOPS, items, scenario, history=history())
        more = belief_for(
            "GBR", Option.GROUND_TROOPS, [*items, later, undated], scenario, history=history()
        )
        assert more.probability == rule.probability
        assert more.undated_left_out == rule.undated_left_out + 1


def test_the_prior_is_the_states_own_history_as_known_on_the_day() -> None:
    fit = V2.beliefs.v2
    gbr = belief_for("GBR", Option.GROUND_TROOPS, [], V2, history=history())
    nobody = belief_for("JPN", Option.GROUND_TROOPS, [], V2, history=history())
    x = fit.intercept + fit.missions * 1.0 + fit.meetings * 1.0  # Paris (April) not yet held
    assert abs(gbr.prior - 1 / (1 + np.exp(-x))) < 1e-6
    assert "2 earlier missions" in gbr.prior_basis and "1 coalition meetings" in gbr.prior_basis
    assert abs(nobody.prior - 1 / (1 + np.exp(-fit.intercept))) < 1e-6


def test_a_refusal_of_the_war_under_way_weighs_less_than_one_of_a_later_mission() -> None:
    wartime = said(Stance.OPPOSE, context=Context.WARTIME)
    later = said(Stance.OPPOSE, context=Context.POST_CEASEFIRE)
    silent = p([])
    assert silent > p([wartime]) > p([later])
    vote = belief_for("GBR", Option.GROUND_TROOPS, [wartime], V2, history=history()).votes[0]
    assert vote.directness_weight == V2.beliefs.v2.wartime_weight
    assert "war under way" in vote.reason
    v1 = V2.model_copy(update={"beliefs": BeliefRule(rule="beliefs.logodds.v1")})
    assert p([wartime], v1) == p([later], v1)  # v1 keeps its old reading


def test_willing_if_x_is_not_a_refusal_when_x_is_unlikely() -> None:
    willing = [said(Stance.CONDITIONAL, Condition.US_BACKSTOP, grade="A1")]
    no_backstop = V2.with_conditions(us_backstop=0.0)
    assert p(willing, no_backstop) >= p([], no_backstop)  # v2: no worse than silence
    v1 = no_backstop.model_copy(update={"beliefs": BeliefRule(rule="beliefs.logodds.v1")})
    assert belief_for("GBR", Option.GROUND_TROOPS, willing, v1).probability < 0.41  # v1: refusal
    assert p(willing, no_backstop) == pytest.approx(p([], no_backstop))  # X fails: no news
    assert p(willing, V2.with_conditions(us_backstop=0.5)) > p(willing, no_backstop)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(pieces, max_size=5),
    chances,
    st.lists(st.floats(min_value=-2, max_value=2, allow_nan=False), min_size=3, max_size=3),
    st.floats(min_value=0, max_value=3, allow_nan=False),
    st.floats(min_value=14, max_value=1460, allow_nan=False),
)
def test_the_fits_fast_path_agrees_with_the_rule(
    items: list[Evidence],
    values: list[float],
    linear: list[float],
    scale: float,
    half_life: float,
) -> None:
    theta = np.array([*linear, scale, half_life])
    params = dict(zip(("intercept", "missions", "meetings"), linear, strict=True))
    params |= {"evidence_scale": scale, "half_life_days": half_life}
    scenario = at(values)
    rule = scenario.beliefs.model_copy(update={"v2": scenario.beliefs.v2.model_copy(update=params)})
    scenario = scenario.model_copy(update={"beliefs": rule})
    case = build_case("GBR", Option.GROUND_TROOPS, 1, items, scenario, history())
    fast = float(predict(theta, [case], scenario)[0])
    assert abs(fast - p(items, scenario)) < 1e-9
