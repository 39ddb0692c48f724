"""`guarantor evaluate GOLD.yaml --corpus DIR`: score the extractor against a gold file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.errors import UsageError
from guarantor.extract import extract_document
from guarantor.extract.evaluate import Evaluation, evaluate_corpus
from guarantor.ingest import read_document

__all__ = ["register"]


def _table(result: Evaluation) -> None:
    console = Console()
    data = result.as_dict()
    console.print(
        f"documents {data['documents']}  precision {data['precision']:.3f}  "
        f"recall {data['recall']:.3f}  F1 {data['f1']:.3f}  "
        f"(tp {result.total.tp}, fp {result.total.fp}, fn {result.total.fn})"
    )
    cond, quotes = data["conditions"], data["quotes"]
    console.print(
        f"conditions correct {cond['correct']}/{cond['matched_conditional']}  "
        f"quotes overlapping {quotes['overlapping']}/{quotes['matched']}"
    )
    for key in ("per_option", "per_actor"):
        rows = [{key[4:]: k, **v} for k, v in data[key].items()]
        emit_rows(rows, Format.TABLE, title=key.replace("_", " "), console=console)
    for key in ("misses", "false_hits"):
        emit_rows(data[key], Format.TABLE, title=key.replace("_", " "), console=console)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold YAML file (see corpus/ANNOTATION.md).")],
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Folder with the documents the gold file names.")
    ],
    fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.TABLE,
) -> None:
    """Score extraction on (actor, option, stance) triples: precision, recall, F1, misses."""
    if fmt not in (Format.TABLE, Format.JSON):
        raise UsageError(f"--format must be table or json, got {fmt.value}")
    if not corpus.is_dir():
        raise UsageError(f"--corpus {corpus} is not a folder")
    result = evaluate_corpus(gold, corpus, read=read_document, extractor=extract_document)
    if fmt is Format.JSON:
        emit_json(result.as_dict())
    else:
        _table(result)


def register(app: typer.Typer) -> None:
    """Add ``evaluate`` to the app."""
    app.command("evaluate")(evaluate)
