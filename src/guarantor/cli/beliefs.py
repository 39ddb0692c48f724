"""`guarantor beliefs` and `guarantor explain`: probabilities from evidence, and why.

Evidence is the registry's bundled ledger plus, when a database is named
(``--db`` / ``GUARANTOR_DB``) or the default one exists, the store's positions.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from guarantor.beliefs import Belief, belief_for, beliefs_for, load_scenario
from guarantor.beliefs.baserates import History
from guarantor.beliefs.world import load_world
from guarantor.cli.context import get_context
from guarantor.cli.render import Format, ReportFormat, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.vocabulary import Option
from guarantor.registry.actors import resolve_actor

__all__ = ["FormatOption", "ReportFormatOption", "register"]

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table, json, jsonl or csv (rows of the list).")
]
ReportFormatOption = Annotated[
    ReportFormat, typer.Option("--format", "-f", help="table or json (a report, not a list).")
]


def _vote_rows(belief: Belief) -> list[dict[str, Any]]:
    rows = []
    for number, vote in enumerate(belief.votes, start=1):
        e = vote.evidence
        rows.append(
            {
                "#": number,
                "counted": "yes" if vote.counted else "no: same source",
                "why": vote.reason,
                "date": e.stated_on,
                "grade": e.grade.code,
                "source": e.provenance.outlet or e.source_key,
                "vote": vote.vote,
                "weight": round(vote.weight, 3),
                "contribution": round(vote.contribution, 3),
            }
        )
    return rows


def _print_sources(belief: Belief) -> None:
    """The words each vote rests on, numbered like the table rows."""
    for number, vote in enumerate(belief.votes, start=1):
        where = vote.evidence.provenance
        typer.echo(f"[{number}] {where.text}\n    {where.url or where.ref}")


def beliefs(
    ctx: typer.Context,
    scenario: ScenarioOption = None,
    option: Annotated[
        Option | None, typer.Option("--option", "-o", help="Only this option.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only this actor (code or any name).")
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """P(actor acts on option | scenario, evidence up to as_of), per actor and option."""
    code = resolve_actor(actor) if actor else None
    effective = load_scenario(scenario)
    registry, evidence = load_world(get_context(ctx).settings.db)
    found = beliefs_for(
        evidence,
        effective,
        actors=[code] if code else None,
        options=[option] if option else None,
        history=History.of(registry.missions, registry.meetings),
    )
    emit_rows(
        (b.summary() for b in found),
        fmt,
        title=f"beliefs ({effective.beliefs.rule}, as of {effective.as_of})",
    )


def explain(
    ctx: typer.Context,
    actor: Annotated[
        str, typer.Argument(help="Code (POL, NATO) or any name: Poland, Warsaw, Polish, Tusk.")
    ],
    option: Annotated[Option, typer.Argument(help="The option, e.g. ground_troops.")],
    scenario: ScenarioOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Every vote behind one belief: quote or paraphrase, source, weight, contribution."""
    code = resolve_actor(actor)
    effective = load_scenario(scenario)
    registry, evidence = load_world(get_context(ctx).settings.db)
    history = History.of(registry.missions, registry.meetings)
    belief = belief_for(code, option, evidence, effective, history=history)
    if fmt is Format.JSON:
        emit_json(belief)
        return
    if fmt is not Format.TABLE:
        emit_rows(_vote_rows(belief), fmt)
        return
    typer.echo(
        f"{belief.actor} {belief.option.value}: P = {belief.probability:.3f} "
        f"(prior {belief.prior} from {belief.prior_basis}, log-odds {belief.log_odds:+.3f}"
        + (f", override {belief.override}" if belief.override is not None else "")
        + f"; {belief.sources} independent source(s); rule {belief.rule}"
        + (f"; {belief.undated_left_out} undated left out" if belief.undated_left_out else "")
        + ")"
    )
    emit_rows(_vote_rows(belief), fmt, title="votes (contribution in log-odds)")
    _print_sources(belief)


def register(app: typer.Typer) -> None:
    """Add ``beliefs`` and ``explain``."""
    app.command("beliefs")(beliefs)
    app.command("explain")(explain)
