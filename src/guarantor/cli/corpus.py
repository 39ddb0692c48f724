"""`guarantor corpus stats|check|restore|agreement|lexicon-usage`: the real-article gold,
its text cache, and which lexicon alternatives occur in it."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

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
from guarantor.extract.lexicon_usage import count_usage, lexicon_alternatives, python_strings
from guarantor.ingest.text import clean_text

__all__ = ["register"]

corpus_app = typer.Typer(
    help="The real-article corpus: statistics, checks, restoring texts, annotator agreement, "
    "lexicon usage.",
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


def _default_text_folders() -> list[Path]:
    """The other corpora, where present: the seed articles ($GUARANTOR_SHARED or ../shared),
    the invented held-out sets and the extract tests' fixtures (their .py files included)."""
    shared = Path(os.environ.get("GUARANTOR_SHARED") or "../shared")
    tests = Path("tests/extract")
    folders = [shared / "corpus" / "seeds", *sorted(tests.glob("heldout*/articles"))]
    return [f for f in [*folders, tests / "data", tests] if f.is_dir()]


def _read_text(path: Path) -> str:
    """A file's text as a document holds it; of a Python file, its string literals."""
    try:
        text = path.read_text(encoding="utf-8")
        return clean_text(python_strings(text) if path.suffix == ".py" else text)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", path=path) from exc
    except SyntaxError as exc:
        raise InputError(f"not Python ({exc.msg})", path=path, line=exc.lineno) from exc


def _read_texts(paths: list[Path]) -> dict[str, list[str]]:
    """Texts per given path (a file, or every file directly in a folder)."""
    texts: dict[str, list[str]] = {}
    for path in paths:
        if not path.exists():
            raise InputError("text file or folder not found", path=path)
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        texts[str(path)] = [_read_text(f) for f in files]
    return texts


def _usage(articles: list[CorpusArticle], texts: list[Path], unused: bool) -> dict[str, Any]:
    cached = [read_cached(a) for a in articles]
    sources = {"corpus cache": [clean_text(t) for t in cached if t is not None]}
    sources.update(_read_texts(texts))
    usage = count_usage(lexicon_alternatives(), [t for group in sources.values() for t in group])
    zero = [u for u in usage if u.documents == 0]
    totals = Counter(u.alternative.file for u in usage)
    zeros = Counter(u.alternative.file for u in zero)
    return {
        "documents": sum(len(group) for group in sources.values()),
        "sources": {name: len(group) for name, group in sources.items()},
        "missing_texts": cached.count(None),
        "alternatives": len(usage),
        "unused": len(zero),
        "per_file": {f: {"alternatives": n, "unused": zeros[f]} for f, n in totals.items()},
        "rows": [u.as_dict() for u in (zero if unused else usage)],
    }


@corpus_app.command("lexicon-usage")
def lexicon_usage(
    files: FilesArg = None,
    texts: Annotated[
        list[Path] | None,
        typer.Option(
            "--texts",
            help="Texts besides the corpus files': a file or a folder of files; repeat it. "
            "Default: the seed articles, tests/extract/heldout*/articles, tests/extract/data "
            "and tests/extract (of a .py file, its string literals).",
        ),
    ] = None,
    unused: Annotated[
        bool, typer.Option("--unused", help="List only the alternatives that match nothing.")
    ] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """On how many texts each alternative of the bundled lexicons occurs (docs/extraction.md)."""
    _table_or_json(fmt)
    data = _usage(_load(files), texts if texts is not None else _default_text_folders(), unused)
    if fmt is Format.JSON:
        emit_json(data)
        return
    console = Console()
    emit_rows(data["rows"], Format.TABLE, title="lexicon alternatives", console=console)
    console.print(
        f"{data['alternatives']} alternatives, {data['unused']} match nothing in "
        f"{data['documents']} documents ("
        + ", ".join(f"{name}: {n}" for name, n in data["sources"].items())
        + f"); {data['missing_texts']} corpus texts missing from the cache",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add the ``corpus`` group to the app."""
    app.add_typer(corpus_app, name="corpus")
