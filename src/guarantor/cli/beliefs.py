"""`guarantor beliefs` and `guarantor explain`: probabilities from evidence, and why.

Evidence is the registry's bundled ledger plus, when a database is named
(``--db`` / ``GUARANTOR_DB``) or the default one exists, the store's positions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from guarantor.beliefs import Belief, belief_for, beliefs_for, gather_evidence, load_scenario
from guarantor.cli.context import CliContext, get_context
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.evidence import Evidence
from guarantor.domain.vocabulary import Option
from guarantor.errors import UsageError
from guarantor.questionnaire import with_stored_answers
from guarantor.registry import Registry, load_registry, user_registry_dir
from guarantor.settings import default_db_url
from guarantor.store import Store

__all__ = ["load_evidence", "load_world", "register"]

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]


def load_world(context: CliContext) -> tuple[Registry, list[Evidence]]:
    """The registry (with the user's rows) and all evidence, each with its provenance;
    governments' questionnaire answers in the store add A1 positions and pledges."""
    user = user_registry_dir()
    registry = load_registry([user] if user.is_dir() else [])
    evidence = load_evidence(context, registry)
    db_url = _db_url(context)
    if db_url is None:
        return registry, evidence
    with Store.open(db_url) as store:
        return with_stored_answers(registry, evidence, store)


def _db_url(context: CliContext) -> str | None:
    """The database named, else the default one if it exists, else None."""
    db_url: str | None = context.settings.db
    if db_url is None:
        default = default_db_url()
        path = Path(default.removeprefix("sqlite:///"))
        db_url = default if path.is_file() else None
    return db_url


def load_evidence(context: CliContext, registry: Registry) -> list[Evidence]:
    return gather_evidence(registry.ledger, _db_url(context))


def _check(fmt: Format) -> None:
    if fmt not in (Format.TABLE, Format.JSON):
        raise UsageError(f"--format must be table or json, got {fmt.value!r}")


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
    actor: Annotated[str | None, typer.Option("--actor", "-a", help="Only this actor.")] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """P(actor acts on option | scenario, evidence up to as_of), per actor and option."""
    _check(fmt)
    effective = load_scenario(scenario)
    _registry, evidence = load_world(get_context(ctx))
    found = beliefs_for(
        evidence,
        effective,
        actors=[actor.upper()] if actor else None,
        options=[option] if option else None,
    )
    if fmt is Format.JSON:
        emit_json([b.summary() for b in found])
        return
    emit_rows(
        (b.summary() for b in found),
        fmt,
        title=f"beliefs ({effective.beliefs.rule}, as of {effective.as_of})",
    )


def explain(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="ISO alpha-3 code or NATO/EU/G7/COALITION.")],
    option: Annotated[Option, typer.Argument(help="The option, e.g. ground_troops.")],
    scenario: ScenarioOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Every vote behind one belief: quote or paraphrase, source, weight, contribution."""
    _check(fmt)
    effective = load_scenario(scenario)
    _registry, evidence = load_world(get_context(ctx))
    belief = belief_for(actor.upper(), option, evidence, effective)
    if fmt is Format.JSON:
        emit_json(belief)
        return
    typer.echo(
        f"{belief.actor} {belief.option.value}: P = {belief.probability:.3f} "
        f"(prior {belief.prior}, log-odds {belief.log_odds:+.3f}"
        + (f", override {belief.override}" if belief.override is not None else "")
        + f"; {belief.sources} independent source(s); rule {belief.rule})"
    )
    emit_rows(_vote_rows(belief), fmt, title="votes (contribution in log-odds)")
    _print_sources(belief)


def register(app: typer.Typer) -> None:
    """Add ``beliefs`` and ``explain``."""
    app.command("beliefs")(beliefs)
    app.command("explain")(explain)
