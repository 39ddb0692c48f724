"""`guarantor registry`: list, show, validate, import and export reference data.

User rows imported here live beside the store: ``$GUARANTOR_REGISTRY_DIR``
if set, else ``registry/`` in the folder of the SQLite database (``--db``, by
default ``$XDG_DATA_HOME/guarantor/registry/``), as ``<kind>.yaml``; they are
loaded on top of the bundled data, replacing rows with the same id.
``guarantor registry where`` prints the folder.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from guarantor.cli.context import get_context
from guarantor.cli.options import WideOption
from guarantor.cli.render import Format, emit_rows
from guarantor.errors import UsageError
from guarantor.registry import (
    KINDS,
    Registry,
    dump_rows,
    import_file,
    load_registry,
    user_registry_dir,
    validate_file,
)
from guarantor.registry.userdata import remove_row
from guarantor.registry.views import LISTS, TABLE_COLUMNS, TEXT_COLUMNS, WIDE_COLUMNS, records

__all__ = ["register"]

registry_app = typer.Typer(
    help="Reference data: states, commitments, planning factors, instruments, pledges, "
    "the bundled evidence ledger and exchange rates.",
    no_args_is_help=True,
)

_err = Console(stderr=True)

AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Only what was in force, pledged or said by this ISO date."),
]
Fmt = Annotated[Format, typer.Option("--format", "-f", help="table, json, jsonl or csv.")]
KindOpt = Annotated[
    str | None,
    typer.Option("--kind", help=f"Table of the file: one of {', '.join(KINDS)} (else its name)."),
]


def _user_dir(ctx: typer.Context) -> Path:
    """The user's registry folder for this store (see the module's docstring)."""
    return user_registry_dir(db_url=get_context(ctx).db_url)


def _load(ctx: typer.Context) -> Registry:
    """Bundled rows plus the user's, if any were imported."""
    user = _user_dir(ctx)
    return load_registry([user] if user.is_dir() else [])


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of expects an ISO date like 2025-03-01, got {value!r}") from None


def _list(ctx: typer.Context, kind: str, as_of: str | None, fmt: Format, wide: bool) -> None:
    day = _parse_day(as_of)
    registry = _load(ctx)
    if day is not None:
        registry = registry.as_of(day)
    rows = records(registry, kind)
    if fmt is not Format.TABLE:
        emit_rows(rows, fmt)
        return
    columns = (WIDE_COLUMNS if wide else TABLE_COLUMNS)[kind]
    every = list(dict.fromkeys(key for row in rows for key in row))
    emit_rows(
        rows,
        fmt,
        columns=columns,
        title=f"registry {kind}",
        wide=wide,
        text=TEXT_COLUMNS.get(kind, ()),
        omitted=[key for key in every if key not in columns],
    )


def _make_lister(kind: str) -> None:
    def lister(
        ctx: typer.Context, as_of: AsOf = None, fmt: Fmt = Format.TABLE, wide: WideOption = False
    ) -> None:
        _list(ctx, kind, as_of, fmt, wide)

    lister.__doc__ = (
        f"List {kind}: a table of the main columns, one line a row, text elided "
        "(--wide: more columns, text in full; every field with --format json or csv)."
    )
    registry_app.command(kind)(lister)


for _kind in LISTS:
    _make_lister(_kind)


@registry_app.command("show")
def show(
    ctx: typer.Context,
    row_id: Annotated[str, typer.Argument(help="ISO3 code, instrument, pledge or ledger id.")],
    fmt: Fmt = Format.JSON,
    wide: WideOption = False,
) -> None:
    """Show one row with every field and its source (a table: one line a field)."""
    kind, row = _load(ctx).find(row_id)
    record = {"table": kind, **row.model_dump(mode="json")}
    if fmt is Format.TABLE:  # one row reads better as a field/value list than as a wide row
        fields = [{"field": key, "value": value} for key, value in record.items()]
        emit_rows(fields, fmt, columns=["field", "value"], title=row_id, wide=wide, text=["value"])
        return
    emit_rows([record], fmt, wide=wide)


@registry_app.command("validate")
def validate(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV or YAML file.")],
    kind: KindOpt = None,
) -> None:
    """Check every row of FILE (schema, actors, currencies); print every problem with line
    and column. The table is told by --kind, a 'kind:' key, the file name or its columns.
    Writes nothing."""
    table, count, problems = validate_file(file, kind, _user_dir(ctx))
    for problem in problems:
        _err.print(
            f"[bold red]error:[/] {escape(problem.render())}", highlight=False, soft_wrap=True
        )
    if problems:
        raise typer.Exit(problems[0].exit_code)
    typer.echo(f"{file}: {count} valid {table} rows")


@registry_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV or YAML file of registry rows.")],
    kind: KindOpt = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the user's whole table of this kind, not merge."),
    ] = False,
) -> None:
    """Add FILE's rows to the user registry (beside the store), all or nothing."""
    result = import_file(file, _user_dir(ctx), kind, replace=replace)
    typer.echo(
        f"imported {result.added} new and {result.replaced} replaced {result.kind} rows "
        f"into {result.path}"
    )


@registry_app.command("remove")
def remove(
    ctx: typer.Context,
    row_id: Annotated[str, typer.Argument(help="Id of a row you imported.")],
) -> None:
    """Delete one imported row from the user registry (bundled rows stay)."""
    kind, path = remove_row(row_id, _user_dir(ctx))
    typer.echo(f"removed {kind} row {row_id} from {path}")


@registry_app.command("where")
def where(ctx: typer.Context) -> None:
    """Print the folder that holds your imported rows, and its files."""
    folder = _user_dir(ctx)
    files = sorted(p.name for p in folder.glob("*.yaml")) if folder.is_dir() else []
    typer.echo(f"{folder}" + (f": {', '.join(files)}" if files else " (no imported rows yet)"))


@registry_app.command("export")
def export(
    ctx: typer.Context,
    kinds: Annotated[
        list[str] | None, typer.Option("--kind", help="Table(s) to export; default all.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, yaml or json.")] = "yaml",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder to write one <kind>.<format> file per table."),
    ] = None,
) -> None:
    """Write registry rows (bundled and user) in a form `registry import` reads back.

    To stdout, several tables come as a YAML stream of {kind, rows} documents or a
    JSON list of them; with --output, one importable file per table.
    """
    chosen = kinds or list(KINDS)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise UsageError(f"unknown --kind {unknown[0]!r}; expected one of {', '.join(KINDS)}")
    if fmt not in ("csv", "yaml", "json"):
        raise UsageError(f"--format expects csv, yaml or json, got {fmt!r}")
    if fmt == "csv" and len(chosen) > 1 and output is None:
        raise UsageError("CSV holds one table: pass one --kind, or --output DIR")
    registry = _load(ctx)
    texts = {kind: dump_rows(registry.rows(kind), KINDS[kind], fmt) for kind in chosen}
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        for kind, text in texts.items():
            (output / f"{kind}.{fmt}").write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(texts)} files to {output}", err=True)
    elif fmt == "json" and len(chosen) > 1:
        sys.stdout.write("[\n" + ",\n".join(t.rstrip() for t in texts.values()) + "\n]\n")
    else:
        sys.stdout.write("---\n".join(texts.values()))


def register(app: typer.Typer) -> None:
    """Add `guarantor registry ...` to the app."""
    app.add_typer(registry_app, name="registry")
