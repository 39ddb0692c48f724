"""Readers: every bad input becomes one IngestError naming the file (and line)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from guarantor.errors import IngestError
from guarantor.ingest import RawArticle, iter_articles, read_documents, total_bytes


def _read(paths: list[str], stdin: bytes | None = None, max_bytes: int = 4000) -> list[object]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_articles(paths, max_bytes=max_bytes, stdin=stream))


def _errors(items: list[object]) -> list[str]:
    return [item.render() for item in items if isinstance(item, IngestError)]


def test_bad_files_each_give_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"  \n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    (tmp_path / "good.txt").write_text("A good article.\n\nWith a body.", encoding="utf-8")
    items = _read([str(tmp_path), str(tmp_path / "nope.txt")])
    errors = _errors(items)
    assert len(errors) == 5
    assert f"{tmp_path / 'big.txt'}: file is 5000 bytes, over the 4000-byte limit" in errors
    assert f"{tmp_path / 'empty.md'}: empty input (no text)" in errors
    assert any(e.startswith(f"{tmp_path / 'image.txt'}: binary data") for e in errors)
    assert any(
        e.startswith(f"{tmp_path / 'latin1.txt'}:1: not UTF-8 text: byte 0xe9 at offset 3")
        for e in errors
    )
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in errors
    (good,) = [i for i in items if isinstance(i, RawArticle)]
    assert good.source == str(tmp_path / "good.txt")


def test_jsonl_lines_are_articles_and_bad_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "First.", "url": "https://x.org/1", "outlet": "X", "title": "T"}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Third.", "published": 2025}),
        json.dumps({"text": "x" * 5000}),
        json.dumps({"text": "Fourth.", "published": "2025-03-24"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([str(path)])
    errors = _errors(items)
    assert errors == [
        f"{path}:3: not valid JSON (column 2): Expecting property name enclosed in double quotes",
        f"{path}:4: expected a JSON object with a 'text' field, got list",
        f"{path}:5: expected a non-empty string field 'text'",
        f"{path}:6: field 'published' must be a string, got int",
        f"{path}:7: line is over the 4000-byte limit",
    ]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [(a.line, a.text, a.outlet) for a in articles] == [
        (1, "First.", "X"),
        (8, "Fourth.", None),
    ]
    assert articles[0].url == "https://x.org/1"
    assert articles[1].published == "2025-03-24"


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.", encoding="utf-8")
    items = _read([str(tmp_path)])
    assert [i.text for i in items if isinstance(i, RawArticle)] == ["One.", "Two."]
    assert total_bytes([str(tmp_path)]) == 8
    assert total_bytes(["-"]) is None


def test_stdin_text_jsonl_and_limits() -> None:
    (text,) = _read(["-"], stdin=b"Plain text from a pipe.")
    assert isinstance(text, RawArticle) and text.source == "<stdin>"
    jsonl = _read(["-"], stdin=b'{"text": "a"}\n{"text": "b"}\n')
    assert [(i.source, i.line) for i in jsonl if isinstance(i, RawArticle)] == [
        ("<stdin>", 1),
        ("<stdin>", 2),
    ]
    (too_big,) = _read(["-"], stdin=b"x" * 50, max_bytes=10)
    assert isinstance(too_big, IngestError)
    assert too_big.render() == "<stdin>: input is over the 10-byte limit"


def test_utf16_with_bom_and_utf8_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Zprávy z Prahy.".encode("utf-16"))
    (tmp_path / "u8.txt").write_bytes(b"\xef\xbb\xbfBOM text.")
    items = _read([str(tmp_path)])
    assert sorted(i.text for i in items if isinstance(i, RawArticle)) == [
        "BOM text.",
        "Zprávy z Prahy.",
    ]


def test_a_relative_path_is_stored_as_an_absolute_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: provenance must not depend on the working folder."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Paris will send troops.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (article,) = list(iter_articles(["seeds"], max_bytes=10_000))
    assert isinstance(article, RawArticle)
    assert article.source == str(tmp_path / "seeds" / "a.txt")


def test_a_stored_source_is_a_resolvable_file_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: '../shared/corpus/seeds/a.txt' is stored as file:///.../seeds/a.txt."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "seeds" / "a b.txt").write_text("Paris will send troops.", encoding="utf-8")
    feed = tmp_path / "seeds" / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Rome waits."}) + "\n"
        + json.dumps({"text": "Oslo sends.", "url": "https://example.org/oslo"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    monkeypatch.chdir(tmp_path / "work")
    docs = list(read_documents(["../seeds"], max_bytes=10_000))
    sources = sorted(d.source for d in docs)
    assert sources == [
        (tmp_path / "seeds" / "a b.txt").resolve().as_uri(),
        f"{feed.resolve().as_uri()}#line=0,1",
        "https://example.org/oslo",
    ]
    assert sources[0].startswith("file:///") and "%20" in sources[0] and ".." not in sources[0]
