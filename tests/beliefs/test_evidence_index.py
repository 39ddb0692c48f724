"""EvidenceIndex and the beliefs it remembers: the same beliefs as from a plain list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.beliefs.test_beliefs_rule import AS_OF, evidence, pieces, scenarios
from tests.beliefs.test_beliefs_v2 import history

from guarantor.beliefs import beliefs_for, gather_evidence
from guarantor.beliefs.index import EvidenceIndex
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import BeliefRule, Scenario
from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.forces.generation import participation_beliefs
from guarantor.registry import load_registry

ACTORS = ["FRA", "GBR", "ITA"]
OPTIONS = [Option.GROUND_TROOPS, Option.AIR_SUPPORT, list(Option)[-1]]

anywhere = st.builds(
    lambda item, actor, option: item.model_copy(update={"actor": actor, "option": option}),
    pieces,
    st.sampled_from(ACTORS),
    st.sampled_from(OPTIONS),
)
rules = st.sampled_from(["beliefs.logodds.v1", "beliefs.logodds.v2"])


def with_rule(scenario: Scenario, rule: str) -> Scenario:
    return scenario.model_copy(update={"beliefs": BeliefRule(rule=rule)})


@settings(max_examples=40, deadline=None)
@given(st.lists(anywhere, max_size=12), st.lists(scenarios, min_size=1, max_size=3), rules)
def test_an_index_gives_the_beliefs_a_list_gives(
    items: list[Evidence], runs: list[Scenario], rule: str
) -> None:
    index = EvidenceIndex(items)  # one index, shared by every run as in an assessment
    for scenario in [with_rule(s, rule) for s in runs] * 2:  # the second pass is remembered
        for actors in (None, ["FRA", "DEU"]):
            plain = beliefs_for(items, scenario, actors=actors, history=history())
            indexed = beliefs_for(index, scenario, actors=actors, history=history())
            assert indexed == plain


@settings(max_examples=30, deadline=None)
@given(st.lists(anywhere, max_size=12))
def test_the_index_is_the_evidence_in_its_order(items: list[Evidence]) -> None:
    index = EvidenceIndex(items)
    assert list(index) == items and len(index) == len(items)
    assert list(index[1:3]) == items[1:3]
    assert EvidenceIndex.of(index) is index


def test_a_remembered_belief_is_reused_only_under_what_a_belief_reads() -> None:
    items = [
        evidence(Stance.SUPPORT, source="outlet:a"),
        evidence(Stance.CONDITIONAL, conditions=(Condition.US_BACKSTOP,), source="outlet:b"),
        evidence(Stance.OPPOSE, days_old=400, source="outlet:c"),
    ]
    index = EvidenceIndex(items)
    scenario = Scenario(as_of=AS_OF)
    first = beliefs_for(index, scenario, actors=["FRA"])
    elsewhere = scenario.model_copy(update={"trials": scenario.trials * 2, "seed": 7})
    assert all(
        a is b for a, b in zip(first, beliefs_for(index, elsewhere, actors=["FRA"]), strict=True)
    )
    condition = scenario.with_conditions(us_backstop=1.0 - scenario.conditions.us_backstop)
    changed = beliefs_for(index, condition, actors=["FRA"])
    assert changed == beliefs_for(items, condition, actors=["FRA"])
    assert all(a is not b for a, b in zip(first, changed, strict=True))


def test_force_beliefs_from_the_bundled_ledger_are_the_same_indexed() -> None:
    registry = load_registry([])
    evidence = gather_evidence(registry.ledger)
    index = EvidenceIndex(evidence)
    for backstop in (0.0, 1.0, 0.0):
        scenario = Scenario().with_conditions(us_backstop=backstop)
        plain = participation_beliefs(registry, evidence, scenario)
        assert participation_beliefs(registry, index, scenario) == plain
