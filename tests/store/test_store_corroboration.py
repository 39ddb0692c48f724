"""Corroboration: independent sources per triple, counted by the database."""

from __future__ import annotations

from store_docs import make_doc

from guarantor.domain import Grade, Option, Position, Stance
from guarantor.extract.record import corroborated
from guarantor.store import Store


def _oppose(source: str, actor: str = "POL") -> Position:
    return Position(
        document=source,
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=Stance.OPPOSE,
        quote="Poland",
        start=0,
        end=6,
        grade=Grade(reliability="B", credibility=3),
        extractor="test.v1",
    )


def _add(store: Store, text: str, outlet: str | None, actor: str = "POL") -> None:
    doc = make_doc(text, source=f"{outlet}-{len(text)}.txt", outlet=outlet)
    store.add_document(doc, [_oppose(doc.source, actor)], None)


def test_outlets_and_clusters_both_must_differ(store: Store) -> None:
    _add(store, "Poland will not send troops to Ukraine, its defence minister said.", "Reuters")
    _add(
        store, "Warsaw rules out a deployment, the Polish prime minister told reporters.", "Reuters"
    )
    _add(store, "Poland has no plans to put soldiers on the ground, an official said today.", "BBC")
    _add(store, "Berlin will not send troops either, the chancellor said on Monday.", "BBC", "DEU")
    counts = store.corroboration()
    assert counts[("POL", "ground_troops", "oppose")] == 2  # three clusters, two outlets
    assert counts[("DEU", "ground_troops", "oppose")] == 1
    assert store.corroboration(actor="DEU") == {("DEU", "ground_troops", "oppose"): 1}


def test_unknown_outlets_count_as_their_own(store: Store) -> None:
    _add(store, "Poland will not send troops to Ukraine, its defence minister said.", None)
    _add(store, "Warsaw rules out a deployment, the Polish prime minister told reporters.", None)
    assert store.corroboration()[("POL", "ground_troops", "oppose")] == 2


def test_corroborated_grade_improves_by_one_per_extra_source() -> None:
    grade = Grade(reliability="C", credibility=3)
    assert corroborated(grade, 1) == grade
    assert corroborated(grade, 2).code == "C2"
    assert corroborated(grade, 9).code == "C1"
    assert corroborated(grade, 0) == grade
