"""The read-only pages, each a view function whose dict is both the JSON twin and
what the template renders. They parse the request, call the library, and shape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import jinja2
from fastapi import APIRouter, Depends, Query, Request

from guarantor.domain.vocabulary import Option, Stance
from guarantor.errors import UsageError
from guarantor.questionnaire import addressees, headline, load_answers, summarise
from guarantor.registry.actors import resolve_actor
from guarantor.reports.actor import actor_view
from guarantor.reports.evidence import MAX_PAGE, EvidenceQuery, search_evidence
from guarantor.web.desk import Desk
from guarantor.web.twin import twin
from guarantor.web.views.board import board_grid, cell_detail
from guarantor.web.views.questionnaire import web_form
from guarantor.web.views.scenario import (
    ScenarioEdit,
    apply_edit,
    editor_view,
    load_named,
    saved_names,
)
from guarantor.web.views.scenario import (
    headline as scenario_headline,
)

__all__ = ["PAGES", "get_desk", "read_routes"]

Name = Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")]
Chance = Annotated[float | None, Query(ge=0, le=1)]


def get_desk(request: Request) -> Desk:
    desk = request.app.state.desk
    assert isinstance(desk, Desk)
    return desk


DeskDep = Annotated[Desk, Depends(get_desk)]


def _overview(desk: Desk) -> dict[str, Any]:
    report = desk.assessment()
    data = report.as_dict()
    data.pop("board")
    data["writable"] = desk.writable
    return data


def _questionnaire(desk: Desk) -> dict[str, Any]:
    filed, current = load_answers(desk.store)
    summary = summarise(current, filed, addressees(desk.world().registry.states))
    for q in summary["questions"]:
        q["headline"] = headline(q)
    return {"form": web_form(), "summary": summary, "writable": desk.writable}


def overview(desk: DeskDep) -> dict[str, Any]:
    """The four answers under the server's scenario."""
    return _overview(desk)


def board(desk: DeskDep) -> dict[str, Any]:
    """Actors x options: the stance with the most independent sources."""
    report = desk.assessment()
    return board_grid(report.board, report.as_of)


def cell(
    desk: DeskDep, actor: Annotated[str, Query(max_length=80)], option: Option
) -> dict[str, Any]:
    """One cell of the board opened onto its positions and their quotes."""
    code = resolve_actor(actor, desk.actors)
    world = desk.world()
    return cell_detail(code, option, world.by_cell.get((code, option), []), desk.scenario.as_of)


def actor(desk: DeskDep, name: str) -> dict[str, Any]:
    """One actor: positions over time, agreements, pledges, capacity, forces."""
    code = resolve_actor(name[:80], desk.actors)
    world = desk.world()
    who = desk.assessment().who_sends
    label = desk.actors.get(code).name
    return actor_view(code, label, world.registry, world.by_actor.get(code, []), who)


