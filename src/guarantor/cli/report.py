"""`guarantor report`: the analyst's report, one self-contained HTML file or Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from guarantor.cli.context import get_context
from guarantor.cli.options import MIN_TRIALS
from guarantor.cli.scenario import ScenarioOption, effective_scenario
from guarantor.domain.scenario import MAX_TRIALS
from guarantor.errors import UsageError
from guarantor.reports.gather import gather_report
from guarantor.reports.output import render, report_kind

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add ``report``."""

    @app.command("report")
    def report(
        ctx: typer.Context,
        scenario: ScenarioOption = None,
        out: Annotated[
            Path,
            typer.Option(
                "--out", "-o", help="Where to write it; .html (default) or .md chooses the format."
            ),
        ] = Path("report.html"),
        trials: Annotated[
            int | None,
            typer.Option(
                "--trials", "-n", min=MIN_TRIALS, max=MAX_TRIALS, help="Monte Carlo trials."
            ),
        ] = None,
        seed: Annotated[int | None, typer.Option("--seed", min=0, help="Random seed.")] = None,
        top: Annotated[
            int | None, typer.Option("--top", min=1, help="Rows of the long tables (default: all).")
        ] = None,
    ) -> None:
        """Write the report: the four answers, the position board, who sends troops, the response to an attack, who pays, the questionnaire, the track record, the sources and the assumptions; every number footnoted to its evidence or assumption."""  # noqa: E501
        kind = report_kind(out)
        if not out.parent.is_dir():
            raise UsageError("the folder to write the report in does not exist", path=out)
        context = get_context(ctx)
        effective = effective_scenario(scenario, trials, seed)
        err = Console(stderr=True)
        with err.status(f"running the models for scenario '{effective.name}'"):
            built = gather_report(context.settings, effective, top=top)
        with err.status(f"rendering {kind}"):
            text = render(built, kind)
        out.write_text(text, encoding="utf-8")
        typer.echo(
            f"wrote {out} ({len(text.encode('utf-8')) / 1024:,.0f} KB): "
            f"{len(built.figures())} figures, {len(built.notes)} notes"
        )
