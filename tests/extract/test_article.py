"""A whole wire-style article written for this test: every stance found, nothing more."""

from __future__ import annotations

from collections.abc import Callable

from guarantor.domain import Position

ARTICLE = """Nordic and Baltic leaders back reassurance force, Berlin hesitant

RIGA, 14 March 2025 - Leaders of the Nordic and Baltic states said on Friday they were ready to contribute to a multinational force in Ukraine once a ceasefire is agreed, while Germany said it was too early to talk about sending troops.

"Estonia is prepared to send a company of soldiers," Prime Minister Kristen Michal told reporters after the meeting. Latvian officials said Riga would consider a contribution but that parliament must approve any deployment.

Finland, which shares a long border with Russia, said it would not send ground troops but would continue to supply weapons and ammunition to Kyiv. Sweden has not ruled out sending fighter jets for air policing, its defence minister said.

German Chancellor Friedrich Merz said Berlin wanted a clear mandate before any decision. "We will not take part without the Americans," he said, adding that a US backstop was essential.

Moscow rejected the plans. "Any deployment of NATO troops to Ukraine is absolutely unacceptable for us," Kremlin spokesman Dmitry Peskov said.

The Wall Street Journal reported that Washington was reluctant to provide air cover. According to the newspaper, US officials favour new sanctions on Russian oil instead.

Back in 2022, Norway pledged 7.5 billion euros in military aid.
"""

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
