"""Bad answers are rejected naming the file, the question and the field; nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from questionnaire_helpers import EXAMPLES, TODAY, write

from guarantor.errors import ValidationError
from guarantor.questionnaire import ingest_responses, load_answers, read_response
from guarantor.registry.actors import ActorIndex
from guarantor.store import Store

GOOD = """\
respondents: [Poland]
answered_on: 2025-04-04
answers:
  us_support:
    enablers: [{enabler: air_cover, horizon: short_term}]
  troops:
    offers: [{deploy: conditional, number: 5000, conditions: [us_backstop]}]
"""

BAD = {
    "unknown country": (
        GOOD.replace("[Poland]", "[Atlantis]"),
        "header",
        "respondents.0",
        "unknown country 'Atlantis'",
    ),
    "unknown participant": (
        GOOD + "  participants: {countries: [France, Narnia]}\n",
        "participants",
        "countries.1",
        "unknown country 'Narnia'",
    ),
    "an organisation is no government": (
        GOOD.replace("[Poland]", "[NATO]"),
        "header",
        "respondents.0",
        "unknown country",
    ),
    "negative troops": (
        GOOD.replace("number: 5000", "number: -300"),
        "troops",
        "offers.0.number",
        "greater than or equal to 0",
    ),
    "date in the future": (
        GOOD.replace("2025-04-04", "2031-01-01"),
        "header",
        "answered_on",
        "in the future",
    ),
    "unknown enabler": (
        GOOD.replace("air_cover", "space_lasers"),
        "us_support",
        "enablers.0.enabler",
        "air_cover",
    ),
    "unknown attack response": (
        GOOD + "  attack_response: {responses: [nuclear_strike]}\n",
        "attack_response",
        "responses.0",
        "article_4_5",
    ),
    "not YAML": ("respondents: [Poland\nanswers: {", "header", "(document)", "not YAML"),
    "YAML but not a mapping": ("- just\n- a list\n", "header", "(document)", "mapping"),
    "unknown question": (
        GOOD + "  question_seven: {text: hi}\n",
        "question_seven",
        "question_seven",
        "Extra inputs",
    ),
    "collective offer without country": (
        GOOD.replace("[Poland]", "[Poland, Lithuania]"),
        "troops",
        "offers.0.country",
        "must name each offer's country",
    ),
    "offer for a non-signatory": (
        GOOD.replace("{deploy:", "{country: FRA, deploy:"),
        "troops",
        "offers.0.country",
        "FRA did not sign",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_answer_names_file_question_and_field(
    case: str, tmp_path: Path, actors: ActorIndex
) -> None:
    text, question, field, words = BAD[case]
    path = write(tmp_path, "answer.yaml", text)
    with pytest.raises(ValidationError) as caught:
        read_response(path, actors, TODAY)
    message = caught.value.render()
    assert str(path) in message
    assert f"question {question!r}" in message
    assert f"field {field!r}" in message
    assert words in message


def test_not_yaml_gives_the_line(tmp_path: Path, actors: ActorIndex) -> None:
    path = write(tmp_path, "a.yaml", "respondents: [POL]\nanswered_on: 2025-04-04\n  x: : y\n")
    with pytest.raises(ValidationError) as caught:
        read_response(path, actors, TODAY)
    assert caught.value.line == 3


def test_names_and_codes_resolve_to_iso3(tmp_path: Path, actors: ActorIndex) -> None:
    text = GOOD + "  participants: {countries: [the Netherlands, deu, Britain]}\n"
    response = read_response(write(tmp_path, "a.yaml", text), actors, TODAY)
    assert response.respondents == ("POL",)
    assert response.answers.participants is not None
    assert response.answers.participants.countries == ("NLD", "DEU", "GBR")


def test_a_bare_yes_means_deploy_yes(tmp_path: Path, actors: ActorIndex) -> None:
    text = GOOD.replace("deploy: conditional", "deploy: yes")
    response = read_response(write(tmp_path, "a.yaml", text), actors, TODAY)
    assert response.offers_by_country()["POL"].deploy.value == "yes"


def test_nothing_from_an_invalid_file_is_stored(
    tmp_path: Path, store: Store, actors: ActorIndex
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", GOOD.replace("number: 5000", "number: -1"))
    outcomes = ingest_responses(store, [bad, good], actors, TODAY)
    assert [o.status for o in outcomes] == ["rejected", "stored"]
    filed, current = load_answers(store)
    assert [f.source for f in filed] == [str(good)]
    assert list(current) == ["POL"]


def test_the_examples_are_valid_and_marked(actors: ActorIndex) -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) == 3
    for path in files:
        response = read_response(path, actors, TODAY)
        assert response.example
        assert "EXAMPLE" in path.read_text(encoding="utf-8").splitlines()[0]


def test_attack_responses_are_the_response_models_options_plus_article_4_5() -> None:
    from guarantor.domain.response import ResponseKind
    from guarantor.questionnaire import AttackResponse

    ours = [r.value for r in AttackResponse]
    assert ours == [k.value for k in ResponseKind] + ["article_4_5"]


def test_every_problem_is_reported_at_once_with_its_line(
    tmp_path: Path, actors: ActorIndex
) -> None:
    text = (
        GOOD.replace("air_cover", "space_lasers").replace("number: 5000", "number: -300")
        + "  question_seven: {text: hi}\n"
    )
    path = write(tmp_path, "answer.yaml", text)
    with pytest.raises(ValidationError) as caught:
        read_response(path, actors, TODAY)
    lines = caught.value.render().splitlines()
    assert len(caught.value.problems) == 3
    assert len(lines) == 3
    expected = [
        (5, "us_support", "enablers.0.enabler", "air_cover"),
        (7, "troops", "offers.0.number", "greater than or equal to 0"),
        (8, "question_seven", "question_seven", "Extra inputs"),
    ]
    for line, (number, question, field, words) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{number}: ")
        assert f"question {question!r}, field {field!r}" in line
        assert words in line


def test_every_unknown_country_is_reported_with_its_line(
    tmp_path: Path, actors: ActorIndex
) -> None:
    text = GOOD.replace("[Poland]", "[Atlantis]") + "  participants: {countries: [Narnia, FRA]}\n"
    path = write(tmp_path, "answer.yaml", text)
    with pytest.raises(ValidationError) as caught:
        read_response(path, actors, TODAY)
    assert [(p.line, p.message.split(": ", 1)[1]) for p in caught.value.problems] == [
        (1, "unknown country 'Atlantis' (expected a state's name or ISO3 code)"),
        (8, "unknown country 'Narnia' (expected a state's name or ISO3 code)"),
    ]
