"""`guarantor runs` and `runs show ID`; an interrupted run's counts are what it committed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from guarantor.cli.app import main
from guarantor.domain import Document, Position
from guarantor.runs import ingest_paths
from guarantor.settings import load_settings
from guarantor.store import Store
from guarantor.store.schema import ingest_runs


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_runs_lists_runs_and_show_names_each_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "One."}\n{broken\n{"text": "Two."}\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    code, _ = _cli(["--db", db, "ingest", "--no-extract", str(feed)], capsys)
    assert code == 1
    code, text = _cli(["--db", db, "runs", "--format", "json"], capsys)
    (run,) = json.loads(text)
    assert (run["status"], run["stored"], run["failed"]) == ("done", 2, 1)
    assert run["by"]
    code, text = _cli(["--db", db, "runs", "show", str(run["id"]), "--format", "json"], capsys)
    shown = json.loads(text)
    assert [(f["source"], f["line"]) for f in shown["failures"]] == [(str(feed), 2)]
    assert "not valid JSON" in shown["failures"][0]["message"]
    code, text = _cli(["--db", db, "runs", "show", "99"], capsys)
    assert code == 1 and "no ingest run 99" in text


def test_an_interrupted_run_shows_what_it_committed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'i.db'}") as store:
        summary = ingest_paths([str(tmp_path)], store, settings=load_settings())
        with store.engine.begin() as connection:  # as a kill -9 leaves it
            connection.execute(
                update(ingest_runs).values(status="interrupted", stored=0, finished_at=None)
            )
        (run,) = store.runs()
    assert (
        (run["status"], run["stored"])
        == ("interrupted", summary.stored)
        == (
            "interrupted",
            2,
        )
    )


def test_a_resumed_run_skips_stored_documents_before_extracting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    seen: list[str] = []

    def extractor(doc: Document) -> list[Position]:
        seen.append(doc.source)
        return []

    with Store.open(f"sqlite:///{tmp_path / 'resume.db'}") as store:
        ingest_paths(
            [str(tmp_path / "a.txt")], store, settings=load_settings(), extractor=extractor
        )
        again = ingest_paths([str(tmp_path)], store, settings=load_settings(), extractor=extractor)
    assert seen == [(tmp_path / n).resolve().as_uri() for n in ("a.txt", "b.txt")]
    assert (again.stored, again.duplicates) == (1, 1)
