"""Store behaviour on both databases: idempotent adds, atomic documents, queries."""

from __future__ import annotations

from datetime import date

import pytest
from store_docs import make_doc

from guarantor.domain import Condition, Grade, Option, Position, Stance
from guarantor.errors import StoreError, UsageError
from guarantor.store import Store, writer


def _position(doc_source: str, actor: str = "FRA", start: int = 0, end: int = 5) -> Position:
    return Position(
        document=doc_source,
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=Stance.CONDITIONAL,
        conditions=(Condition.US_BACKSTOP, Condition.CEASEFIRE_FIRST),
        speaker="Emmanuel Macron",
        quote="Paris",
        start=start,
        end=end,
        stated_on="2025-03-01",
        grade=Grade(reliability="B", credibility=2),
        extractor="test.v1",
    )


def test_same_text_is_stored_once(store: Store) -> None:
    doc = make_doc("Paris will send troops if the United States backs them.")
    first = store.add_document(doc, [], None)
    again = store.add_document(doc.model_copy(update={"source": "other.txt"}), [], None)
    assert first.status == "stored"
    assert again.status == "duplicate"
    assert again.document_id == first.document_id
    assert [d.source for d in store.documents()] == ["test.txt"]


def test_document_and_positions_round_trip(store: Store) -> None:
    doc = make_doc(
        "Paris said it would send troops.",
        title="Troops",
        url="https://www.reuters.com/world/x",
        outlet="Reuters",
        published=date(2025, 3, 2),
        language="en",
    )
    result = store.add_document(doc, [_position(doc.source)], None)
    (stored,) = list(store.documents())
    assert stored.text == doc.text
    assert stored.content_hash == doc.content_hash
    assert (stored.title, stored.url, stored.published, stored.language) == (
        "Troops",
        "https://www.reuters.com/world/x",
        date(2025, 3, 2),
        "en",
    )
    assert stored.outlet_key == "reuters.com"
    assert stored.outlet == "Reuters"
    assert stored.cluster_id == result.document_id == stored.id
    (position,) = list(store.positions())
    assert position.conditions == (Condition.US_BACKSTOP, Condition.CEASEFIRE_FIRST)
    assert position.grade.code == "B2"
    assert position.document == "test.txt"
    assert (position.document_id, position.outlet_key, position.published) == (
        stored.id,
        "reuters.com",
        date(2025, 3, 2),
    )
    assert position.triple == ("FRA", "ground_troops", "conditional")


def test_a_failing_document_leaves_nothing_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_doc("The first document is fine and complete.")
    bad = make_doc("The second document breaks while its positions are written.")
    with store.batch(commit_every=100):
        store.add_document(good, [_position(good.source)], None)

        def explode(position: Position, document_id: int) -> dict[str, object]:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(writer, "position_row", explode)
        with pytest.raises(RuntimeError):
            store.add_document(bad, [_position(bad.source)], None)
    assert [d.text for d in store.documents()] == [good.text]
    assert len(list(store.positions())) == 1


