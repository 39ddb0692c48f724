"""`guarantor runs`: list ingest runs; `guarantor runs show ID`: one run and its failures."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from guarantor.cli.context import get_context
from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.store import Store

__all__ = ["register"]

COLUMNS = [
    "id",
    "status",
    "started_at",
    "finished_at",
    "stored",
    "duplicates",
    "failed",
    "by",
    "extractor",
]
FAILURE_COLUMNS = ["source", "line", "message"]


def _row(run: dict[str, Any]) -> dict[str, Any]:
    host, pid = run.get("host"), run.get("pid")
    by = f"{host or '?'} pid {pid}" if pid is not None else (host or "")
    return {**{k: run.get(k) for k in COLUMNS if k != "by"}, "by": by}


def register(app: typer.Typer) -> None:
    """Add ``guarantor runs`` and ``guarantor runs show``."""
    runs_app = typer.Typer(help="Ingest runs: when, what they stored, what failed.")

    @runs_app.callback(invoke_without_command=True)
    def runs(
        ctx: typer.Context,
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
    ) -> None:
        """List ingest runs (a run that never finished shows what it committed)."""
        if ctx.invoked_subcommand is not None:
            return
        with Store.open(get_context(ctx).settings.db_url) as store:
            rows = [_row(r) for r in store.runs()]
        emit_rows(rows, fmt, columns=COLUMNS, title="ingest runs")

    @runs_app.command("show")
    def show(
        ctx: typer.Context,
        run_id: Annotated[int, typer.Argument(help="The run's id (see `guarantor runs`).")],
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
    ) -> None:
        """One run and the inputs that failed in it, each with its reason."""
        with Store.open(get_context(ctx).settings.db_url) as store:
            run = store.run(run_id)
        failures = [{k: f.get(k) for k in FAILURE_COLUMNS} for f in run["failures"]]
        if fmt is Format.JSON:
            emit_json({**_row(run), "failures": failures})
            return
        emit_rows([_row(run)], fmt, columns=COLUMNS, title=f"ingest run {run_id}")
        emit_rows(failures, fmt, columns=FAILURE_COLUMNS, title="failures")

    app.add_typer(runs_app, name="runs")
