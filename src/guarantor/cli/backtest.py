"""`guarantor backtest`: beliefs held at a past cut-off, scored against what states did next."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from guarantor.beliefs import load_scenario
from guarantor.beliefs.backtest import World, run_backtest
from guarantor.beliefs.outcomes import read_outcomes
from guarantor.beliefs.trackrecord import CUTOFFS, track_record
from guarantor.beliefs.world import load_world
from guarantor.cli.beliefs import FormatOption
from guarantor.cli.context import get_context
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.vocabulary import Option
from guarantor.errors import UsageError

__all__ = ["register"]


def _score_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"forecast": f"{result['rule']} (out-of-fold)", "n": result["n"]}]
    rows[0] |= {k: result[k] for k in ("auc", "brier", "log_loss")}
    for name, scores in [*result["baselines"].items(), *result["other_rules"].items()]:
        rows.append({"forecast": name, "n": result["n"], **scores})
    return rows


def _print(result: dict[str, Any]) -> None:
    console = Console()
    console.print(
        f"backtest of {result['option']} as of {result['as_of']}: {result['n']} states with "
        f"an outcome ({result['outcomes']}); {result['out_of_fold']}; "
        f"{result['undated_left_out']} undated piece(s) of evidence left out",
        highlight=False,
    )
    emit_rows(_score_rows(result), Format.TABLE, title="scores", console=console)
    emit_rows(result["actors"], Format.TABLE, title="each state's forecast", console=console)
    emit_rows(result["reliability"], Format.TABLE, title="reliability", console=console)


def _print_record(record: dict[str, Any]) -> None:
    console = Console()
    for result in record["backtests"]:
        title = f"{result['option']} as of {result['as_of']} (n = {result['n']})"
        emit_rows(_score_rows(result), Format.TABLE, title=title, console=console)
    fitted = record["fitted"]
    console.print(
        f"fitted (pooled over {', '.join(record['cutoffs'])}, {fitted['cases']} cases): "
        + ", ".join(f"{k} {v}" for k, v in fitted["parameters"].items())
        + f"\nground troops beat every baseline at every cut-off: "
        f"{record['ground_beats_every_baseline']}; beat v1 on AUC and Brier at every "
        f"cut-off: {record['ground_beats_v1']}",
        highlight=False,
    )


def _day(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise UsageError(f"--as-of must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def register(app: typer.Typer) -> None:
    """Add ``backtest``."""

    @app.command("backtest")
    def backtest(
        ctx: typer.Context,
        as_of: Annotated[
            str, typer.Option("--as-of", help="Cut-off: beliefs use evidence up to this day.")
        ] = CUTOFFS[1].isoformat(),
        option: Annotated[Option, typer.Option("--option", "-o", help="The option scored.")] = (
            Option.GROUND_TROOPS
        ),
        outcomes: Annotated[
            Path | None,
            typer.Option(
                "--outcomes",
                help="CSV of actor, option, outcome, date, source (default: "
                "each actor's latest stance after the cut-off).",
            ),
        ] = None,
        fit: Annotated[
            bool,
            typer.Option(
                "--fit", help="Refit v2 and print the whole track record (make fit saves it)."
            ),
        ] = False,
        scenario: ScenarioOption = None,
        fmt: FormatOption = Format.TABLE,
    ) -> None:
        """Score the beliefs held at a cut-off against what states did next, beside baselines."""
        if fmt not in (Format.TABLE, Format.JSON):
            raise UsageError(f"--format must be table or json, got {fmt.value!r}")
        registry, evidence = load_world(get_context(ctx).settings.db)
        told = read_outcomes(outcomes) if outcomes is not None else None
        world = World(registry, evidence, load_scenario(scenario), told)
        if fit:
            record = track_record(world)
            emit_json(record) if fmt is Format.JSON else _print_record(record)
            return
        result = run_backtest(world, _day(as_of), option).as_json()
        emit_json(result) if fmt is Format.JSON else _print(result)
