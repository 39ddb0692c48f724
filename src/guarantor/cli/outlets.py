"""`guarantor outlets`: list outlet reliability grades; `outlets set KEY GRADE` to edit one."""

from __future__ import annotations

from typing import Annotated

import typer

from guarantor.cli.context import get_context
from guarantor.cli.options import WideOption
from guarantor.cli.render import Format, emit_rows
from guarantor.store import Store

__all__ = ["register"]

COLUMNS = ["key", "name", "reliability", "note", "updated_at"]


def register(app: typer.Typer) -> None:
    """Add ``guarantor outlets`` and ``guarantor outlets set``."""
    outlets_app = typer.Typer(
        help="Outlet reliability grades A-F (bundled defaults; your edits are kept).",
        no_args_is_help=False,
    )

    @outlets_app.callback(invoke_without_command=True)
    def outlets(
        ctx: typer.Context,
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
        wide: WideOption = False,
    ) -> None:
        """List outlets and their grades."""
        if ctx.invoked_subcommand is not None:
            return
        with Store.open(get_context(ctx).settings.db_url) as store:
            rows = [o.model_dump() for o in store.outlets()]
        emit_rows(rows, fmt, columns=COLUMNS, title="outlets", wide=wide)

    @outlets_app.command("set")
    def set_grade(
        ctx: typer.Context,
        key: Annotated[str, typer.Argument(help="Outlet name, domain or key.")],
        grade: Annotated[str, typer.Argument(help="Reliability A (reliable) to F (cannot judge).")],
        note: Annotated[
            str | None, typer.Option(help="Why this grade.", show_default=False)
        ] = None,
        name: Annotated[str | None, typer.Option(help="Display name.", show_default=False)] = None,
    ) -> None:
        """Set an outlet's reliability grade (adds the outlet when it is new)."""
        with Store.open(get_context(ctx).settings.db_url) as store:
            outlet = store.set_outlet(key, name=name, reliability=grade, note=note)
        typer.echo(f"{outlet.key}: {outlet.reliability} ({outlet.name})")

    app.add_typer(outlets_app, name="outlets")
