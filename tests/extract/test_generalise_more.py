"""More general rules: interviews, accents, phrasings of stances, options and conditions.

Each case is a short sentence written for this test (see test_generalise.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from guarantor.domain import Position
from guarantor.extract.spans import Annotated

Triples = Callable[[str], set[tuple[str, str, str]]]


def test_interview_answers_are_the_interviewees(triples: Triples) -> None:
    text = (
        "Interview with Finnish Defence Minister Antti Hakkanen\n\n"
        "Q: Will Finland send troops to Ukraine?\n"
        "A: We are ready to contribute to a reassurance force. But we will not send warships.\n\n"
        "Q: And jets?\n"
        "Hakkanen: We could provide jets for air policing.\n"
    )
    assert triples(text) == {
        ("FIN", "ground_troops", "support"),
        ("FIN", "naval_support", "oppose"),
        ("FIN", "air_support", "uncertain"),
    }


def test_accented_spellings_find_plain_aliases(triples: Triples) -> None:
    # the registry spells the seat "Elysee"; articles write "Élysée"
    assert triples("The Élysée is ready to send troops.") == {("FRA", "ground_troops", "support")}


def test_preparing_takes_its_object(triples: Triples) -> None:
    assert triples(
        "EU foreign policy chief Kaja Kallas said the bloc is preparing new sanctions."
    ) == {("EU", "sanctions", "support")}


PHRASINGS = [
    ("Spain is ready in principle to send troops.", "support"),
    ("Spain is keen on sending troops.", "support"),
    ("Spain will not be sending troops.", "oppose"),
    ("Spain has turned down a request to send troops.", "oppose"),
    ("Spain said sending troops was not on the agenda.", "oppose"),
    ("Spain is lukewarm about sending troops.", "uncertain"),
    ("Spain has doubts about sending troops.", "uncertain"),
    ("Spain would not hesitate to send troops.", "support"),
]


@pytest.mark.parametrize(("text", "stance"), PHRASINGS)
def test_stance_phrasings(triples: Triples, text: str, stance: str) -> None:
    assert triples(text) == {("ESP", "ground_troops", stance)}


OPTION_PHRASINGS = [
    ("Spain is ready to send military trainers.", "ground_troops"),
    ("Spain is ready to escort grain ships.", "naval_support"),
    ("Spain is ready to help secure the Black Sea.", "naval_support"),
    ("Spain is ready to send observers.", "monitoring"),
    ("Spain is ready to back a Coalition of the Willing force.", "ground_troops"),
    ("Spain is ready to share intelligence.", "military_aid"),
]


@pytest.mark.parametrize(("text", "option"), OPTION_PHRASINGS)
def test_option_phrasings(triples: Triples, text: str, option: str) -> None:
    assert triples(text) == {("ESP", option, "support")}


CONDITION_PHRASINGS = [
    ("Spain would send troops provided there is an American security guarantee.", "us_backstop"),
    ("Spain would send troops but only under American air cover.", "us_backstop"),
    ("Spain would send troops as long as Moscow agrees.", "russia_consent"),
    ("Spain would send troops if others share the costs.", "payment"),
    ("Spain would send troops if all allies agree.", "collective_decision"),
    ("Spain could send troops if the Cortes agrees.", "parliament_approval"),
]


@pytest.mark.parametrize(("text", "condition"), CONDITION_PHRASINGS)
def test_condition_phrasings(
    extract: Callable[[str], list[Position]], text: str, condition: str
) -> None:
    found = {(p.triple, tuple(c.value for c in p.conditions)) for p in extract(text)}
    assert found == {(("ESP", "ground_troops", "conditional"), (condition,))}


RUSSIAN_REJECTIONS = [
    "Peskov said Moscow views the presence of foreign forces as a threat.",
    "The Kremlin has repeatedly said it will not agree to European troops in Ukraine.",
    "Moscow considers the presence of Western soldiers in Ukraine an escalation.",
    "Zakharova said any Western contingent in Ukraine would become a legitimate target.",
]


@pytest.mark.parametrize("text", RUSSIAN_REJECTIONS)
def test_russian_rejections(triples: Triples, text: str) -> None:
    assert triples(text) == {("RUS", "western_troops_in_ukraine", "oppose")}


def test_never_before_an_option_turns_it_around(triples: Triples) -> None:
    assert triples("Russia insists that Ukraine must never join NATO.") == {
        ("RUS", "nato_membership", "oppose")
    }


def test_the_27_and_the_union_are_the_eu(triples: Triples) -> None:
    assert triples("The 27 agreed to extend sanctions.") == {("EU", "sanctions", "support")}
    assert triples("The Union will extend sanctions.") == {("EU", "sanctions", "support")}


def test_several_options_and_actors_in_one_sentence(triples: Triples) -> None:
    assert triples("Poland will send weapons, not troops.") == {
        ("POL", "military_aid", "support"),
        ("POL", "ground_troops", "oppose"),
    }
    assert triples("Germany backs air policing, while France will lead the ground force.") == {
        ("DEU", "air_support", "support"),
        ("FRA", "ground_troops", "support"),
    }
    assert triples("Spain and Portugal will contribute ships.") == {
        ("ESP", "naval_support", "support"),
        ("PRT", "naval_support", "support"),
    }
    # an emphatic double negation in translated text stays a refusal
    assert triples("Slovakia will not send to Ukraine not one bullet.") == {
        ("SVK", "military_aid", "oppose")
    }


def test_article5_like_guarantees_are_collective_defence_only(triples: Triples) -> None:
    assert triples("France backs Article 5-like security guarantees for Ukraine.") == {
        ("FRA", "collective_defense", "support")
    }


TRANSLATION_SYNTAX = [
    (
        "The sending of Spanish soldiers is excluded, communicated the Moncloa.",
        {("ESP", "ground_troops", "oppose")},
    ),
    (
        "For Hungary, the entry of Ukraine in the NATO is unacceptable.",
        {("HUN", "nato_membership", "oppose")},
    ),
    (
        "The minister Sikorski let understand that Poland is favourable to new sanctions.",
        {("POL", "sanctions", "support")},
    ),
    ("Berlin is contrary to the sending of troops.", {("DEU", "ground_troops", "oppose")}),
]


@pytest.mark.parametrize(("text", "expected"), TRANSLATION_SYNTAX)
def test_translation_syntax(
    triples: Triples, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(text) == expected


def test_commanding_the_force_is_a_troop_pledge(triples: Triples) -> None:
    assert triples("Italy has offered to take command of the reassurance force.") == {
        ("ITA", "ground_troops", "support")
    }


def test_a_price_per_barrel_is_not_aid(triples: Triples) -> None:
    assert triples("The G7 agreed to lower the price cap to $45 a barrel.") == {
        ("G7", "sanctions", "support")
    }


def test_a_relative_clause_holds_for_its_antecedent(triples: Triples) -> None:
    text = (
        "Pistorius met his counterparts from the Nordic states, who have pledged support "
        "for the reassurance force."
    )
    assert triples(text) == set()
    assert triples("Germany met Poland, which wants sanctions.") == {
        ("POL", "sanctions", "support")
    }


def test_economy_minister_is_an_office(annotate: Callable[[str], Annotated]) -> None:
    doc = annotate("Italy's Economy Minister said Rome has doubts about confiscation.")
    kinds = {(m.actor, m.kind) for m in doc.mentions}
    assert ("ITA", "office") in kinds


def test_a_guarantee_against_attack_is_a_security_guarantee(triples: Triples) -> None:
    assert triples("Kyiv wants a guarantee that Russia will not attack again.") == {
        ("UKR", "security_guarantee", "support")
    }
    assert triples("Brussels approved a guarantee of 5 billion for the loan.") == set()


def test_money_words_need_their_context(triples: Triples) -> None:
    assert triples("Canada wants to use the principal, not just the interest.") == {
        ("CAN", "financial_aid", "support")
    }
    assert triples("Poland backs the principal aim of the mission.") == set()
    assert triples("Japan will disburse a new tranche of military aid.") == {
        ("JPN", "military_aid", "support")
    }


def test_a_time_phrase_between_cue_and_that(triples: Triples) -> None:
    assert triples("Lisbon did not exclude on Monday that Portugal sends soldiers.") == {
        ("PRT", "ground_troops", "uncertain")
    }
