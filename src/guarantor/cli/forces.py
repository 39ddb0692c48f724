"""`guarantor forces`: who would send troops, and is it enough, under a scenario."""

from __future__ import annotations

import math
from typing import Annotated

import typer
from rich.console import Console

from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.cli.beliefs import FormatOption
from guarantor.cli.context import get_context
from guarantor.cli.options import MIN_TRIALS, WideOption
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.scenario import MAX_TRIALS
from guarantor.forces import ForceReport, run_forces

__all__ = ["mc_error", "register"]


def mc_error(report: ForceReport) -> float:
    """Standard error of P(met) from the number of trials: sqrt(p(1 - p) / n)."""
    p = report.p_requirement_met
    return math.sqrt(p * (1 - p) / report.trials)


def _print_table(report: ForceReport, top: int, wide: bool) -> None:
    console = Console()
    force = report.sustained_force
    console.print(
        f"scenario {report.scenario}: requirement {report.requirement:,} troops kept deployed; "
        f"P(met) = {report.p_requirement_met:.3f} ± {mc_error(report):.3f} (Monte Carlo s.e.)\n"
        f"sustained force: mean {force.mean:,.0f}, 5% {force.p5:,}, median {force.p50:,}, "
        f"95% {force.p95:,}\n"
        f"{report.trials:,} trials, seed {report.seed}, correlation {report.correlation}, "
        f"rotation {report.rotation_ratio:g}:1, usability {report.usability:g}; "
        f"rules {report.rules['beliefs']}, {report.rules['forces']}\n"
        f"expected force from pledges {report.from_pledges:.0%}, from estimates "
        f"{report.from_estimates:.0%}; {report.hinges_on}",
        highlight=False,
    )
    actors = [a.model_dump() for a in report.actors if a.p_participate > 0][:top]
    emit_rows(
        actors,
        Format.TABLE,
        columns=[
            "actor",
            "name",
            "p_participate",
            "troops_if_participating",
            "expected_troops",
            "criticality",
            "basis",
        ],
        title="contributors (criticality: fall in P(met) without the state)",
        console=console,
        wide=wide,
    )
    if report.sensitivity:
        emit_rows(
            [r.model_dump() for r in report.sensitivity],
            Format.TABLE,
            title="sensitivity of P(met) (same seed)",
            console=console,
            wide=wide,
        )


def register(app: typer.Typer) -> None:
    """Add ``forces``."""

    @app.command("forces")
    def forces(
        ctx: typer.Context,
        scenario: ScenarioOption = None,
        trials: Annotated[
            int | None,
            typer.Option(
                "--trials",
                "-n",
                min=MIN_TRIALS,
                max=MAX_TRIALS,
                help="Monte Carlo trials (1,000 to 10M).",
            ),
        ] = None,
        seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = None,
        sensitivity: Annotated[
            bool, typer.Option("--sensitivity/--no-sensitivity", help="Add the tornado table.")
        ] = True,
        top: Annotated[int, typer.Option("--top", min=1, help="Rows in the table.")] = 20,
        fmt: FormatOption = Format.TABLE,
        wide: WideOption = False,
    ) -> None:
        """Distribution of the force that can be kept in Ukraine and P(requirement met)."""
        effective = load_scenario(scenario)
        changes = {k: v for k, v in {"trials": trials, "seed": seed}.items() if v is not None}
        effective = effective.model_copy(update=changes)
        registry, evidence = load_world(get_context(ctx).settings.db)
        report = run_forces(registry, evidence, effective, sensitivity=sensitivity)
        if fmt is Format.JSON:
            emit_json(report.as_json())
        elif fmt is Format.TABLE:
            _print_table(report, top, wide)
        else:
            emit_rows((a.model_dump() for a in report.actors), fmt)
