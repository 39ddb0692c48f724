"""General rules that carry the extractor beyond the seed articles' wording.

Each case is a short sentence written for this test: one rule each (cue
robustness, option vocabulary, rejection idioms, conditions, attribution).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from guarantor.extract.lexicon import quote_tolerant

Triples = Callable[[str], set[tuple[str, str, str]]]

CUE_ROBUSTNESS = [
    # a word between modal and verb
    ("Latvia will also contribute soldiers to the mission.", {("LVA", "ground_troops", "support")}),
    ("Croatia would certainly send troops.", {("HRV", "ground_troops", "support")}),
    # quotation marks inside a cue phrase, in several typographies
    (
        'Belgium would be "part of" any security guarantee.',
        {("BEL", "security_guarantee", "support")},
    ),
    (
        "Moscow said Western troops in Ukraine were «absolutely unacceptable».",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    (
        "Moscow said that foreign troops in Ukraine would be treated as a „legitimate target“.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    # translation idiom for "did not rule out"
    ("Portugal did not discard sending troops.", {("PRT", "ground_troops", "uncertain")}),
    (
        "The Kremlin called foreign troops in Ukraine a red line.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    # a pledge noun followed by its content is not "the pledge of <holder>"
    (
        "Canada offered a pledge of assistance in case of a renewed attack.",
        {("CAN", "collective_defense", "support")},
    ),
]

VOCABULARY = [
    ("Japan will disburse a new tranche to Ukraine.", {("JPN", "financial_aid", "support")}),
    ("Denmark continues to support Ukraine's budget.", {("DNK", "financial_aid", "support")}),
    (
        "Sweden has endorsed the plan to use the frozen assets.",
        {("SWE", "financial_aid", "support")},
    ),
    ("Ireland is pressing for a reparations loan.", {("IRL", "financial_aid", "support")}),
    ("Norway announced sanctions on 30 more tankers.", {("NOR", "sanctions", "support")}),
    ("Austria is blocking the sanctions package.", {("AUT", "sanctions", "oppose")}),
    ("Greece is aligning with EU sanctions.", {("GRC", "sanctions", "support")}),
    ("Slovakia would veto any invitation to Kyiv.", {("SVK", "nato_membership", "oppose")}),
    (
        "Washington has taken Ukraine's membership off the table.",
        {("USA", "nato_membership", "oppose")},
    ),
    (
        "Zelensky keeps asking for an invitation to join NATO.",
        {("UKR", "nato_membership", "support")},
    ),
    ("NATO said Ukraine's path to NATO is irreversible.", {("NATO", "nato_membership", "support")}),
    (
        "Moscow said the accession of Kyiv to NATO is excluded.",
        {("RUS", "nato_membership", "oppose")},
    ),
    ("Estonia will train Ukrainian soldiers.", {("EST", "military_aid", "support")}),
    ("Romania will send minehunters to the Black Sea.", {("ROU", "naval_support", "support")}),
    (
        "The Czech Republic will put at disposal its ships for demining of the Black Sea.",
        {("CZE", "naval_support", "support")},
    ),
    ("Italy will contribute personnel to the force.", {("ITA", "ground_troops", "support")}),
    ("Finland will send 200 men.", {("FIN", "ground_troops", "support")}),
    (
        "Belgium has committed to help Ukraine if it is attacked again.",
        {("BEL", "collective_defense", "support")},
    ),
    ("France promised Ukraine robust guarantees.", {("FRA", "security_guarantee", "support")}),
    (
        "Spain is ready to take part in guarantees for Ukraine.",
        {("ESP", "security_guarantee", "support")},
    ),
    # the bare "guarantees" gives way to the form named after it, and money is not troops
    (
        "Austria supports guarantees of the Article 5 type for Kyiv.",
        {("AUT", "collective_defense", "support")},
    ),
    ("Norway pledged 2 billion euros in military aid.", {("NOR", "military_aid", "support")}),
]


@pytest.mark.parametrize(("text", "expected"), CUE_ROBUSTNESS + VOCABULARY)
def test_general_rules(triples: Triples, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_negated_new_cues_do_not_support(triples: Triples) -> None:
    assert triples("Latvia will not also contribute soldiers.") == {
        ("LVA", "ground_troops", "oppose")
    }
    assert ("JPN", "financial_aid", "support") not in triples(
        "Japan will not disburse the tranche."
    )


def test_quote_tolerant_keeps_classes_and_lookbehinds() -> None:
    widened = quote_tolerant("a[- ]b(?<=in the)c d")
    assert "[- ]" in widened and "(?<=in the)" in widened
    assert widened.count("{1,3}") == 1  # only the space between "c" and "d"
