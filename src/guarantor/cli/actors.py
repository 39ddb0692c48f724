"""`guarantor actors [QUERY]`: list the actors, or say who a name stands for."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from guarantor.cli.render import Format, emit_rows
from guarantor.errors import NotFoundError, UsageError
from guarantor.registry.actors import ActorIndex, load_actors

__all__ = ["actor_rows", "register", "resolution_rows"]

_LIST_COLUMNS = ["code", "name", "kind", "aliases", "office_holders"]
_RESOLVE_COLUMNS = [
    "query",
    "actor",
    "name",
    "alias",
    "kind",
    "score",
    "fuzzy",
    "person",
    "office",
    "in_office",
    "ambiguous",
    "alternatives",
]


def actor_rows(index: ActorIndex) -> list[dict[str, Any]]:
    """One row per actor with its alias and office-holder counts."""
    holders: dict[str, int] = {}
    for holder in index.office_holders():
        holders[holder.actor] = holders.get(holder.actor, 0) + 1
    return [
        {
            "code": actor.code,
            "name": actor.name,
            "kind": actor.kind,
            "aliases": len(actor.aliases),
            "office_holders": holders.get(actor.code, 0),
        }
        for actor in index.all()
    ]


def resolution_rows(
    index: ActorIndex, query: str, *, on: date | None = None, fuzzy: bool = True
) -> list[dict[str, Any]]:
    """The resolution of ``query`` as one row; NotFoundError when nothing matches."""
    found = index.resolve(query, on=on, fuzzy=fuzzy)
    if found is None:
        how = "exactly or fuzzily" if fuzzy else "exactly"
        raise NotFoundError(
            f"{query!r} does not name any known actor {how}; "
            "expected a country, organisation, capital, office or office holder "
            "(try `guarantor actors` for the list)"
        )
    row = found.model_dump()
    row["name"] = index.get(found.actor).name
    return [row]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--on: expected a date as YYYY-MM-DD, got {value!r}") from None


def register(app: typer.Typer) -> None:
    """Add ``guarantor actors`` to the app."""

    @app.command("actors")
    def actors_command(
        query: Annotated[
            str | None,
            typer.Argument(help="A name to resolve, e.g. 'the Kremlin' or 'Mark Rubio'."),
        ] = None,
        on: Annotated[
            str | None,
            typer.Option("--on", help="Date (YYYY-MM-DD) to check whether a person was in office."),
        ] = None,
        exact: Annotated[
            bool, typer.Option("--exact", help="Only exact aliases; no fuzzy matching.")
        ] = False,
        fmt: Annotated[
            Format, typer.Option("--format", "-f", help="Output format.")
        ] = Format.TABLE,
    ) -> None:
        """List actors (code, name, kind, aliases), or resolve QUERY to an actor."""
        index = load_actors()
        if query is None:
            emit_rows(actor_rows(index), fmt, columns=_LIST_COLUMNS, title="Actors")
            return
        rows = resolution_rows(index, query, on=_parse_date(on), fuzzy=not exact)
        if fmt is Format.TABLE:
            # One resolution reads better as a field/value list than as a wide row.
            rows = [{"field": c, "value": rows[0][c]} for c in _RESOLVE_COLUMNS]
            emit_rows(rows, fmt, columns=["field", "value"], title=f"Resolution of {query!r}")
            return
        emit_rows(rows, fmt, columns=_RESOLVE_COLUMNS)
