"""`guarantor serve`: the dashboard and its JSON API on this machine (needs the `web` extra)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from guarantor.beliefs import load_scenario
from guarantor.cli.context import get_context
from guarantor.cli.scenario import ScenarioOption
from guarantor.errors import ConfigurationError, UsageError

__all__ = ["register"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    """Add ``serve``."""

    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: Annotated[
            str, typer.Option("--host", help="Address to bind; other than loopback exposes it.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
        token: Annotated[
            str | None,
            typer.Option(
                "--token",
                envvar="GUARANTOR_TOKEN",
                help="Allow writes (upload, questionnaire answer, scenario save) to requests "
                "carrying this token; without it the dashboard is read-only.",
                show_default=False,
            ),
        ] = None,
        scenario: ScenarioOption = None,
        scenarios: Annotated[
            Path | None,
            typer.Option(
                "--scenarios",
                help="Folder for saved scenarios (default: 'scenarios/' beside the store).",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Serve the dashboard: the four answers, the board, actors, scenarios, evidence, with a JSON twin of every page under /api."""  # noqa: E501
        try:
            import uvicorn

            from guarantor.web import Desk, create_app
        except ImportError as exc:  # the default install has no web stack
            raise ConfigurationError(
                f"guarantor serve needs the web extra: pip install 'guarantor[web]' ({exc.name})"
            ) from None
        if token is not None and len(token) < 8:
            raise UsageError("--token must be at least 8 characters")
        err = Console(stderr=True)
        if host not in LOOPBACK:
            err.print(f"[yellow]warning:[/] binding {host}: reachable beyond this machine")
        context = get_context(ctx)
        desk = Desk(context.settings, load_scenario(scenario), token, scenarios)
        mode = "writes need the token" if token else "read-only"
        err.print(f"guarantor dashboard on http://{host}:{port}/ ({mode})", highlight=False)
        try:
            uvicorn.run(
                create_app(desk),
                host=host,
                port=port,
                log_level=os.environ.get("GUARANTOR_LOG_LEVEL", "warning"),
            )
        finally:
            desk.close()
