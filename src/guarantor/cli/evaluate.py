"""`guarantor evaluate GOLD.yaml --corpus DIR`: score the extractor against a gold file."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from guarantor.cli.context import get_context
from guarantor.cli.options import ExtractorOption, ThresholdOption
from guarantor.cli.render import Format, ReportFormat, emit_json, emit_rows
from guarantor.domain import Document
from guarantor.errors import UsageError
from guarantor.extract import extract_document
from guarantor.extract.corpus import CorpusArticle, evaluate_articles, is_offset_gold, load_corpus
from guarantor.extract.evaluate import Evaluation, evaluate_corpus
from guarantor.ingest import read_article, read_document

__all__ = ["register"]


def _table(result: Evaluation) -> None:
    console = Console()
    data = result.as_dict()
    console.print(
        f"documents {data['documents']}  precision {data['precision']:.3f}  "
        f"recall {data['recall']:.3f}  F1 {data['f1']:.3f}  "
        f"(tp {result.total.tp}, fp {result.total.fp}, fn {result.total.fn})"
    )
    if data["thresholds"]:
        console.print(
            "at thresholds: "
            + "  ".join(f"{t['threshold']:.2f}: F1 {t['f1']:.3f}" for t in data["thresholds"])
        )
    cond, quotes = data["conditions"], data["quotes"]
    console.print(
        f"conditions correct {cond['correct']}/{cond['matched_conditional']}  "
        f"quotes overlapping {quotes['overlapping']}/{quotes['matched']}"
    )
    for key in ("per_option", "per_stance", "per_style", "per_actor"):
        rows = [{key[4:]: k, **v} for k, v in data[key].items()]
        if rows:
            emit_rows(rows, Format.TABLE, title=key.replace("_", " "), console=console)
    for key in ("misses", "false_hits"):
        emit_rows(data[key], Format.TABLE, title=key.replace("_", " "), console=console)


def _thresholds(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError as exc:
        raise UsageError(f"--thresholds must be numbers separated by commas, got {text!r}") from exc
    if any(not 0 < v < 1 for v in values):
        raise UsageError(f"--thresholds must lie between 0 and 1, got {text!r}")
    return values


def evaluate(
    ctx: typer.Context,
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold YAML file(s): quote-based (with --corpus) or real-article corpus files "
            "(corpus/real/*.yaml, texts from the corpus cache)."
        ),
    ],
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Folder with the documents a quote-based gold file names."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="table or json (a report, not a list).")
    ] = ReportFormat.TABLE,
    extractor: ExtractorOption = None,
    threshold: ThresholdOption = None,
    thresholds: Annotated[
        str,
        typer.Option("--thresholds", help="Also report overall F1 at these thresholds."),
    ] = "0.3,0.4,0.5,0.6,0.7,0.8",
) -> None:
    """Score extraction on (actor, option, stance) triples: precision, recall, F1, misses."""
    settings = get_context(ctx).settings
    main = threshold or settings.stance_threshold
    extra = _thresholds(thresholds)
    name = extractor or settings.extractor
    extract = partial(extract_document, extractor=name, threshold=min([main, *extra]))
    options = {"extractor": extract, "thresholds": extra, "threshold": main}
    if all(is_offset_gold(path) for path in gold):
        articles = [a for path in gold for a in load_corpus(path)]
        result = evaluate_articles(articles, read=_read, **options)  # type: ignore[arg-type]
    elif len(gold) != 1:
        raise UsageError("quote-based gold is scored one file at a time")
    elif corpus is None or not corpus.is_dir():
        raise UsageError(f"--corpus {corpus} is not a folder (a quote-based gold file needs one)")
    else:
        result = evaluate_corpus(gold[0], corpus, read=read_document, **options)  # type: ignore[arg-type]
    if fmt is ReportFormat.JSON:
        emit_json(result.as_dict())
    else:
        _table(result)


def _read(article: CorpusArticle, text: str) -> Document:
    return read_article(article.url, text, article.outlet, article.date)


def register(app: typer.Typer) -> None:
    """Add ``evaluate`` to the app."""
    app.command("evaluate")(evaluate)
