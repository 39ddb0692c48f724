"""A whole wire-style article written for this test: every stance found, nothing more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from guarantor.domain import Position

ARTICLE = (Path(__file__).parent / "data" / "wire_article.txt").read_text(encoding="utf-8")

EXPECTED = {
    ("DEU", "ground_troops", "uncertain"),
    ("EST", "ground_troops", "support"),
    ("LVA", "ground_troops", "conditional"),
    ("FIN", "ground_troops", "oppose"),
    ("FIN", "military_aid", "support"),
    ("SWE", "air_support", "uncertain"),
    ("RUS", "western_troops_in_ukraine", "oppose"),
    ("USA", "air_support", "oppose"),
    ("USA", "sanctions", "support"),
    ("NOR", "military_aid", "support"),
}


def test_article_positions(extract: Callable[[str], list[Position]]) -> None:
    positions = extract(ARTICLE)
    assert {p.triple for p in positions} == EXPECTED
    by_triple = {p.triple: p for p in positions}
    latvia = by_triple[("LVA", "ground_troops", "conditional")]
    assert [c.value for c in latvia.conditions] == ["parliament_approval"]
    assert by_triple[("USA", "sanctions", "support")].reported_by == "The Wall Street Journal"
    assert by_triple[("RUS", "western_troops_in_ukraine", "oppose")].speaker == "Dmitry Peskov"
    for position in positions:
        assert ARTICLE[position.start : position.end] == position.quote
