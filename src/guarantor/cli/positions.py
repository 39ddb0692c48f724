"""`guarantor positions`: the stored positions, filtered by actor, option, stance and date."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from guarantor.cli.context import get_context
from guarantor.cli.extract import POSITION_KEYS
from guarantor.cli.options import SinceOption, UntilOption, WideOption, day
from guarantor.cli.render import Format, emit_rows
from guarantor.domain import Option, Stance
from guarantor.extract.record import corroborated
from guarantor.registry.actors import resolve_actor
from guarantor.store import Store, StoredPosition

__all__ = ["register"]

COLUMNS = [*POSITION_KEYS, "published", "outlet", "cluster_id", "independent_sources"]
TABLE_COLUMNS = ["published", "outlet", "actor", "option", "stance", "grade", "quote"]
WIDE_COLUMNS = ["published", "outlet", "actor", "option", "stance", "conditions", "grade", "quote"]


def _row(position: StoredPosition, sources: dict[tuple[str, str, str], int]) -> dict[str, Any]:
    """The position with its grade corrected for corroboration by independent sources."""
    independent = sources.get(position.triple, 1)
    data = position.model_dump(mode="json")
    row = {key: data.get(key) for key in POSITION_KEYS}
    row.update(
        grade=corroborated(position.grade, independent).code,
        published=position.published,
        outlet=position.outlet_key,
        cluster_id=position.cluster_id,
        independent_sources=independent,
    )
    return row


def register(app: typer.Typer) -> None:
    """Add ``guarantor positions``."""

    @app.command("positions")
    def positions(
        ctx: typer.Context,
        actor: Annotated[
            str | None,
            typer.Option(help="Actor code or name, e.g. POL, Poland or NATO.", show_default=False),
        ] = None,
        option: Annotated[
            Option | None, typer.Option(help="Guarantee option.", show_default=False)
        ] = None,
        stance: Annotated[Stance | None, typer.Option(help="Stance.", show_default=False)] = None,
        since: SinceOption = None,
        until: UntilOption = None,
        fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TABLE,
        wide: WideOption = False,
    ) -> None:
        """List stored positions with their quote, grade and source (streamed for jsonl/csv).

        The table shows one line per position with the quote elided to fit; --wide
        adds the conditions and wraps the full quote; every field is in --format
        json, jsonl or csv.

        The grade's credibility digit counts corroboration: one better per extra
        independent source (other near-duplicate cluster and other outlet) of the
        same actor, option and stance in the store."""
        settings = get_context(ctx).settings
        triple = {
            "actor": resolve_actor(actor) if actor else None,
            "option": option.value if option else None,
            "stance": stance.value if stance else None,
        }
        with Store.open(settings.db_url) as store:
            sources = store.corroboration(**triple)
            rows = (
                _row(p, sources)
                for p in store.positions(
                    **triple,
                    since=day(since),
                    until=day(until),
                )
            )
            narrow = WIDE_COLUMNS if wide else TABLE_COLUMNS
            columns = narrow if fmt is Format.TABLE else COLUMNS
            emit_rows(rows, fmt, columns=columns, title="positions", wide=wide)
