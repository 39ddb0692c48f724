"""Options, stance cues and conditions as the lexicons define them."""

from __future__ import annotations

import pytest

from guarantor.extract.cues import ConditionFinder, CueFinder, OptionFinder
from guarantor.extract.lexicon import load_lexicon

LEX = load_lexicon()


def _options(text: str) -> list[str]:
    return [h.label for h in OptionFinder(LEX).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ready to put boots on the ground", ["ground_troops"]),
        ("opposes NATO troops in Ukraine", ["western_troops_in_ukraine"]),
        ("a pledge of military assistance within 48 hours", ["collective_defense"]),
        ("an Article 5-like guarantee", ["collective_defense"]),
        ("backs Ukraine's NATO membership", ["nato_membership"]),
        ("will fund air policing", ["air_support"]),
        ("mine clearance in the Black Sea", ["naval_support"]),
        ("new sanctions", ["sanctions"]),
        ("more Patriot systems", ["military_aid"]),
        ("demands firm military and financial guarantees", ["security_guarantee", "financial_aid"]),
    ],
)
def test_option_cues(text: str, expected: list[str]) -> None:
    assert _options(text) == expected


def test_without_removes_an_option() -> None:
    assert _options("protection without membership in NATO") == []


def test_first_matching_stance_cue_wins() -> None:
    hits = CueFinder(LEX).find(
        "Lisbon does not rule out it and rejects that; Riga is ready to act."
    )
    assert [h.label for h in hits] == ["uncertain", "oppose", "support"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("only with US support", "us_backstop"),
        ("once a ceasefire is agreed", "ceasefire_first"),
        ("in the event of an end of hostilities", "ceasefire_first"),
        ("the Bundestag must approve it", "parliament_approval"),
        ("coordinated with Moscow", "russia_consent"),
        ("under a UN mandate", "mandate"),
        ("they will be paid for it", "payment"),
        ("something in return", "quid_pro_quo"),
        ("if the allies decide together", "collective_decision"),
    ],
)
def test_condition_cues(text: str, key: str) -> None:
    assert [h.label for h in ConditionFinder(LEX).find(text)] == [key]
