"""The pure view functions: evidence search, scenario edits, the web questionnaire."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.scenario import Scenario
from guarantor.domain.vocabulary import Option, Stance
from guarantor.errors import NotFoundError, UsageError
from guarantor.questionnaire.read import parse_response
from guarantor.registry.actors import ActorIndex, load_actors
from guarantor.reports.evidence import EvidenceQuery, search_evidence
from guarantor.web.views.questionnaire import response_yaml, web_form
from guarantor.web.views.scenario import ScenarioEdit, apply_edit, scenario_path


@pytest.fixture(scope="module")
def actors() -> ActorIndex:
    return load_actors()


def _item(actor: str, option: Option, stance: Stance, day: int, text: str) -> Evidence:
    return Evidence(
        actor=actor,
        option=option,
        stance=stance,
        grade=Grade.parse("B2"),
        stated_on=date(2025, 1, day),
        source_key=f"s{day}",
        provenance=Provenance(kind="store", ref=f"doc{day}", text=text, outlet="reuters"),
    )


items = st.lists(
    st.builds(
        _item,
        st.sampled_from(["FRA", "POL", "GBR"]),
        st.sampled_from(list(Option)[:3]),
        st.sampled_from(list(Stance)),
        st.integers(1, 28),
        st.sampled_from(["troops now", "no troops", "if the US helps"]),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(
    items,
    st.sampled_from([None, "FRA", "POL"]),
    st.sampled_from([None, *Stance]),
    st.integers(1, 10),
    st.integers(0, 5),
)
def test_search_counts_every_match_and_pages_them(
    evidence: list[Evidence], actor: str | None, stance: Stance | None, limit: int, offset: int
) -> None:
    query = EvidenceQuery(actor=actor, stance=stance, limit=limit, offset=offset)
    found = search_evidence(evidence, query)
    matching = [
        e
        for e in evidence
        if (actor is None or e.actor == actor) and (stance is None or e.stance is stance)
    ]
    assert found["total"] == len(matching) == sum(found["facets"]["stance"].values())
    assert len(found["items"]) == max(0, min(limit, len(matching) - offset))
    days = [i["stated_on"] for i in found["items"]]
    assert days == sorted(days, reverse=True)


def test_an_edit_changes_only_what_it_names(actors: ActorIndex) -> None:
    base = Scenario()
    edit = ScenarioEdit(
        requirement=5000,
        conditions=(("us_backstop", 1.0),),
        overrides=("Poland:ground_troops=0.25",),
    )
    edited = apply_edit(base, edit, actors)
    assert edited.requirement == 5000 and edited.conditions.us_backstop == 1.0
    assert edited.overrides["POL"][Option.GROUND_TROOPS] == 0.25
    assert edited.correlation == base.correlation and edited.trials == base.trials
    assert apply_edit(base, ScenarioEdit(), actors) is base


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (ScenarioEdit(conditions=(("weather", 0.5),)), UsageError),
        (ScenarioEdit(overrides=("POL:ground_troops=1.5",)), UsageError),
        (ScenarioEdit(overrides=("POL:tanks=0.5",)), UsageError),
        (ScenarioEdit(overrides=("Narnia:ground_troops=0.5",)), NotFoundError),
        (ScenarioEdit(correlation=1.5), UsageError),
    ],
)
def test_a_bad_edit_is_named(actors: ActorIndex, edit: ScenarioEdit, error: type) -> None:
    with pytest.raises(error):
        apply_edit(Scenario(), edit, actors)


def test_scenario_paths_stay_in_their_folder(tmp_path: Path) -> None:
    assert scenario_path(tmp_path, "my-run_2").parent == tmp_path.resolve()
    for name in ("../x", "/etc/passwd", "a b", "base", "x/../../y"):
        with pytest.raises(UsageError):
            scenario_path(tmp_path, name)


def test_the_web_form_asks_every_question() -> None:
    from guarantor.questionnaire import QUESTIONS

    form = web_form()
    assert [q["id"] for q in form["questions"]] == [q.id for q in QUESTIONS]
    for asked, defined in zip(form["questions"], QUESTIONS, strict=True):
        assert [f["name"] for f in asked["fields"]] == [f.name for f in defined.fields]


def test_a_submitted_form_reads_as_a_response_file(actors: ActorIndex) -> None:
    form = {
        "respondents": ["Estonia", "LVA"],
        "answered_on": ["2025-05-01"],
        "participants.countries": ["Finland, Sweden"],
        "troops.deploy": ["yes"],
        "troops.number": ["300"],
        "sanctions.text": ["<b>more</b>"],
    }
    with pytest.raises(Exception, match="collective answer must name each offer"):
        parse_response(
            response_yaml(form, date(2025, 6, 1)), Path("f.yaml"), actors, date(2025, 6, 1)
        )
    del form["troops.deploy"], form["troops.number"]
    response = parse_response(
        response_yaml(form, date(2025, 6, 1)), Path("f.yaml"), actors, date(2025, 6, 1)
    )
    assert response.respondents == ("EST", "LVA")
    assert response.answers.participants and response.answers.participants.countries == (
        "FIN",
        "SWE",
    )
    assert response.answers.sanctions and response.answers.sanctions.text == "<b>more</b>"
