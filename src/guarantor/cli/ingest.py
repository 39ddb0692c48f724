"""`guarantor ingest PATH...`: read articles into the store, extracting positions on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from traceback import format_exception
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from guarantor.cli.context import get_context
from guarantor.cli.options import ExtractorOption, SchedulerOption, WorkersOption, open_cluster
from guarantor.errors import IngestError
from guarantor.ingest import total_bytes
from guarantor.runs import IngestSummary, ingest_paths, store_extractor
from guarantor.scale.spec import ClusterSpec
from guarantor.settings import Settings
from guarantor.store import Store

__all__ = ["register"]

PROGRESS_MIN_BYTES = 1_000_000


@contextmanager
def _progress(paths: Sequence[str], console: Console) -> Iterator[Callable[[int], None]]:
    """A byte-based progress bar on stderr for long batches; silent for small ones."""
    total = total_bytes(paths)
    show = console.is_terminal and (total is None or total >= PROGRESS_MIN_BYTES)
    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show,
    ) as progress:
        task = progress.add_task("ingest", total=total)
        yield lambda n: progress.advance(task, n)


def _summary_line(summary: IngestSummary) -> str:
    return (
        f"stored {summary.stored}, duplicates {summary.duplicates}, failed {summary.failed} "
        f"(run {summary.run_id})"
    )


def register(app: typer.Typer) -> None:
    """Add ``guarantor ingest``."""

    @app.command("ingest")
    def ingest(
        ctx: typer.Context,
        paths: Annotated[
            list[str],
            typer.Argument(
                help="Files (.txt .md .html .htm .jsonl), folders (read recursively) "
                "or - for standard input.",
                show_default=False,
            ),
        ],
        extract: Annotated[
            bool,
            typer.Option(
                "--extract/--no-extract",
                help="Extract positions from each document as it is stored.",
            ),
        ] = True,
        extractor_name: ExtractorOption = None,
        workers: WorkersOption = None,
        scheduler: SchedulerOption = None,
    ) -> None:
        """Store articles (one transaction each; the same text twice is stored once).

        Bad inputs are reported one line each and the batch goes on; the exit
        code is 1 when some inputs failed, 0 otherwise. With --workers or
        --scheduler, extraction runs on a Dask cluster and this process stores
        the results, in the same transactions and with the same positions.
        """
        context = get_context(ctx)
        settings = context.settings
        if extractor_name:
            settings = settings.model_copy(update={"extractor": extractor_name})
        cluster = ClusterSpec(workers, scheduler, settings.scheduler_timeout)
        err = Console(stderr=True)

        def report(error: IngestError) -> None:
            err.print(f"[red]failed:[/] {error.render()}", highlight=False, soft_wrap=True)
            if context.debug and error.__cause__ is not None:
                cause = error.__cause__
                err.print("".join(format_exception(cause)), highlight=False, markup=False)

        with Store.open(
            settings.db_url, near_duplicate_threshold=settings.near_duplicate_threshold
        ) as store:
            if cluster.distributed:
                summary = _on_cluster(paths, store, cluster, settings, extract, report, err)
            else:
                summary = _serial(paths, store, settings, extract, report, err)
        err.print(_summary_line(summary), highlight=False)
        raise typer.Exit(summary.exit_code)


Report = Callable[[IngestError], None]


def _serial(
    paths: list[str], store: Store, settings: Settings, extract: bool, report: Report, err: Console
) -> IngestSummary:
    extractor, name = (
        store_extractor(store, settings.extractor, settings.stance_threshold)
        if extract
        else (None, None)
    )
    with _progress(paths, err) as advance:
        return ingest_paths(
            paths,
            store,
            settings=settings,
            extractor=extractor,
            extractor_name=name,
            on_bytes=advance,
            on_failure=report,
        )


def _on_cluster(
    paths: list[str],
    store: Store,
    cluster: ClusterSpec,
    settings: Settings,
    extract: bool,
    report: Report,
    err: Console,
) -> IngestSummary:
    from guarantor.scale.ingest import ingest_on_cluster

    with open_cluster(cluster) as client, _progress(paths, err) as advance:
        err.print(f"extracting on {cluster.describe()}", highlight=False)
        return ingest_on_cluster(
            paths,
            store,
            client,
            settings=settings,
            extract=extract,
            on_bytes=advance,
            on_failure=report,
        )
