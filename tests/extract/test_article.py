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


TRANSLATED = (Path(__file__).parent / "data" / "translated_article.txt").read_text(encoding="utf-8")


def test_machine_translated_article(extract: Callable[[str], list[Position]]) -> None:
    """Garbled names (Sxof, Peskof), odd titles and idioms ("interruption of the fires")."""
    positions = extract(TRANSLATED)
    assert {p.triple for p in positions} == {
        ("NLD", "ground_troops", "conditional"),
        ("ESP", "ground_troops", "uncertain"),
        ("ITA", "ground_troops", "oppose"),
        ("ITA", "collective_defense", "support"),
        ("DEU", "ground_troops", "conditional"),
        ("RUS", "western_troops_in_ukraine", "oppose"),
    }
    conditions = {p.actor: [c.value for c in p.conditions] for p in positions if p.conditions}
    assert conditions == {"NLD": ["ceasefire_first"], "DEU": ["parliament_approval"]}