def evidence(
    desk: DeskDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=80)] = None,
    option: Annotated[str | None, Query(max_length=40, description="an option key")] = None,
    stance: Annotated[str | None, Query(max_length=20, description="a stance")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=10, description="store or ledger")] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Every stated position, searchable by text and filtered."""
    query = EvidenceQuery(
        text=q or None,
        actor=resolve_actor(actor, desk.actors) if actor else None,
        option=_choice(Option, option, "option"),
        stance=_choice(Stance, stance, "stance"),
        outlet=outlet or None,
        kind=_choice(EvidenceKind, kind, "kind"),
        since=_day(since, "since"),
        until=_day(until, "until"),
        limit=limit,
        offset=offset,
    )
    found = search_evidence(desk.world().evidence, query)
    found["query"] = {
        "q": q or "",
        "actor": query.actor or "",
        "option": query.option.value if query.option else "",
        "stance": query.stance.value if query.stance else "",
        "outlet": outlet or "",
        "kind": query.kind or "",
        "since": query.since.isoformat() if query.since else "",
        "until": query.until.isoformat() if query.until else "",
    }
    found["options"] = [o.value for o in Option]
    found["stances"] = [s.value for s in Stance]
    return found


def scenario(
    desk: DeskDep,
    requirement: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    correlation: Annotated[float | None, Query(ge=0, lt=1)] = None,
    us_backstop: Chance = None,
    ceasefire: Chance = None,
    russia_consent: Chance = None,
    mandate: Chance = None,
    parliament_approval: Chance = None,
    payment: Chance = None,
    clear_mission: Chance = None,
    quid_pro_quo: Chance = None,
    collective_decision: Chance = None,
    override: Annotated[list[str] | None, Query(max_length=20)] = None,
) -> dict[str, Any]:
    """The server's scenario with the conditions, requirement and overrides changed,
    rerun and shown beside the unchanged one."""
    chances = {
        "us_backstop": us_backstop,
        "ceasefire": ceasefire,
        "russia_consent": russia_consent,
        "mandate": mandate,
        "parliament_approval": parliament_approval,
        "payment": payment,
        "clear_mission": clear_mission,
        "quid_pro_quo": quid_pro_quo,
        "collective_decision": collective_decision,
    }
    edit = ScenarioEdit(
        requirement=requirement,
        correlation=correlation,
        conditions=tuple((k, v) for k, v in chances.items() if v is not None),
        overrides=tuple(o for o in override or () if o.strip()),
    )
    edited = apply_edit(desk.scenario, edit, desk.actors)
    base = desk.assessment()
    data = editor_view(
        desk.scenario, edited, base, desk.assessment(edited), saved_names(desk.scenarios_dir)
    )
    data["writable"] = desk.writable
    return data


def compare(desk: DeskDep, a: Name = "base", b: Name = "base") -> dict[str, Any]:
    """Two scenarios (the server's, 'base', or saved ones) side by side."""
    left = load_named(desk.scenarios_dir, a, desk.scenario)
    right = load_named(desk.scenarios_dir, b, desk.scenario)
    return {
        "saved": ["base", *saved_names(desk.scenarios_dir)],
        "a": a,
        "b": b,
        "left": scenario_headline(desk.assessment(left)),
        "right": scenario_headline(desk.assessment(right)),
    }


def response(desk: DeskDep) -> dict[str, Any]:
    """The simulated response to the scenario's first attack, every design compared."""
    report = desk.assessment()
    return report.if_attacked()


def costs(desk: DeskDep) -> dict[str, Any]:
    """The cost model's bill and each state's share under the scenario's key."""
    report = desk.assessment()
    pays = report.who_pays
    return {
        "summary": pays.summary() if pays else None,
        "report": pays.report.model_dump(mode="json") if pays else None,
    }


def questionnaire(desk: DeskDep) -> dict[str, Any]:
    """The web form (from the same questions as the YAML form) and the aggregate."""
    return _questionnaire(desk)


def ingest(desk: DeskDep) -> dict[str, Any]:
    """What the store holds and the recent ingest runs (upload needs the token)."""
    return {
        "counts": desk.store.counts(),
        "runs": [_plain(r) for r in desk.store.runs()[-20:]],
        "writable": desk.writable,
    }


PAGES: tuple[tuple[str, str, str, Callable[..., dict[str, Any]]], ...] = (
    ("/overview", "overview.html", "The four questions", overview),
    ("/board", "board.html", "Position board", board),
    ("/board/cell", "cell.html", "Position board cell", cell),
    ("/actor/{name}", "actor.html", "Actor", actor),
    ("/evidence", "evidence.html", "Evidence", evidence),
    ("/scenario", "scenario.html", "Scenario editor", scenario),
    ("/compare", "compare.html", "Compare scenarios", compare),
    ("/response", "response.html", "Response to an attack", response),
    ("/costs", "costs.html", "Who pays", costs),
    ("/questionnaire", "questionnaire.html", "Washington's six questions", questionnaire),
    ("/ingest", "ingest.html", "Ingest", ingest),
)


def read_routes(templates: jinja2.Environment) -> APIRouter:
    """Every page of ``PAGES`` and its JSON twin."""
    router = APIRouter()
    for path, template, title, view in PAGES:
        twin(router, templates, path, template, title)(view)
    return router


E = TypeVar("E", bound=StrEnum)


class EvidenceKind(StrEnum):
    STORE = "store"
    LEDGER = "ledger"


def _choice(kind: type[E], value: str | None, name: str) -> E | None:
    """An empty form field is no filter; anything else must be one of the values."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise UsageError(
            f"{name} {value!r}: expected one of {', '.join(k.value for k in kind)}"
        ) from None


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r}: expected a date YYYY-MM-DD") from None


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
