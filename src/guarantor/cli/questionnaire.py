"""`guarantor questionnaire form|ingest|summary`: the six questions, sent, answered, aggregated."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from guarantor.cli.context import get_context
from guarantor.cli.render import Format as RowFormat
from guarantor.cli.render import emit_json, emit_rows
from guarantor.questionnaire import (
    addressees,
    form_view,
    headline,
    ingest_responses,
    load_answers,
    render_form,
    resolve_state,
    summarise,
)
from guarantor.registry import Registry, load_registry, user_registry_dir
from guarantor.registry.actors import load_actors
from guarantor.store import Store

__all__ = ["register"]

questionnaire_app = typer.Typer(
    help="Washington's six questions: the form to send, governments' answers, the aggregate.",
    no_args_is_help=True,
)


class FormFormat(StrEnum):
    YAML = "yaml"
    MD = "md"
    HTML = "html"


class SummaryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"


def _registry() -> Registry:
    user = user_registry_dir()
    return load_registry([user] if user.is_dir() else [])


@questionnaire_app.command("form")
def form(
    country: Annotated[
        str | None,
        typer.Option("--country", "-c", help="ISO3 or name: pre-fill what the registry knows."),
    ] = None,
    fmt: Annotated[FormFormat, typer.Option("--format", "-f", help="yaml, md or html.")] = (
        FormFormat.YAML
    ),
) -> None:
    """A blank form to send, pre-filled for one government when --country is given."""
    iso3 = resolve_state(load_actors(), country) if country else None
    typer.echo(render_form(form_view(_registry(), iso3), fmt.value), nl=False)


@questionnaire_app.command("ingest")
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Response files (YAML).")],
) -> None:
    """Validate and store responses; an invalid file is reported and nothing of it stored."""
    err = Console(stderr=True)
    with Store.open(get_context(ctx).db_url) as store:
        outcomes = ingest_responses(store, files, load_actors(), date.today())
    for outcome in outcomes:
        if outcome.error is not None:
            err.print(f"[red]rejected[/] {outcome.error.render()}", highlight=False)
            continue
        who = ", ".join(outcome.respondents)
        typer.echo(f"{outcome.status} {outcome.source}: response {outcome.response_id} ({who})")
    if any(o.error is not None for o in outcomes):
        raise typer.Exit(1)


def _markdown(summary: dict[str, Any]) -> str:
    lines = [
        "# The six questions: aggregate answer",
        "",
        f"Respondents: {', '.join(summary['respondents']) or 'none'}",
        f"Not answered: {', '.join(summary['not_answered']) or 'none'}",
        "",
        "| question | governments | aggregate |",
        "|---|---|---|",
    ]
    for q in summary["questions"]:
        lines.append(f"| {q['id']} | {len(q['answers'])} | {headline(q)} |")
    return "\n".join(lines) + "\n"


@questionnaire_app.command("summary")
def summary(
    ctx: typer.Context,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table, json or md.")] = (
        SummaryFormat.TABLE
    ),
) -> None:
    """Per question, the aggregate across governments (each signatory counted once)."""
    with Store.open(get_context(ctx).db_url) as store:
        filed, current = load_answers(store)
    result = summarise(current, filed, addressees(_registry().states))
    if fmt is SummaryFormat.JSON:
        emit_json(result)
        return
    if fmt is SummaryFormat.MD:
        typer.echo(_markdown(result), nl=False)
        return
    console = Console()
    console.print(
        f"respondents: {', '.join(result['respondents']) or 'none'}\n"
        f"not answered: {', '.join(result['not_answered']) or 'none'}\n"
        f"{result['responses']} response(s) stored, superseded: {result['superseded'] or 'none'}",
        highlight=False,
    )
    rows = [
        {"question": q["id"], "governments": len(q["answers"]), "aggregate": headline(q)}
        for q in result["questions"]
    ]
    emit_rows(rows, RowFormat.TABLE, title="the six questions", console=console)


def register(app: typer.Typer) -> None:
    """Add ``questionnaire``."""
    app.add_typer(questionnaire_app, name="questionnaire")
