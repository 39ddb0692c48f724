"""End to end on short articles written for these tests (several machine-translation style)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from guarantor.domain import Position

Triples = Callable[[str], set[tuple[str, str, str]]]

CASES = [
    # plain stances and negation scope
    ("Spain is ready to send troops to Ukraine.", {("ESP", "ground_troops", "support")}),
    ("Spain will not send troops to Ukraine.", {("ESP", "ground_troops", "oppose")}),
    ("Poland does not plan to deploy its soldiers.", {("POL", "ground_troops", "oppose")}),
    (
        "Sweden has not ruled out joining the reassurance force.",
        {("SWE", "ground_troops", "uncertain")},
    ),
    (
        "The Kremlin categorically rejects any NATO troops in Ukraine.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    ("Denmark backs new sanctions on Russia.", {("DNK", "sanctions", "support")}),
    ("Hungary opposes Ukraine's NATO membership.", {("HUN", "nato_membership", "oppose")}),
    # clauses keep stances apart
    (
        "Romania will fund air policing, but it will not send ground troops.",
        {("ROU", "air_support", "support"), ("ROU", "ground_troops", "oppose")},
    ),
    # conditions
    (
        "The Dutch government will deploy soldiers only with US backing.",
        {("NLD", "ground_troops", "conditional")},
    ),
    (
        "Any Czech peacekeeping mission must be coordinated with Moscow, "
        "the Czech defence minister said.",
        {("CZE", "ground_troops", "conditional")},
    ),
    # coreference: pronouns, the relative clause skipped, coordination
    (
        "Finland, which borders Russia, says it will provide air defence systems.",
        {("FIN", "military_aid", "support")},
    ),
    (
        "The Norwegians met in Oslo. They refused to send troops.",
        {("NOR", "ground_troops", "oppose")},
    ),
    (
        "Estonia and Latvia are willing to contribute to a peacekeeping mission.",
        {("EST", "ground_troops", "support"), ("LVA", "ground_troops", "support")},
    ),
    # passive with the holder after the cue
    (
        "The plan for Article 5-style protection was rejected by Slovakia.",
        {("SVK", "collective_defense", "oppose")},
    ),
    # what is not a position
    ("Which country would send troops?", set()),
    ("Washington asks whether Portugal would send troops.", set()),
    ("Former Dutch minister Jan de Vries said the Netherlands must send troops.", set()),
    ("In 1994 Britain committed to security guarantees.", set()),
]

GARBLED = [
    # machine-translation style: "develop" for deploy, garbled names, odd word order
    (
        "Prime Minister Kirm declared that the Great Britain is ready to develop soldiers "
        "in Ukraine.",
        {("GBR", "ground_troops", "support")},
    ),
    (
        "Italian premier Melloni is cautious about sending of soldiers to Ukraine.",
        {("ITA", "ground_troops", "oppose")},
    ),
    (
        "President Zelenski demanded that Ukraine be gived steadfast security guarantees.",
        {("UKR", "security_guarantee", "support")},
    ),
    (
        "Moscow is categorically opposed to the development of NATO military extracts in Ukraine.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES + GARBLED)
def test_triples(triples: Triples, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_conditions_are_recorded(extract: Callable[[str], list[Position]]) -> None:
    text = "Canada would send troops once a ceasefire is signed and only under a UN mandate."
    [position] = extract(text)
    assert position.stance.value == "conditional"
    assert {c.value for c in position.conditions} == {"ceasefire_first", "mandate"}


def test_named_members_replace_europe(triples: Triples) -> None:
    text = "Europe is ready to deploy reassurance forces – Dutch, Belgian and others."
    assert triples(text) == {
        ("NLD", "ground_troops", "support"),
        ("BEL", "ground_troops", "support"),
    }


def test_unnamed_europeans_are_europe(triples: Triples) -> None:
    text = "Many European governments are ready to provide security guarantees."
    assert triples(text) == {("EUROPE", "security_guarantee", "support")}


def test_preference_supports_one_option_and_opposes_the_other(triples: Triples) -> None:
    text = "Slovenia said it is better to offer a defensive pact than troops."
    assert triples(text) == {
        ("SVN", "collective_defense", "support"),
        ("SVN", "ground_troops", "oppose"),
    }


MORE = [
    ("Meloni: “We will not send soldiers to Ukraine.”", {("ITA", "ground_troops", "oppose")}),
    ("Italy says no to troops in Ukraine", {("ITA", "ground_troops", "oppose")}),
    # an infinitive under a stance verb: the refusal wins, an intent passes the inner verb on
    ("Slovakia refuses to support new sanctions.", {("SVK", "sanctions", "oppose")}),
    ("Poland decided to reject the deployment of troops.", {("POL", "ground_troops", "oppose")}),
    ("Greece continues to reject sending troops.", {("GRC", "ground_troops", "oppose")}),
    ("Norway's offer of troops was welcomed in Kyiv.", {("NOR", "ground_troops", "support")}),
    (
        "France and Britain met in London. Both countries are ready to send troops.",
        {("FRA", "ground_troops", "support"), ("GBR", "ground_troops", "support")},
    ),
    (
        "The plan to send peacekeepers was backed by Norway but rejected by Hungary.",
        {("NOR", "ground_troops", "support"), ("HUN", "ground_troops", "oppose")},
    ),
    (
        "Turkey, a NATO member with the alliance's largest army, has offered to lead a naval "
        "task force.",
        {("TUR", "naval_support", "support")},
    ),
    (
        "Japan, which cannot deploy troops abroad, will instead provide financial assistance.",
        {("JPN", "ground_troops", "oppose"), ("JPN", "financial_aid", "support")},
    ),
    (
        "According to the Estonian defence ministry, Tallinn has earmarked soldiers "
        "for the mission.",
        {("EST", "ground_troops", "support")},
    ),
    ("The EU approved a €90bn loan for Kyiv.", {("EU", "financial_aid", "support")}),
    ("Germany pledged €2 billion in military aid.", {("DEU", "military_aid", "support")}),
    # neutrality is the converse of NATO membership
    ("Moscow insists on Ukraine's neutral status.", {("RUS", "nato_membership", "oppose")}),
    (
        "Germany's participation in the reassurance force will depend on a US backstop.",
        {("DEU", "ground_troops", "conditional")},
    ),
    (
        "Sweden declined to say whether it would send troops.",
        {("SWE", "ground_troops", "uncertain")},
    ),
    ("Austria won't send soldiers.", {("AUT", "ground_troops", "oppose")}),
    ("The EU disbursed another tranche to Ukraine.", {("EU", "financial_aid", "support")}),
    ("Denmark balked at sending troops.", {("DNK", "ground_troops", "oppose")}),
    ("Hungary blocks Ukraine's NATO bid.", {("HUN", "nato_membership", "oppose")}),
    ("Austria could join an observer mission.", {("AUT", "monitoring", "uncertain")}),
    ("Greece will take part in a naval mission.", {("GRC", "naval_support", "support")}),
    ("Spain denied reports that it would send troops.", {("ESP", "ground_troops", "oppose")}),
    (
        "Belgium will send soldiers as long as there is a ceasefire.",
        {("BEL", "ground_troops", "conditional")},
    ),
    (
        "Rome is wary of deploying soldiers to Ukraine, saying a defensive pact would be wiser "
        "than troops.",
        {("ITA", "ground_troops", "oppose"), ("ITA", "collective_defense", "support")},
    ),
    # a verb between the cue and the option turns the option around
    (
        "Moscow demands that Ukraine renounce NATO membership.",
        {("RUS", "nato_membership", "oppose")},
    ),
    ("Slovakia refuses to lift sanctions.", {("SVK", "sanctions", "support")}),
    ("Italy wants to lift sanctions on Russia.", {("ITA", "sanctions", "oppose")}),
    (
        "Italian Prime Minister Giorgia Meloni met reporters. “We will not send troops,” she said.",
        {("ITA", "ground_troops", "oppose")},
    ),
    (
        "Neither France nor Germany will send troops.",
        {("FRA", "ground_troops", "oppose"), ("DEU", "ground_troops", "oppose")},
    ),
    (
        "The Kremlin said the deployment of foreign troops would be unacceptable.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    ("Britain is expected to send troops.", {("GBR", "ground_troops", "uncertain")}),
    (
        "Germany delivered two more Patriot systems to Ukraine.",
        {("DEU", "military_aid", "support")},
    ),
    (
        "The EU's new package of sanctions was blocked by Slovakia.",
        {("SVK", "sanctions", "oppose")},
    ),
    ("France announced that it will not send troops.", {("FRA", "ground_troops", "oppose")}),
    ("Britain is training Ukrainian soldiers.", {("GBR", "military_aid", "support")}),
    (
        "The Polish government supports Ukraine's bid to join NATO but rejects sending troops.",
        {("POL", "nato_membership", "support"), ("POL", "ground_troops", "oppose")},
    ),
    ("Kyiv fears that the reassurance force will never materialise.", set()),
    (
        "Russia's ambassador warned that German weapons deliveries would escalate the war.",
        set(),
    ),
    (
        "The French government said it would consider sending troops.",
        {("FRA", "ground_troops", "uncertain")},
    ),
    ("Belgium might contribute soldiers, officials said.", {("BEL", "ground_troops", "uncertain")}),
    (
        "The Danish parliament approved sending soldiers to Ukraine.",
        {("DNK", "ground_troops", "support")},
    ),
    (
        "Norway has offered to send frigates to the Black Sea mission.",
        {("NOR", "naval_support", "support")},
    ),
    (
        "The White House has said there will be no American boots on the ground.",
        {("USA", "ground_troops", "oppose")},
    ),
    (
        "Putin said Russia would not accept NATO troops in Ukraine under any circumstances.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
    ("Kyiv has asked allies for more air defence systems.", {("UKR", "military_aid", "support")}),
    ("The EU agreed a new package of sanctions against Russia.", {("EU", "sanctions", "support")}),
    (
        "Croatia is open to sending troops if there is a UN mandate.",
        {("HRV", "ground_troops", "conditional")},
    ),
    (
        "Australia said it was prepared to consider contributing to a peacekeeping force.",
        {("AUS", "ground_troops", "uncertain")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_more_constructions(
    triples: Triples, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(text) == expected
