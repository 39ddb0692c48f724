"""Grades: credibility from directness, improved by independent corroboration."""

from __future__ import annotations

from collections.abc import Callable

from guarantor.domain import Document, Position
from guarantor.extract import build_pipeline
from guarantor.extract.record import SourcedPosition, regrade


def _grades(extract: Callable[[str], list[Position]], text: str) -> list[str]:
    return [p.grade.code for p in extract(text)]


def test_credibility_follows_directness(extract: Callable[[str], list[Position]]) -> None:
    assert _grades(extract, "Belgium will send troops, the Belgian Prime Minister said.") == ["F2"]
    assert _grades(extract, "Belgium will send troops, a senior Belgian official said.") == ["F3"]
    assert _grades(extract, "Politico believes Belgium will send troops.") == ["F4"]


def test_reliability_comes_from_the_outlet_grade() -> None:
    document = Document(source="x", text="Austria will impose sanctions.", content_hash="h")
    [position] = build_pipeline()(document, outlet_reliability="B")
    assert position.grade.code == "B2"


def test_independent_sources_raise_credibility(extract: Callable[[str], list[Position]]) -> None:
    [position] = extract("Malta will impose new sanctions.")
    same_story = [SourcedPosition(position, "c1", "reuters"), SourcedPosition(position, "c1", "ap")]
    assert [p.grade.credibility for p in regrade(same_story)] == [2, 2]
    independent = [
        SourcedPosition(position, "c1", "reuters"),
        SourcedPosition(position, "c2", "ap"),
        SourcedPosition(position, "c3", "bbc"),
    ]
    assert [p.grade.credibility for p in regrade(independent)] == [1, 1, 1]
    one_outlet = [SourcedPosition(position, "c1", "ap"), SourcedPosition(position, "c2", "ap")]
    assert [p.grade.credibility for p in regrade(one_outlet)] == [2, 2]
