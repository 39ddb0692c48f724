"""Reading inputs into raw articles: files, folders, JSONL lines and standard input.

Everything is a generator: one article is in memory at a time (a JSONL file
is read line by line), so a batch of any size keeps memory flat. A bad input
is yielded as an ``IngestError`` naming the file (and line) instead of
stopping the batch.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from guarantor.errors import IngestError
from guarantor.ingest.html import extract_html
from guarantor.ingest.raw import RawArticle

__all__ = ["STDIN", "SUFFIXES", "RawArticle", "iter_articles", "total_bytes"]

STDIN = "-"
SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}
SUFFIXES |= {".jsonl": "jsonl"}
SNIFF = 8192
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_FIELDS = ("url", "title", "outlet", "published")

Progress = Callable[[int], None]


def total_bytes(paths: Sequence[str]) -> int | None:
    """Bytes the batch will read (for a progress bar); None when stdin makes it unknown."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        for file in _walk(Path(path)):
            try:
                total += file.stat().st_size
            except OSError:
                continue
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
        for file in _walk(path):
            yield from _read_file(file, max_bytes, tick)


def _walk(path: Path) -> Iterator[Path]:
    """The file itself, or a folder's known-type files, sorted, hidden ones skipped."""
    if not path.is_dir():
        if path.exists():
            yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root) / name


def _read_file(path: Path, max_bytes: int, tick: Progress) -> Iterator[RawArticle | IngestError]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        size = path.stat().st_size
        if kind == "jsonl":
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, str(path), max_bytes, tick)
            return
        if size > max_bytes:
            tick(size)
            yield IngestError(f"file is {size} bytes, over the {max_bytes}-byte limit", path=path)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(f"cannot read: {exc.strerror or exc}", path=path)
        return
    tick(len(data))
    yield _one_article(str(path), data, kind)


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
        yield from _read_jsonl(iter(data.splitlines(keepends=True)), "<stdin>", max_bytes, tick)
    else:
        yield _one_article("<stdin>", data, "text")


def _one_article(source: str, data: bytes, kind: str) -> RawArticle | IngestError:
    try:
        text = decode(data, source)
        if kind == "html":
            return extract_html(text, source)
    except IngestError as exc:
        return exc
    return RawArticle(source=source, text=text)


def decode(data: bytes, source: str, line: int | None = None) -> str:
    """UTF-8 (or BOM-marked UTF-16) text; empty, binary or undecodable data is refused."""
    if not data.strip():
        raise IngestError("empty input (no text)", path=source, line=line)
    if b"\x00" in data[:SNIFF] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("binary data (contains NUL bytes), expected text", path=source, line=line)
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be "
            "decoded (convert the file to UTF-8)",
            path=source,
            line=line,
        ) from None
    sample = text[:SNIFF]
    controls = len(_CONTROL.findall(sample))
    if controls > len(sample) // 20:
        raise IngestError(
            "binary data (mostly control characters), expected text", path=source, line=line
        )
    return text


def _read_jsonl(
    lines: BinaryIO | Iterator[bytes], source: str, max_bytes: int, tick: Progress
) -> Iterator[RawArticle | IngestError]:
    for number, raw in enumerate(lines, 1):
        tick(len(raw))
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield IngestError(f"line is over the {max_bytes}-byte limit", path=source, line=number)
            continue
        try:
            yield _jsonl_article(raw, source, number)
        except IngestError as exc:
            yield exc


def _jsonl_article(raw: bytes, source: str, number: int) -> RawArticle:
    text = decode(raw, source, number)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"not valid JSON (column {exc.colno}): {exc.msg}", path=source, line=number
        ) from None
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
