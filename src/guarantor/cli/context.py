"""What every command receives: settings and a way to open the store."""

from __future__ import annotations

from dataclasses import dataclass

import typer

from guarantor.settings import Settings

__all__ = ["CliContext", "get_context"]


@dataclass
class CliContext:
    settings: Settings
    debug: bool = False

    @property
    def db_url(self) -> str:
        return self.settings.db_url


def get_context(ctx: typer.Context) -> CliContext:
    obj = ctx.find_root().obj
    if not isinstance(obj, CliContext):  # pragma: no cover - set by the callback
        raise RuntimeError("guarantor CLI context missing")
    return obj
