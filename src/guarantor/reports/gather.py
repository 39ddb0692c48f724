"""Run every model a report needs for one scenario, and build the report.

The one place that reads: the world (registry and evidence), the store (its
counts and the questionnaire answers), then the force, response, cost and
backtest models, exactly as ``guarantor assess``, ``respond --compare``,
``costs``, ``questionnaire summary`` and ``backtest`` run them.
"""

from __future__ import annotations

from guarantor.beliefs.backtest import World
from guarantor.beliefs.world import load_world
from guarantor.costs import answer_who_pays
from guarantor.domain.scenario import Scenario
from guarantor.forces.answer import answer_who_sends
from guarantor.forces.generation import participation_beliefs
from guarantor.reports.assessment import build_assessment, store_summary
from guarantor.reports.document import Inputs, Report, build_report
from guarantor.reports.questions import questionnaire_status
from guarantor.reports.track import track_record_for
from guarantor.response import compare_designs
from guarantor.settings import Settings
from guarantor.store import Store

__all__ = ["gather_report"]


def gather_report(settings: Settings, scenario: Scenario, *, top: int | None = None) -> Report:
    """The report for ``scenario`` on the bundled data plus the store of ``settings``."""
    registry, evidence = load_world(settings.db)
    store = store_summary(settings.db_url)
    who = answer_who_sends(registry, evidence, scenario, sensitivity=True)
    reaction = compare_designs(
        registry, evidence, scenario, replications=scenario.response.brief_replications
    )
    pays = answer_who_pays(registry, who, scenario)
    assessment = build_assessment(registry, evidence, scenario, store, who, reaction, pays)
    beliefs = participation_beliefs(registry, evidence, scenario.with_conditions(us_backstop=False))
    with Store.open(settings.db_url) as opened:
        questionnaire = questionnaire_status(opened, registry.states)
    track = track_record_for(World(registry, evidence, scenario))
    inputs = Inputs(registry, evidence, scenario, assessment, beliefs, questionnaire, track)
    return build_report(inputs, top=top)
