"""`guarantor scenario init|show`: write a commented scenario to edit; print the effective one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from guarantor.beliefs.scenarios import default_scenario_text, load_scenario
from guarantor.cli.render import Format, emit_json, emit_rows, to_jsonable
from guarantor.domain.scenario import Scenario, parameter_rows
from guarantor.errors import UsageError

__all__ = ["ScenarioOption", "effective_scenario", "register"]

ScenarioOption = Annotated[
    Path | None,
    typer.Option(
        "--scenario",
        "-s",
        help="Scenario YAML; gives only the keys it changes (default: the bundled scenario).",
        show_default=False,
    ),
]


def effective_scenario(path: Path | None, trials: int | None, seed: int | None) -> Scenario:
    """The scenario file merged over the default, with --trials and --seed when given."""
    scenario = load_scenario(path)
    changes = {k: v for k, v in {"trials": trials, "seed": seed}.items() if v is not None}
    return scenario.model_copy(update=changes) if changes else scenario


scenario_app = typer.Typer(
    help="Scenarios: the assumptions a run is made under.", no_args_is_help=True
)


@scenario_app.command("init")
def init(
    path: Annotated[Path, typer.Argument(help="Where to write it ('-' for stdout).")] = Path(
        "scenario.yaml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented copy of the default scenario to edit."""
    text = default_scenario_text()
    if str(path) == "-":
        typer.echo(text, nl=False)
        return
    if path.exists() and not force:
        raise UsageError("file exists; pass --force to overwrite it", path=path)
    path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {path}: edit it, delete the keys you keep, pass it with --scenario")


def _value_at(data: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def effective_rows(scenario: Scenario) -> list[dict[str, Any]]:
    """One row per documented parameter: its value here, default, help and reference."""
    values = to_jsonable(scenario)
    return [
        {
            "name": row["name"],
            "value": _value_at(values, row["name"]),
            "default": to_jsonable(row["default"]),
            "help": row["help"],
            "reference": row["reference"],
        }
        for row in parameter_rows()
    ]


@scenario_app.command("show")
def show(
    scenario: ScenarioOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml, json or table.")] = "yaml",
) -> None:
    """Print the effective scenario (the file merged over the default)."""
    effective = load_scenario(scenario)
    if fmt == "yaml":
        typer.echo(yaml.safe_dump(to_jsonable(effective), sort_keys=False), nl=False)
    elif fmt == "json":
        emit_json({"scenario": effective, "parameters": effective_rows(effective)})
    elif fmt == "table":
        emit_rows(
            effective_rows(effective),
            Format.TABLE,
            columns=["name", "value", "default", "help", "reference"],
            title=f"scenario {effective.name}",
        )
    else:
        raise UsageError(f"--format must be yaml, json or table, got {fmt!r}")


def register(app: typer.Typer) -> None:
    """Add ``scenario init`` and ``scenario show``."""
    app.add_typer(scenario_app, name="scenario")
