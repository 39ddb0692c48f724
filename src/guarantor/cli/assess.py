"""`guarantor assess`: the main job — the four questions on the bundled data and the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from guarantor.beliefs.world import load_world
from guarantor.cli.beliefs import ReportFormatOption
from guarantor.cli.context import get_context
from guarantor.cli.forces import mc_error
from guarantor.cli.options import MIN_TRIALS, WideOption
from guarantor.cli.render import SHORT_OPTIONS, Format, ReportFormat, emit_json, emit_rows
from guarantor.cli.respond import brief_reaction, print_reaction
from guarantor.cli.scenario import ScenarioOption, effective_scenario
from guarantor.costs import answer_who_pays
from guarantor.forces.answer import answer_who_sends
from guarantor.reports.assessment import Assessment, build_assessment, store_summary

__all__ = ["register"]

_MORE = "--top N for more, --format json for all"


def _print_troops(console: Console, report: Assessment, top: int, wide: bool) -> None:
    answer = report.who_sends
    off, on = answer.without_backstop, answer.with_backstop
    console.rule("1. Who would send troops, and is it enough?")
    console.print(
        f"Requirement: {answer.requirement:,} troops kept deployed in Ukraine "
        f"(scenario '{report.scenario}', evidence up to {report.as_of}).\n"
        f"P(requirement met) without a US backstop: {off.p_requirement_met:.1%} "
        f"(± {mc_error(off):.1%} Monte Carlo s.e.) "
        f"(median sustained force {off.sustained_force.p50:,}); "
        f"with a US backstop: {on.p_requirement_met:.1%} "
        f"(median {on.sustained_force.p50:,}).\n"
        f"{off.trials:,} trials, seed {off.seed}; rules {', '.join(off.rules.values())}.\n"
        f"Expected force from pledges {off.from_pledges:.0%}, from estimates "
        f"{off.from_estimates:.0%}; {off.hinges_on}.",
        highlight=False,
    )
    rows = [a.model_dump() for a in off.actors if a.p_participate > 0]
    rows.sort(key=lambda r: -r["expected_troops"])
    emit_rows(
        rows[:top],
        Format.TABLE,
        total=len(rows),
        more=_MORE,
        columns=["actor", "name", "p_participate", "expected_troops", "criticality", "basis"],
        title="likely contributors without a US backstop ('guarantor explain ACTOR "
        "ground_troops' shows the evidence)",
        console=console,
        wide=wide,
    )


def _print_rest(console: Console, report: Assessment, top: int, wide: bool) -> None:
    console.rule("2. On what conditions?")
    emit_rows(
        [vars(r) | {"refs": ", ".join(r.refs[:3])} for r in report.conditions[:top]],
        Format.TABLE,
        total=len(report.conditions),
        more=_MORE,
        columns=["actor", "option", "condition", "sources", "refs"],
        title="conditions named for troop, air and naval contributions",
        console=console,
        wide=wide,
    )
    print_reaction(console, report, top)
    _print_who_pays(console, report, top, wide)


def _print_who_pays(console: Console, report: Assessment, top: int, wide: bool) -> None:
    """Question 4 from the cost model; the pledged money stays beside it."""
    console.rule("4. Who would pay?")
    answer = report.who_pays
    if answer is not None:
        r = answer.report
        us = ", ".join(
            f"{i.item.removeprefix('us_')} {i.per_year / 1e9:.2f}bn"
            for i in answer.us_backstop_items
        )
        console.print(
            f"Cost over {r.years} years: USD {r.total / 1e9:,.1f}bn of {r.price_year} "
            f"(force p5-p95 {r.range['p5'] / 1e9:,.1f}-{r.range['p95'] / 1e9:,.1f}bn; "
            f"cost per soldier-year low-high {r.per_soldier_range['low'] / 1e9:,.1f}-"
            f"{r.per_soldier_range['high'] / 1e9:,.1f}bn), key {r.key}.\n"
            f"US share: {r.us['share']:.1%}; under a US backstop the US is paid a year for: "
            f"{us or 'nothing priced'} ('guarantor costs' shows every item).",
            highlight=False,
        )
        emit_rows(
            [
                {
                    "actor": a.actor,
                    "name": a.name,
                    "usd_bn": round(a.amount / 1e9, 2),
                    "share": f"{a.share:.1%}",
                    "share_of_gdp": f"{a.share_of_gdp or 0:.3%}",
                }
                for a in r.top(min(top, 10))
            ],
            Format.TABLE,
            title=f"top payers under {r.key}",
            console=console,
            wide=wide,
        )
    emit_rows(
        [
            {"actor": r.actor, "pledges": r.pledges, "eur_m": round(r.eur_total / 1e6)}
            | {k: round(v / 1e6) for k, v in r.eur_by_status.items()}
            for r in report.payments[:top]
        ],
        Format.TABLE,
        total=len(report.payments),
        more=_MORE,
        title="money pledged (EUR million, by status; 'guarantor registry pledges' lists them)",
        console=console,
        wide=wide,
    )


def _print_evidence(console: Console, report: Assessment, top: int, wide: bool) -> None:
    console.rule("Evidence")
    store = report.store
    console.print(
        f"Store {store.db}: {store.documents} documents, {store.positions} positions; "
        f"evidence used: "
        + ", ".join(f"{n} from {kind}" for kind, n in sorted(report.evidence.items())),
        highlight=False,
    )
    if store.by_outlet_month:
        emit_rows(
            [r | {"outlet": r["outlet"] or "(not found)"} for r in store.by_outlet_month[:top]],
            Format.TABLE,
            total=len(store.by_outlet_month),
            more=_MORE,
            title="documents per outlet and month",
            console=console,
            wide=wide,
        )
    _print_board(console, report)


_SHORT = SHORT_OPTIONS
_STANCE = {"support": "yes", "oppose": "no", "conditional": "if", "uncertain": "?"}


def _print_board(console: Console, report: Assessment) -> None:
    """Actors x options; each cell: stance, independent sources, best grade (* contested)."""
    board = report.board
    table = Table(
        title="position board: stance with most independent sources "
        "(yes/no/if/?, sources, best grade; * support and opposition both reported)",
        show_lines=False,
    )
    table.add_column("actor")
    for option in board.options:
        table.add_column(_SHORT[option.value], overflow="fold")
    for actor in board.actors:
        row = [actor]
        for option in board.options:
            cell = board.cell(actor, option)
            if cell is None:
                row.append("")
                continue
            grade = cell.best_grade.code if cell.best_grade else "-"
            mark = "*" if cell.contested else ""
            row.append(f"{_STANCE[cell.stance.value]}{mark} {cell.sources} {grade}")
        table.add_row(*row)
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``assess``."""

    @app.command("assess")
    def assess(
        ctx: typer.Context,
        scenario: ScenarioOption = None,
        trials: Annotated[
            int | None,
            typer.Option("--trials", "-n", min=MIN_TRIALS, help="Monte Carlo trials."),
        ] = None,
        seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = None,
        top: Annotated[int, typer.Option("--top", min=1, help="Rows per table.")] = 15,
        fmt: ReportFormatOption = ReportFormat.TABLE,
        wide: WideOption = False,
    ) -> None:
        """Answer the four questions (who sends troops, on what conditions, how partners react if attacked, who pays) from the bundled registry and ledger plus the store."""  # noqa: E501
        context = get_context(ctx)
        effective = effective_scenario(scenario, trials, seed)
        err = Console(stderr=True)
        with err.status("reading the store and the registry"):
            store = store_summary(context.db_url)
            registry, evidence = load_world(context.settings.db)
        with err.status(
            f"force generation: {effective.trials:,} trials, with and without a US backstop"
        ):
            who = answer_who_sends(registry, evidence, effective)
        with err.status("response to an attack: every instrument design on the same draws"):
            reaction = brief_reaction(registry, evidence, effective)
        pays = answer_who_pays(registry, who, effective)
        report = build_assessment(
            registry, evidence, effective, store, who, reaction, who_pays=pays
        )
        if fmt is ReportFormat.JSON:
            emit_json(report.as_dict())
            return
        console = Console()
        _print_troops(console, report, top, wide)
        _print_rest(console, report, top, wide)
        _print_evidence(console, report, top, wide)
