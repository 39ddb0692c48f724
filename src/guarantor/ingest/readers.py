"""Reading inputs into raw articles: files, folders, JSONL lines and standard input.

Everything is a generator: one article is in memory at a time (a JSONL file
is read line by line, each line bounded while it is read), so a batch of any
size keeps memory flat. Every file goes through ``guarantor.guard``: regular
files only, sizes checked while reading, explicit decoding, bounded JSON. A
bad input is yielded as an ``IngestError`` naming the file (and line) instead
of stopping the batch; an empty file or folder is one too.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from guarantor.errors import GuarantorError, IngestError
from guarantor.guard import decode, iter_lines, load_json, open_regular, read_bytes, walk_files
from guarantor.ingest.html import extract_html
from guarantor.ingest.raw import RawArticle

__all__ = ["STDIN", "SUFFIXES", "RawArticle", "iter_articles", "total_bytes"]

STDIN = "-"
SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}
SUFFIXES |= {".jsonl": "jsonl"}
_FIELDS = ("url", "title", "outlet", "published")

Progress = Callable[[int], None]


def total_bytes(paths: Sequence[str]) -> int | None:
    """Bytes the batch will read (for a progress bar); None when stdin makes it unknown."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        for file in walk_files(Path(path), SUFFIXES, error=IngestError):
            if isinstance(file, Path) and file.is_file():
                total += file.stat().st_size
    return total


def iter_articles(
    paths: Sequence[str],
    *,
    max_bytes: int,
    stdin: BinaryIO | None = None,
    on_bytes: Progress | None = None,
) -> Iterator[RawArticle | IngestError]:
    """Every article under ``paths`` (files, folders recursively, ``-``), in order."""
    tick = on_bytes or (lambda _n: None)
    for given in paths:
        if given == STDIN:
            yield from _read_stdin(stdin or sys.stdin.buffer, max_bytes, tick)
            continue
        path = Path(given)
        if not path.exists():
            yield IngestError("no such file or folder", path=given)
            continue
        for file in walk_files(path, SUFFIXES, error=IngestError):
            if isinstance(file, GuarantorError):
                yield _as_ingest(file)
            else:
                yield from _read_file(file, max_bytes, tick)


def _as_ingest(error: GuarantorError) -> IngestError:
    if isinstance(error, IngestError):
        return error
    return IngestError(error.message, path=error.path, line=error.line)  # pragma: no cover


def _read_file(path: Path, max_bytes: int, tick: Progress) -> Iterator[RawArticle | IngestError]:
    # the stored source is absolute, so provenance does not depend on the working folder
    path = path.absolute()
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "jsonl":
        try:
            handle = open_regular(path, error=IngestError)
        except IngestError as exc:
            yield exc
            return
        with handle:
            yield from _read_jsonl(handle, str(path), max_bytes, tick)
        return
    try:
        data = read_bytes(path, max_bytes=max_bytes, error=IngestError)
    except IngestError as exc:
        tick(_size(path))
        yield exc
        return
    tick(len(data))
    yield _one_article(str(path), data, kind)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _read_stdin(
    stream: BinaryIO, max_bytes: int, tick: Progress
) -> Iterator[RawArticle | IngestError]:
    data = stream.read(max_bytes + 1)
    tick(len(data))
    if len(data) > max_bytes:
        yield IngestError(f"input is over the {max_bytes}-byte limit", path="<stdin>")
        return
    head = data.lstrip()[:1]
    if head == b"<":
        yield _one_article("<stdin>", data, "html")
    elif head == b"{":
        yield from _read_jsonl(io.BytesIO(data), "<stdin>", max_bytes, lambda _n: None)
    else:
        yield _one_article("<stdin>", data, "text")


def _one_article(source: str, data: bytes, kind: str) -> RawArticle | IngestError:
    try:
        text = decode(data, source, error=IngestError)
        if kind == "html":
            return extract_html(text, source)
    except IngestError as exc:
        return exc
    return RawArticle(source=source, text=text)


def _read_jsonl(
    handle: BinaryIO, source: str, max_bytes: int, tick: Progress
) -> Iterator[RawArticle | IngestError]:
    records = 0
    for number, raw in iter_lines(
        handle, source=source, max_line_bytes=max_bytes, error=IngestError
    ):
        if isinstance(raw, GuarantorError):
            records += 1
            yield _as_ingest(raw)
            continue
        tick(len(raw))
        if not raw.strip():
            continue
        records += 1
        try:
            yield _jsonl_article(raw, source, number)
        except IngestError as exc:
            yield exc
    if not records:
        yield IngestError("no records (the JSON Lines file is empty)", path=source)


def _jsonl_article(raw: bytes, source: str, number: int) -> RawArticle:
    record = load_json(
        decode(raw, source, number, error=IngestError), source, number, error=IngestError
    )
    if not isinstance(record, dict):
        raise IngestError(
            f"expected a JSON object with a 'text' field, got {type(record).__name__}",
            path=source,
            line=number,
        )
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise IngestError("expected a non-empty string field 'text'", path=source, line=number)
    extra: dict[str, str | None] = {}
    for field in _FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise IngestError(
                f"field {field!r} must be a string, got {type(value).__name__}",
                path=source,
                line=number,
            )
        extra[field] = value or None
    return RawArticle(source=source, text=body, line=number, **extra)
