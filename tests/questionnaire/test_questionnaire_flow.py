"""Form -> fill -> ingest -> summary; revisions; collective answers; effect on the models."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from questionnaire_helpers import EXAMPLES, TODAY, write
from typer.testing import CliRunner

from guarantor.beliefs import belief_for, default_scenario
from guarantor.beliefs.baserates import History
from guarantor.beliefs.sources import evidence_from_ledger, independent_sources
from guarantor.cli.app import app
from guarantor.domain.vocabulary import Option
from guarantor.forces.model import contributors_for
from guarantor.questionnaire import (
    OFFICIAL_GRADE,
    answer_evidence,
    current_by_actor,
    ingest_responses,
    load_answers,
    read_response,
    summarise,
    with_answers,
)
from guarantor.questionnaire.book import Filed
from guarantor.questionnaire.response import Response
from guarantor.registry import load_registry
from guarantor.registry.actors import ActorIndex
from guarantor.store import Store


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "GUARANTOR_REGISTRY_DIR": str(tmp_path / "no-registry"),
        "GUARANTOR_DB": f"sqlite:///{tmp_path / 'cli.db'}",
    }


def _run(tmp_path: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), env=_env(tmp_path))
    assert result.exit_code == code, result.output
    return result.stdout


def test_form_fill_ingest_summary_round_trip(tmp_path: Path) -> None:
    form = yaml.safe_load(_run(tmp_path, "questionnaire", "form", "--country", "France"))
    assert form["respondents"] == ["FRA"]
    assert form["answers"]["troops"]["offers"][0]["country"] == "FRA"  # pre-filled pledge
    form["answered_on"] = "2025-04-08"
    form["answers"]["troops"]["offers"][0].update(deploy="yes", number=7000, conditions=[])
    form["answers"]["us_support"]["enablers"] = [{"enabler": "air_cover", "horizon": "long_term"}]
    form["answers"]["attack_response"]["responses"] = ["consultations", "air_power"]
    filled = write(tmp_path, "fra.yaml", yaml.safe_dump(form))
    assert "stored" in _run(tmp_path, "questionnaire", "ingest", str(filled))
    summary = json.loads(_run(tmp_path, "questionnaire", "summary", "--format", "json"))
    assert summary["respondents"] == ["FRA"]
    assert "FRA" not in summary["not_answered"] and "DEU" in summary["not_answered"]
    questions = {q["id"]: q for q in summary["questions"]}
    assert [q["id"] for q in summary["questions"]] == [
        "us_support", "participants", "troops", "attack_response", "capabilities", "sanctions"
    ]  # fmt: skip
    assert questions["troops"]["aggregate"]["total_offered"] == 7000
    assert questions["troops"]["answers"][0]["actor"] == "FRA"
    assert questions["us_support"]["aggregate"]["enablers"] == [{"value": "air_cover", "count": 1}]
    assert questions["attack_response"]["aggregate"]["majority"] == ["consultations", "air_power"]


def test_cli_rejects_a_bad_file_with_exit_1_and_stores_the_good(tmp_path: Path) -> None:
    good = EXAMPLES / "001_nld_single.yaml"
    bad = write(tmp_path, "bad.yaml", good.read_text().replace("number: 1500", "number: -5"))
    result = CliRunner().invoke(
        app, ["questionnaire", "ingest", str(bad), str(good)], env=_env(tmp_path)
    )
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "'troops'" in result.output
    assert "offers.0.number" in result.output
    summary = json.loads(_run(tmp_path, "questionnaire", "summary", "-f", "json"))
    assert summary["respondents"] == ["NLD"] and summary["responses"] == 1


def test_form_renders_markdown_and_html_from_the_same_questions(tmp_path: Path) -> None:
    markdown = _run(tmp_path, "questionnaire", "form", "--format", "md")
    page = _run(tmp_path, "questionnaire", "form", "-c", "GBR", "-f", "html")
    for number in range(1, 7):
        assert f"## {number}. " in markdown and f"<h2>{number}. " in page
    assert "political_backstop" in markdown and "article_4_5" in page
    _run(tmp_path, "questionnaire", "form", "--country", "Atlantis", code=1)


def test_a_revision_supersedes_and_the_earlier_is_kept(store: Store, actors: ActorIndex) -> None:
    files = [EXAMPLES / "002_nld_revision.yaml", EXAMPLES / "001_nld_single.yaml"]
    ingest_responses(store, files, actors, TODAY)  # filed out of order on purpose
    filed, current = load_answers(store)
    assert len(filed) == 2
    assert current["NLD"].response.answered_on.isoformat() == "2025-06-20"
    summary = summarise(current, filed, ["NLD", "BEL"])
    troops = next(q for q in summary["questions"] if q["id"] == "troops")
    assert troops["aggregate"]["total_offered"] == 2000
    assert summary["superseded"] == [
        next(f.id for f in filed if f.source.endswith("001_nld_single.yaml"))
    ]
    assert summary["not_answered"] == ["BEL"]


def test_a_collective_answer_counts_once_per_signatory(store: Store, actors: ActorIndex) -> None:
    ingest_responses(store, sorted(EXAMPLES.glob("*.yaml")), actors, TODAY)
    filed, current = load_answers(store)
    assert sorted(current) == ["EST", "LTU", "LVA", "NLD"]
    summary = summarise(current, filed, sorted(current))
    by_id = {q["id"]: q for q in summary["questions"]}
    assert [a["actor"] for a in by_id["sanctions"]["answers"]] == ["EST", "LTU", "LVA", "NLD"]
    measures = {r["value"]: r["count"] for r in by_id["sanctions"]["aggregate"]["measures"]}
    assert measures["frozen_assets"] == 3 and measures["shadow_fleet"] == 4
    assert by_id["troops"]["aggregate"]["total_offered"] == 2000 + 200 + 150 + 300
    items = {r["item"]: r["quantity"] for r in by_id["capabilities"]["aggregate"]["items"]}
    assert items["demining equipment"] == 40  # offered once, not once per signatory
    # Lithuania's own answer later replaces the joint one for Lithuania only
    later = Response.model_validate(
        {"respondents": ["LTU"], "answered_on": "2025-09-01", "answers": {"sanctions": {}}}
    )
    moved = current_by_actor([*filed, Filed(99, "ltu.yaml", later)])
    assert moved["LTU"].id == 99 and moved["EST"].id == moved["LVA"].id != 99


def test_answers_are_a1_positions_and_a_troop_offer_raises_participation(
    tmp_path: Path, actors: ActorIndex
) -> None:
    registry = load_registry()
    evidence = independent_sources(evidence_from_ledger(registry.ledger))
    scenario = default_scenario().with_conditions(us_backstop=True)
    before = {c.actor: c for c in contributors_for(registry, evidence, scenario)}
    text = (
        "respondents: [Poland]\nanswered_on: 2025-12-01\nanswers:\n  troops:\n"
        "    offers: [{deploy: yes, number: 5000, role: reassurance, location: western Ukraine}]\n"
    )
    response = read_response(write(tmp_path, "pol.yaml", text), actors, TODAY)
    current = {"POL": Filed(1, "pol.yaml", response)}
    votes = answer_evidence(current)
    assert [(v.option, v.grade) for v in votes] == [(Option.GROUND_TROOPS, OFFICIAL_GRADE)]
    registry2, evidence2 = with_answers(registry, evidence, current)
    after = {c.actor: c for c in contributors_for(registry2, evidence2, scenario)}
    # The answer lifts Poland's belief; many earlier refusals can keep the probability at
    # the rule's floor, so the log-odds are compared, and the probability never falls.
    history = History.of(registry.missions, registry.meetings)
    odds = [
        belief_for("POL", Option.GROUND_TROOPS, e, scenario, history=history).log_odds
        for e in (evidence, evidence2)
    ]
    assert odds[1] > odds[0]
    assert after["POL"].p_participate >= before["POL"].p_participate
    assert after["POL"].troops == 5000 and after["POL"].basis == "pledge"


@settings(max_examples=25, deadline=None)
@given(
    offers=st.lists(st.integers(min_value=0, max_value=20000), min_size=1, max_size=3),
    order=st.permutations(range(3)),
)
def test_totals_do_not_depend_on_filing_order(offers: list[int], order: list[int]) -> None:
    signers = ["EST", "LVA", "LTU"][: len(offers)]
    joint = Response.model_validate(
        {
            "respondents": signers,
            "answered_on": "2025-04-10",
            "answers": {
                "troops": {
                    "offers": [
                        {"country": c, "deploy": "yes", "number": n}
                        for c, n in zip(signers, offers, strict=True)
                    ]
                }
            },
        }
    )
    alone = Response.model_validate(
        {
            "respondents": ["FIN"],
            "answered_on": "2025-05-01",
            "answers": {"troops": {"offers": [{"deploy": "no"}]}},
        }
    )
    early = Response.model_validate({"respondents": ["FIN"], "answered_on": "2025-03-01"})
    filed = [Filed(1, "joint", joint), Filed(2, "fin", alone), Filed(3, "fin-early", early)]
    shuffled = [filed[i] for i in order]
    current = current_by_actor(shuffled)
    summary = summarise(current, shuffled, [])
    troops = next(q for q in summary["questions"] if q["id"] == "troops")
    assert troops["aggregate"]["total_offered"] == sum(offers)
    assert current["FIN"].id == 2
    assert summary["respondents"] == sorted([*signers, "FIN"])
