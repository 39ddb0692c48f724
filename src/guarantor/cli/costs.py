"""`guarantor costs`: what the guarantee costs and who would pay it, under a named key."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from guarantor.beliefs import load_scenario
from guarantor.beliefs.world import load_world
from guarantor.cli.context import get_context
from guarantor.cli.options import WideOption
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.cli.scenario import ScenarioOption
from guarantor.costs import KEYS, CostReport, resolve_key, run_costs
from guarantor.errors import UsageError
from guarantor.forces import run_forces

__all__ = ["register"]

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table, json or csv (one row per payer).")
]

_ACTOR_COLUMNS = [
    "actor",
    "name",
    "amount",
    "amount_per_year",
    "share",
    "share_of_gdp",
    "share_of_defence_budget",
]


def _bn(value: float) -> str:
    return f"{value / 1e9:,.2f}bn"


def _print_table(report: CostReport, top: int, wide: bool) -> None:
    console = Console()
    r, cost = report, report.cost_per_soldier_year
    console.print(
        f"scenario {r.scenario}: key {r.key} ({r.key_help}); {r.currency} of {r.price_year}\n"
        f"total over {r.years} years: {_bn(r.total)} ({_bn(r.total_per_year)} a year); "
        f"force p5-p95: {_bn(r.range['p5'])} - {_bn(r.range['p95'])}; cost per soldier-year "
        f"{cost['basis']} {cost['value']:,.0f} (range {cost['low']:,.0f}-{cost['high']:,.0f}): "
        f"{_bn(r.per_soldier_range['low'])} - {_bn(r.per_soldier_range['high'])}\n"
        f"troops paid for: p5 {r.force['deployed_p5']:,.0f}, p50 {r.force['deployed_p50']:,.0f},"
        f" p95 {r.force['deployed_p95']:,.0f} (requirement {r.force['requirement']:,.0f}); "
        f"rules {', '.join(r.rules.values())}",
        highlight=False,
    )
    lines = [i.model_dump() | {"sign": "+"} for i in r.items]
    lines += [i.model_dump() | {"sign": "-"} for i in r.offsets]
    emit_rows(
        [
            {**line, "per_year": _bn(line["per_year"]), "total": _bn(line["total"])}
            for line in lines
        ],
        Format.TABLE,
        columns=["sign", "item", "per_year", "total", "paid_to", "basis"],
        title="the bill (+ items, - offsets from outside the key)",
        console=console,
        wide=wide,
    )
    rows = [
        {
            "actor": a.actor,
            "name": a.name,
            "amount": _bn(a.amount),
            "amount_per_year": _bn(a.amount_per_year),
            "share": f"{a.share:.2%}",
            "share_of_gdp": f"{a.share_of_gdp:.3%}" if a.share_of_gdp is not None else "",
            "share_of_defence_budget": f"{a.share_of_defence_budget:.1%}"
            if a.share_of_defence_budget is not None
            else "",
        }
        for a in r.actors[:top]
    ]
    emit_rows(
        rows, Format.TABLE, columns=_ACTOR_COLUMNS, title="who pays", console=console, wide=wide
    )
    shifts = r.caps["shifts"]
    if shifts:
        emit_rows(
            [{**s, **{k: _bn(s[k]) for k in ("uncapped", "amount", "shifted")}} for s in shifts],
            Format.TABLE,
            title=f"what the caps shifted (binding: {', '.join(r.caps['binding'])})",
            console=console,
            wide=wide,
        )


def register(app: typer.Typer) -> None:
    """Add ``costs``."""

    @app.command("costs")
    def costs(
        ctx: typer.Context,
        scenario: ScenarioOption = None,
        key: Annotated[
            str | None,
            typer.Option(
                "--key",
                "-k",
                help=f"Sharing key: {', '.join(KEYS)} (or the part after 'costs.'), or a key "
                "file (.yaml/.csv). Default: the scenario's costs.key.",
                show_default=False,
            ),
        ] = None,
        years: Annotated[
            int | None, typer.Option("--years", min=1, max=100, help="Horizon in years.")
        ] = None,
        trials: Annotated[
            int | None, typer.Option("--trials", "-n", min=1, help="Monte Carlo trials.")
        ] = None,
        seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = None,
        top: Annotated[int, typer.Option("--top", min=1, help="Rows in the table.")] = 20,
        fmt: FormatOption = Format.TABLE,
        wide: WideOption = False,
    ) -> None:
        """Cost of the guarantee (force, US support, military aid, less offsets) and each
        state's share: amount, share of the total, of its GDP and of its defence budget."""
        if fmt not in (Format.TABLE, Format.JSON, Format.CSV):
            raise UsageError(f"--format must be table, json or csv, got {fmt.value!r}")
        effective = load_scenario(scenario)
        changes = {k: v for k, v in {"trials": trials, "seed": seed}.items() if v is not None}
        effective = effective.model_copy(update=changes)
        registry, evidence = load_world(get_context(ctx).settings.db)
        chosen = resolve_key(key, registry) if key is not None else None
        forces = run_forces(registry, evidence, effective, sensitivity=False)
        report = run_costs(registry, forces, effective, key=chosen, years=years)
        if fmt is Format.JSON:
            emit_json(report.as_json())
        elif fmt is Format.CSV:
            emit_rows([a.model_dump() for a in report.actors], fmt, columns=_ACTOR_COLUMNS)
        else:
            _print_table(report, top, wide)
