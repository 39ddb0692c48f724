"""The ``guarantor`` command: global options, command registration, error mapping.

Exit codes: 0 done; 1 some inputs failed (the rest were stored) or a named
thing was not found; 2 usage or configuration error. ``GuarantorError``
subclasses carry their exit code; this module is the one place that turns
them into a message and an exit status.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from guarantor import __version__
from guarantor.cli import (
    actors,
    assess,
    backtest,
    beliefs,
    corpus,
    costs,
    documents,
    evaluate,
    extract,
    forces,
    ingest,
    outlets,
    positions,
    questionnaire,
    registry,
    report,
    respond,
    runs,
    scenario,
    serve,
    train,
)
from guarantor.cli.context import CliContext
from guarantor.errors import GuarantorError
from guarantor.settings import load_settings
from guarantor.store.engine import check_db_folder

__all__ = ["app", "main"]

app = typer.Typer(
    name="guarantor",
    help="An auditable model of security guarantees for Ukraine: who would send troops, "
    "on what conditions, how partners would react to an attack, and who would pay.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guarantor {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="GUARANTOR_DB",
            help="Database URL (default: SQLite file in ~/.local/share/guarantor/).",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show the traceback behind each failed input."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    if db:
        check_db_folder(db)  # a named store in a missing folder is an error, not a new store
    ctx.obj = CliContext(settings=load_settings(db=db), debug=debug)


for _module in (
    ingest,
    runs,
    documents,
    outlets,
    actors,
    extract,
    positions,
    evaluate,
    corpus,
    registry,
    scenario,
    beliefs,
    backtest,
    forces,
    costs,
    respond,
    assess,
    report,
    questionnaire,
    serve,
    train,
):
    _module.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map errors to exit codes in one place.

    Click's own usage errors already exit with 2 in standalone mode; our
    ``GuarantorError`` tree propagates out of it and is rendered here.
    """
    try:
        app(args=argv)
    except GuarantorError as exc:
        _err.print(f"[bold red]error:[/] {escape(exc.render())}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
