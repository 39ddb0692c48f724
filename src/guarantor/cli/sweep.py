"""`guarantor sweep`: forces, response and costs over a grid of scenario changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.cli.context import get_context
from guarantor.cli.options import MIN_TRIALS, SchedulerOption, WorkersOption, open_cluster
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.domain.scenario import MAX_TRIALS
from guarantor.errors import UsageError
from guarantor.scale.grid import (
    Point,
    Sweep,
    World,
    parse_vary,
    points_of,
    result_json,
    run_serial,
)
from guarantor.scale.spec import ClusterSpec

__all__ = ["register"]


@contextmanager
def _progress(total: int, console: Console) -> Iterator[Callable[[], None]]:
    """Points done, on stderr, while the sweep runs (hidden when stderr is not a terminal)."""
    with Progress(
        TextColumn("sweeping"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("sweep", total=total)
        yield lambda: progress.advance(task, 1)


def _print_table(rows: list[dict[str, Any]], keys: list[str], title: str) -> None:
    """The varied values and the headline figures of each point, readable at a glance."""
    shown = [
        {
            "point": row["point"],
            **{key: row[key] for key in keys},
            "P(met)": f"{row['p_requirement_met']:.3f}",
            "force p50": f"{row['force_p50']:,}",
            "cost/yr": f"{row['cost_per_year'] / 1e9:,.1f}bn",
            "military p50 h": row["military_p50_h"],
            "acting 7d": row.get("acting_7d"),
        }
        for row in rows
    ]
    emit_rows(shown, Format.TABLE, title=title)


def _run(
    points: list[Point], world: World, replications: int, cluster: ClusterSpec, err: Console
) -> list[dict[str, Any]]:
    if not cluster.distributed:
        with _progress(len(points), err) as advance:
            return run_serial(points, world, replications, advance)
    from guarantor.scale.sweep import run_on_cluster

    with open_cluster(cluster) as client, _progress(len(points), err) as advance:
        return run_on_cluster(points, world, replications, client, advance)


def register(app: typer.Typer) -> None:
    """Add ``sweep``."""

    @app.command("sweep")
    def sweep(
        ctx: typer.Context,
        vary: Annotated[
            list[str],
            typer.Option(
                "--vary",
                help="KEY=START:STOP:STEP or KEY=A,B,C over a dotted scenario parameter "
                "(e.g. requirement=10000:100000:10000, conditions.us_backstop=true,false); "
                "repeat for a grid.",
                show_default=False,
            ),
        ],
        scenario: ScenarioOption = None,
        workers: WorkersOption = None,
        scheduler: SchedulerOption = None,
        seed: Annotated[
            int | None,
            typer.Option("--seed", min=0, help="Sweep seed (default: the scenario's)."),
        ] = None,
        trials: Annotated[
            int | None,
            typer.Option(
                "--trials", "-n", min=MIN_TRIALS, max=MAX_TRIALS, help="Monte Carlo trials a point."
            ),
        ] = None,
        replications: Annotated[
            int | None,
            typer.Option("--replications", min=1, help="Response replications a point."),
        ] = None,
        fmt: Annotated[
            Format, typer.Option("--format", "-f", help="table, json or csv (one row a point).")
        ] = Format.TABLE,
    ) -> None:
        """Forces, response and costs at every point of a grid of scenario changes; each point
        seeded from the sweep seed and its index, so any number of workers gives the same
        numbers. Runs here unless --workers or --scheduler is given."""
        if fmt not in (Format.TABLE, Format.JSON, Format.CSV):
            raise UsageError(f"--format must be table, json or csv, got {fmt.value!r}")
        settings = get_context(ctx).settings
        cluster = ClusterSpec(workers, scheduler, settings.scheduler_timeout)
        base = load_scenario(scenario)
        axes = dict(parse_vary(v) for v in vary)
        plan = Sweep(
            axes=axes,
            seed=base.seed if seed is None else seed,
            trials=trials or base.trials,
            replications=replications or base.response.replications,
        )
        points = points_of(base, plan)
        registry, evidence = load_world(settings.db)
        rows = _run(
            points,
            World(registry, list(evidence)),
            plan.replications,
            cluster,
            Console(stderr=True),
        )
        if fmt is Format.JSON:
            emit_json(result_json(base, plan, rows))
        elif fmt is Format.CSV:
            emit_rows(rows, fmt)
        else:
            title = (
                f"sweep of {base.name}: {len(rows)} points, seed {plan.seed}, {plan.trials:,} "
                f"trials and {plan.replications:,} replications a point (json, csv: all columns)"
            )
            _print_table(rows, list(axes), title)