def test_an_interrupted_batch_keeps_its_complete_documents(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [make_doc(f"Document number {i} about guarantees {i * 7}.") for i in range(5)]
    with pytest.raises(KeyboardInterrupt), store.batch(commit_every=2):
        for doc in docs[:3]:
            store.add_document(doc, [_position(doc.source)], None)
        monkeypatch.setattr(writer, "position_row", _interrupt)
        store.add_document(docs[3], [_position(docs[3].source)], None)
    assert [d.text for d in store.documents()] == [d.text for d in docs[:3]]
    assert len(list(store.positions())) == 3


def _interrupt(position: Position, document_id: int) -> dict[str, object]:
    raise KeyboardInterrupt


def test_filters(store: Store) -> None:
    store.add_document(
        make_doc("Alpha text one.", outlet="Reuters", published=date(2025, 1, 5)),
        [_position("a", actor="FRA")],
        None,
    )
    store.add_document(
        make_doc("Beta text two.", outlet="tass.com", published=date(2025, 2, 5)),
        [_position("b", actor="RUS")],
        None,
    )
    store.add_document(make_doc("Gamma text three, undated."), [], None)
    assert [d.text for d in store.documents(outlet="reuters.com")] == ["Alpha text one."]
    assert [d.text for d in store.documents(outlet="TASS")] == ["Beta text two."]
    assert [d.text for d in store.documents(since=date(2025, 2, 1))] == ["Beta text two."]
    assert [d.text for d in store.documents(until=date(2025, 1, 31))] == ["Alpha text one."]
    assert [p.actor for p in store.positions(actor="RUS")] == ["RUS"]
    assert [p.actor for p in store.positions(until=date(2025, 1, 31))] == ["FRA"]
    assert list(store.positions(stance="support")) == []
    assert store.documents_by_outlet_month() == [
        {"outlet": "reuters.com", "month": "2025-01", "documents": 1},
        {"outlet": "tass.com", "month": "2025-02", "documents": 1},
        {"outlet": None, "month": None, "documents": 1},
    ]


def test_outlets_are_seeded_and_user_grades_survive_reopening(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.outlet_reliability("Reuters") == "B"
        assert store.outlet_reliability("https://www.rt.com/news/1") == "E"
        assert store.outlet_reliability("an outlet nobody knows") == "F"
        assert store.outlet_reliability("") == "F"
        store.set_outlet("reuters", reliability="c", note="testing an edit")
        store.set_outlet("my-blog.example", name="My blog", reliability="D")
    with Store.open(store_url) as store:
        graded = {o.key: o for o in store.outlets()}
        assert graded["reuters.com"].reliability == "C"
        assert graded["reuters.com"].note == "testing an edit"
        assert graded["my-blog.example"].name == "My blog"
        assert store.outlet_reliability("my-blog.example") == "D"


def test_set_outlet_refuses_a_bad_grade(store: Store) -> None:
    with pytest.raises(UsageError, match="A-F"):
        store.set_outlet("reuters", reliability="G")


def test_unknown_outlet_is_added_ungraded(store: Store) -> None:
    store.add_document(make_doc("Some text.", outlet="Právo Daily"), [], None)
    store.add_document(make_doc("Other text.", outlet="Brand New Weekly"), [], None)
    keys = {o.key: o.reliability for o in store.outlets()}
    assert keys["brand new weekly"] == "F"
    assert "právo daily" not in keys  # an alias of a bundled outlet, not a new one


def test_runs_and_failures(store: Store) -> None:
    run = store.begin_run("extract.rules.v0")
    store.record_failure(run, "bad.jsonl", 3, "bad.jsonl:3: not JSON")
    store.finish_run(run, status="done", stored=2, duplicates=1, failed=1)
    (row,) = store.runs()
    assert (row["status"], row["stored"], row["duplicates"], row["failed"]) == ("done", 2, 1, 1)
    assert row["finished_at"] is not None
    assert [(f["source"], f["line"]) for f in store.failures(run)] == [("bad.jsonl", 3)]


def test_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")


def test_a_lost_race_on_the_same_text_is_a_duplicate(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = make_doc("Two writers store the same article at the same moment.")
    first = store.add_document(doc, [], None)
    monkeypatch.setattr(writer, "existing_document", lambda connection, content_hash: None)
    again = store.add_document(doc, [_position(doc.source)], None)
    assert (again.status, again.document_id) == ("duplicate", first.document_id)
    assert list(store.positions()) == []


def test_revision_changes_with_every_write_a_reader_sees(store: Store) -> None:
    """The dashboard's caches are keyed by it: a document, a run, a re-grade each move it."""
    seen = [store.revision()]
    doc = make_doc("Revision text.", outlet="Reuters", published=date(2025, 1, 5))
    store.add_document(doc, [_position(doc.source)], None)
    seen.append(store.revision())
    store.begin_run("test.v1")
    seen.append(store.revision())
    store.set_outlet("reuters", reliability="C")
    seen.append(store.revision())
    assert len(set(seen)) == len(seen)
    assert store.revision() == seen[-1]  # reading changes nothing
