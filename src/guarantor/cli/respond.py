"""`guarantor respond`: how would they react if attacked? A simulation of the response."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.cli.beliefs import FormatOption
from guarantor.cli.context import get_context
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.errors import UsageError
from guarantor.registry import Registry
from guarantor.reports.assessment import Assessment
from guarantor.response import (
    ResponseReport,
    Timing,
    compare_designs,
    pick_attack,
    pick_design,
    simulate_response,
)

__all__ = [
    "brief_reaction",
    "comparison_rows",
    "print_comparison",
    "print_reaction",
    "print_report",
    "register",
]


def _hours(value: float | None) -> str:
    if value is None:
        return "never"
    return f"{value:,.0f} h" if value < 72 else f"{value / 24:,.1f} d"


def _timing_row(what: str, timing: Timing) -> dict[str, Any]:
    return {
        "first": what,
        "median": _hours(timing.p50),
        "90%": _hours(timing.p90),
        "P(never)": f"{timing.p_never:.1%}",
    }


def print_report(report: ResponseReport, top: int, console: Console | None = None) -> None:
    """The timings, how many act within 24 h / 7 d / 30 d, and the guarantors."""
    console = console or Console()
    attack = report.attack
    console.print(
        f"attack {attack['name']} ({attack['kind']} on {attack['target']}), design "
        f"{report.design}: {report.help}\n"
        f"{report.guarantors} guarantors; {report.replications:,} replications, seed "
        f"{report.seed}; P(NATO Article 4 meeting) {report.p_article4:.0%}, "
        f"P(Article 5 invoked) {report.p_article5:.0%}; rule {report.rule}",
        highlight=False,
    )
    emit_rows(
        [
            _timing_row("consultation", report.first_consultation_h),
            _timing_row("military response", report.first_military_response_h),
            _timing_row("sanctions", report.first_sanctions_h),
        ],
        Format.TABLE,
        title="hours after the attack (over all replications)",
        console=console,
    )
    console.print(
        "guarantors acting (sanctions, aid or force), expected number: "
        + ", ".join(f"within {k} {v:.1f}" for k, v in report.acting_within.items()),
        highlight=False,
    )
    emit_rows(
        [a.model_dump() | {"duties": len(a.duties)} for a in report.actors[:top]],
        Format.TABLE,
        columns=[
            "actor",
            "p_military_response",
            "median_response_h",
            "p_any_response",
            "own_troops_hit",
            "duties",
        ],
        title="guarantors, most likely to respond militarily first",
        console=console,
    )


def comparison_rows(reports: Sequence[ResponseReport]) -> list[dict[str, Any]]:
    return [
        {
            "design": r.design,
            "consult": _hours(r.first_consultation_h.p50),
            "mil. p50": _hours(r.first_military_response_h.p50),
            "mil. p90": _hours(r.first_military_response_h.p90),
            "P(no mil.)": f"{r.first_military_response_h.p_never:.1%}",
            "sanctions": _hours(r.first_sanctions_h.p50),
            **{f"act {k}": f"{v:.1f}" for k, v in r.acting_within.items()},
            "P(Art.5)": f"{r.p_article5:.0%}",
        }
        for r in reports
    ]


def print_comparison(reports: Sequence[ResponseReport], console: Console | None = None) -> None:
    """One row per design; the design's name never wraps."""
    console = console or Console()
    first = reports[0]
    rows = comparison_rows(reports)
    table = Table(
        title=f"attack {first.attack['name']}: designs on the same draws "
        f"({first.replications:,} replications, seed {first.seed}; times are medians)"
    )
    for column in rows[0]:
        table.add_column(column, no_wrap=column == "design", overflow="fold")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    console.print(table)


def brief_reaction(
    registry: Registry, evidence: Sequence[Evidence], scenario: Scenario
) -> list[ResponseReport]:
    """Every design against the scenario's first attack, at the brief replication count."""
    return compare_designs(
        registry, evidence, scenario, replications=scenario.response.brief_replications
    )


def print_reaction(console: Console, report: Assessment, top: int) -> None:
    """Section 3 of `assess`: the simulated response, the designs in brief, the duties."""
    console.rule("3. How would they react if attacked?")
    if report.reaction:
        lead = report.reaction[0]
        console.print(
            "Simulated (`guarantor respond` for more): first consultation after "
            f"{_hours(lead.first_consultation_h.p50)}, first military response after "
            f"{_hours(lead.first_military_response_h.p50)} (none within 90 days in "
            f"{lead.first_military_response_h.p_never:.1%} of replications), first sanctions "
            f"after {_hours(lead.first_sanctions_h.p50)} (medians); guarantors acting within "
            + ", ".join(f"{k}: {v:.1f}" for k, v in lead.acting_within.items())
            + ".",
            highlight=False,
        )
        print_comparison(report.reaction, console)
    emit_rows(
        [
            {
                "actor": r.actor,
                "owes Ukraine": r.owes_ukraine or "-",
                "consult within": f"{r.consult_within_h} h" if r.consult_within_h else "-",
                "assist within": f"{r.assist_within_h} h" if r.assist_within_h else "no deadline",
                "binding": "yes" if r.legally_binding else "political",
                "NATO Art. 5": "allies only" if r.nato_article5 else "",
                "instruments": len(r.instruments),
            }
            for r in report.response[:top]
        ],
        Format.TABLE,
        title=f"obligations in force on {report.as_of}, provision by provision (Article 5 "
        "covers Ukraine only if it joins NATO)",
        console=console,
    )


def register(app: typer.Typer) -> None:
    """Add ``respond``."""

    @app.command("respond")
    def respond(
        ctx: typer.Context,
        scenario: ScenarioOption = None,
        replications: Annotated[
            int | None,
            typer.Option("--replications", "-n", min=1, help="Replications (default: scenario)."),
        ] = None,
        seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = None,
        attack: Annotated[
            str | None,
            typer.Option("--attack", "-a", help="An attack of the scenario (default: its first)."),
        ] = None,
        design: Annotated[
            str | None,
            typer.Option("--design", "-d", help="An instrument design (default: the first)."),
        ] = None,
        compare: Annotated[
            bool, typer.Option("--compare", help="Run every design on the same draws.")
        ] = False,
        top: Annotated[int, typer.Option("--top", min=1, help="Guarantors in the table.")] = 15,
        fmt: FormatOption = Format.TABLE,
    ) -> None:
        """How would they react if attacked? When the first consultation, military response and sanctions come, and how many guarantors act within 24 h / 7 d / 30 d."""  # noqa: E501
        if fmt not in (Format.TABLE, Format.JSON):
            raise UsageError(f"--format must be table or json, got {fmt.value!r}")
        if compare and design is not None:
            raise UsageError("--compare runs every design; leave out --design")
        effective = load_scenario(scenario)
        chosen = pick_attack(effective, attack)
        registry, evidence = load_world(get_context(ctx).settings.db)
        if compare:
            reports = compare_designs(
                registry, evidence, effective, attack=chosen, replications=replications, seed=seed
            )
            if fmt is Format.JSON:
                emit_json([r.as_json() for r in reports])
            else:
                print_comparison(reports)
            return
        report = simulate_response(
            registry,
            evidence,
            effective,
            attack=chosen,
            design=pick_design(effective, design),
            replications=replications,
            seed=seed,
        )
        if fmt is Format.JSON:
            emit_json(report.as_json())
        else:
            print_report(report, top)
