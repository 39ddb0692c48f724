"""The ingest batch: idempotent, atomic per document, failures recorded, extraction hooked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from guarantor.domain import Document, Grade, Option, Position, Stance
from guarantor.errors import IngestError
from guarantor.runs import ingest_paths, store_extractor
from guarantor.settings import Settings
from guarantor.store import Store


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _first_word(doc: Document) -> list[Position]:
    """A stand-in extractor: one position quoting the document's first word."""
    end = doc.text.index(" ") if " " in doc.text else len(doc.text)
    return [
        Position(
            document=doc.source,
            actor="FRA",
            option=Option.GROUND_TROOPS,
            stance=Stance.SUPPORT,
            quote=doc.text[:end],
            start=0,
            end=end,
            grade=Grade(reliability="F", credibility=6),
            extractor="test.first_word.v1",
        )
    ]


def test_ingesting_twice_stores_once(tmp_path: Path, store: Store, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text("Alpha article.\n\nBody of alpha.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Beta\n\nBody of beta.\r\n", encoding="utf-8")
    (tmp_path / "b-copy.txt").write_text("# Beta  \n\n\nBody of beta.", encoding="utf-8")
    first = ingest_paths([str(tmp_path)], store, settings=settings)
    again = ingest_paths([str(tmp_path)], store, settings=settings)
    assert (first.stored, first.duplicates, first.failed) == (2, 1, 0)
    assert (again.stored, again.duplicates, again.failed) == (0, 3, 0)
    assert again.exit_code == 0
    assert len(list(store.documents())) == 2
    runs = store.runs()
    assert [(r["status"], r["stored"], r["duplicates"]) for r in runs] == [
        ("done", 2, 1),
        ("done", 0, 3),
    ]


def test_failures_are_recorded_and_the_batch_goes_on(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    feed = _jsonl(
        tmp_path / "feed.jsonl",
        [
            {"text": "Good one.", "outlet": "Reuters", "published": "24.03.2025"},
            {"text": "Bad date.", "published": "someday"},
            {"text": "Good two.", "url": "https://www.tass.com/politics/1"},
        ],
    )
    seen: list[IngestError] = []
    summary = ingest_paths(
        [str(feed), str(tmp_path / "missing")], store, settings=settings, on_failure=seen.append
    )
    assert (summary.stored, summary.failed, summary.exit_code) == (2, 2, 1)
    assert [e.render() for e in seen] == [
        f"{feed}:2: 'published' is 'someday', expected a date such as 2025-03-24",
        f"{tmp_path / 'missing'}: no such file or folder",
    ]
    assert [(f["source"], f["line"]) for f in store.failures(summary.run_id)] == [
        (str(feed), 2),
        (str(tmp_path / "missing"), None),
    ]
    docs = {d.text: d for d in store.documents()}
    assert docs["Good one."].outlet_key == "reuters.com"
    assert docs["Good one."].published == date(2025, 3, 24)
    assert docs["Good one."].source == f"{feed.resolve().as_uri()}#line=0,1"
    assert docs["Good two."].outlet_key == "tass.com"
    assert docs["Good two."].source == "https://www.tass.com/politics/1"


def test_positions_are_stored_with_their_document(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    (tmp_path / "a.txt").write_text("Paris backs a force.\n\nMore text.", encoding="utf-8")
    ingest_paths([str(tmp_path)], store, settings=settings, extractor=_first_word)
    (doc,) = list(store.documents())
    (position,) = list(store.positions())
    assert position.document_id == doc.id
    assert doc.text[position.start : position.end] == position.quote == "Paris"


def test_an_extractor_crash_fails_only_that_document(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    (tmp_path / "a.txt").write_text("Fine text here.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Boom text here.", encoding="utf-8")

    def fragile(doc: Document) -> list[Position]:
        if doc.text.startswith("Boom"):
            raise ValueError("cannot parse")
        return _first_word(doc)

    summary = ingest_paths([str(tmp_path)], store, settings=settings, extractor=fragile)
    assert (summary.stored, summary.failed) == (1, 1)
    assert [d.text for d in store.documents()] == ["Fine text here."]
    (failure,) = store.failures(summary.run_id)
    assert failure["message"].endswith("extractor failed: ValueError: cannot parse")


def test_store_extractor_gets_the_outlet_grade(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import guarantor.extract as extract

    grades: list[str] = []

    class Spy:
        extractor = extract.EXTRACTOR_NAME

        def __call__(self, document: Document, *, outlet_reliability: str = "F") -> list[Position]:
            grades.append(outlet_reliability)
            return []

    monkeypatch.setattr(extract, "pipeline_for", lambda name, threshold: Spy())
    extractor, name = store_extractor(store, extract.EXTRACTOR_NAME)
    extractor(Document(source="x", text="t", content_hash="h", outlet="Reuters"))
    extractor(Document(source="x", text="t", content_hash="h", outlet=None))
    assert grades == ["B", "F"]
    assert name == extract.EXTRACTOR_NAME


def test_syndicated_copies_share_a_cluster(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    body = " ".join(
        f"sentence {i} about the reassurance force and its rotation." for i in range(40)
    )
    _jsonl(
        tmp_path / "feed.jsonl",
        [
            {"text": body, "outlet": "Reuters"},
            {"text": "By Jane Roe, AP\n\n" + body, "outlet": "AP"},
            {"text": "An unrelated story about sanctions and frozen assets in Brussels."},
        ],
    )
    ingest_paths([str(tmp_path)], store, settings=settings)
    clusters = [d.cluster_id for d in store.documents()]
    assert clusters[0] == clusters[1] != clusters[2]
