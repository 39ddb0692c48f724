"""`guarantor corpus stats|check|restore|agreement`: the real-article gold and its text cache."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from guarantor.cli.render import Format, emit_json, emit_rows
from guarantor.errors import InputError, UsageError
from guarantor.extract.corpus import (
    SPLITS,
    CorpusArticle,
    agreement,
    cache_dir,
    check_corpus,
    corpus_stats,
    load_corpus,
    read_cached,
    restore_texts,
)

__all__ = ["register"]

corpus_app = typer.Typer(
    help="The real-article corpus: statistics, checks, restoring texts, annotator agreement.",
    no_args_is_help=True,
)

FilesArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Corpus files (default: corpus/real/{train,dev,test}.yaml here)."),
]
FormatOpt = Annotated[Format, typer.Option("--format", help="table or json.")]


def _load(files: list[Path] | None) -> list[CorpusArticle]:
    paths = files or [Path("corpus/real") / f"{split}.yaml" for split in SPLITS]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise InputError("corpus file not found", path=missing[0])
    return [a for path in paths for a in load_corpus(path)]


def _table_or_json(fmt: Format) -> None:
    if fmt not in (Format.TABLE, Format.JSON):
        raise UsageError(f"--format must be table or json, got {fmt.value}")


@corpus_app.command("stats")
def stats(files: FilesArg = None, fmt: FormatOpt = Format.TABLE) -> None:
    """Articles, outlets, styles and positions per option and stance, per split."""
    _table_or_json(fmt)
    data = corpus_stats(_load(files))
    if fmt is Format.JSON:
        emit_json(data)
        return
    console = Console()
    rows = [
        {"split": k, **{c: v[c] for c in ("articles", "outlets", "positions")}}
        for k, v in data.items()
    ]
    emit_rows(rows, Format.TABLE, title="corpus", console=console)
    for key in ("styles", "options", "stances"):
        names = sorted({n for v in data.values() for n in v[key]})
        rows = [{key[:-1]: n, **{s: data[s][key].get(n, 0) for s in data}} for n in names]
        emit_rows(rows, Format.TABLE, title=key, console=console)


@corpus_app.command("check")
def check(files: FilesArg = None) -> None:
    """Validate the files (schema, vocabulary, offsets, unique URLs, an outlet in one split)
    and say which texts the cache holds."""
    articles = _load(files)
    problems = check_corpus(articles)
    present = sum(1 for a in articles if read_cached(a) is not None)
    console = Console()
    for problem in problems:
        console.print(f"[red]problem[/red] {problem}", markup=True, highlight=False)
    console.print(
        f"{len(articles)} articles, {len(problems)} problems; {present} texts in the cache "
        f"{cache_dir()}" + ("" if present == len(articles) else " (see docs/corpus.md to restore)"),
        markup=False,
    )
    if problems:
        raise typer.Exit(1)


@corpus_app.command("restore")
def restore(
    folders: Annotated[list[Path], typer.Argument(help="Folders (or files) of saved texts.")],
    corpus: Annotated[
        list[Path] | None, typer.Option("--corpus", help="Corpus files (default corpus/real/*).")
    ] = None,
) -> None:
    """Copy saved texts whose sha256 matches an article into the cache; list what is missing."""
    articles = _load(corpus)
    have, missing = restore_texts(folders, articles)
    console = Console()
    for article in missing:
        console.print(f"missing {article.url}  query: {article.query}", markup=False)
    console.print(f"{len(have)} of {len(articles)} texts in {cache_dir()}", markup=False)
    if missing:
        raise typer.Exit(1)


@corpus_app.command("agreement")
def agreement_cmd(
    first: Annotated[Path, typer.Argument(help="One annotator's corpus file.")],
    second: Annotated[Path, typer.Argument(help="The other annotator's file, same articles.")],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Inter-annotator agreement: triple F1 of one annotator against the other."""
    _table_or_json(fmt)
    result = agreement(load_corpus(first), load_corpus(second)).as_dict()
    result = {k: v for k, v in result.items() if k not in ("misses", "false_hits")}
    if fmt is Format.JSON:
        emit_json(result)
        return
    console = Console()
    console.print(
        f"documents {result['documents']}  agreement F1 {result['f1']:.3f} "
        f"(precision {result['precision']:.3f}, recall {result['recall']:.3f})",
        markup=False,
    )
    rows = [{"option": k, **v} for k, v in result["per_option"].items()]
    emit_rows(rows, Format.TABLE, title="per option", console=console)


def register(app: typer.Typer) -> None:
    """Add the ``corpus`` group to the app."""
    app.add_typer(corpus_app, name="corpus")
