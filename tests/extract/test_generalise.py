"""General rules that carry the extractor beyond the seed articles' wording.

Each case is a short sentence written for this test: one rule each (cue
robustness, option vocabulary, rejection idioms, conditions, attribution).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from guarantor.domain import Position
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

SCOPE = [
    # a refusal verb negates the support cue after it; a refused hedge stays a hedge
    (
        "The United States declined to back a seizure of the assets.",
        {("USA", "financial_aid", "oppose")},
    ),
    ("Poland refused to rule out sending troops.", {("POL", "ground_troops", "uncertain")}),
    # "its commitment to" belongs to the subject, not to an earlier "it"
    (
        "Sweden reaffirmed its commitment to providing security guarantees.",
        {("SWE", "security_guarantee", "support")},
    ),
    (
        "Spain offers jets for the surveillance of the Ukrainian airspace.",
        {("ESP", "air_support", "support")},
    ),
    ("Kyiv said it needs money to keep paying soldiers.", set()),
    (
        "The US will not extend Article 5 guarantees to Kyiv.",
        {("USA", "collective_defense", "oppose")},
    ),
    # a fronted condition governs every option of the sentence
    (
        "Once a ceasefire is in place, Belgium will deploy forces on land, in the air and at sea.",
        {
            ("BEL", "ground_troops", "conditional"),
            ("BEL", "air_support", "conditional"),
            ("BEL", "naval_support", "conditional"),
        },
    ),
    # what the condition asks of the US is not a pledge of the holder
    (
        "Norway will send troops only if the US provides air cover.",
        {("NOR", "ground_troops", "conditional")},
    ),
    # a hedge tied to a condition is conditional
    (
        "Ireland would consider sending troops after a ceasefire.",
        {("IRL", "ground_troops", "conditional")},
    ),
]

ATTRIBUTION = [
    # a place after a locative preposition is not a speaker
    (
        "The officials said the support could include air defence flown from bases in Poland.",
        set(),
    ),
    # a recipient right after a verb of giving is not the subject
    (
        "The so-called 'Coalition of the Resolute' has promised Kiev robust security guarantees.",
        {("COALITION", "security_guarantee", "support")},
    ),
    (
        "Washington was ready to offer Kyiv a pledge of assistance in case of a renewed attack.",
        {("USA", "collective_defense", "support")},
    ),
    # "On the other hand," is not a verb of giving
    (
        "On the other hand, Zelensky wants security guarantees.",
        {("UKR", "security_guarantee", "support")},
    ),
    # a dateline names a place, not the holder of the stance
    (
        "OSLO, May 2 (Wire) - The ministers said they would send troops.",
        set(),
    ),
    # the US's own stance is not conditional on a US backstop
    (
        "The United States will provide air support but will not send troops "
        "without a US backstop.",
        {("USA", "air_support", "support"), ("USA", "ground_troops", "oppose")},
    ),
    # a negation in an earlier comma-separated aside does not reach the cue
    (
        "A Danish official, speaking because the plans are not public, said Denmark was "
        "prepared to send troops.",
        {("DNK", "ground_troops", "support")},
    ),
    # "they" is not the recipient named in "a force for Ukraine"
    (
        "Nordic ministers met on Monday. They want a reassurance force for Ukraine.",
        set(),
    ),
    # nationality + troop noun in subject position: whose troops
    (
        "Dutch soldiers could take part in a reassurance force.",
        {("NLD", "ground_troops", "uncertain")},
    ),
    (
        "Moscow said that Dutch soldiers in Ukraine would be a legitimate target.",
        {("RUS", "western_troops_in_ukraine", "oppose")},
    ),
]

COREFERENCE = [
    # a current title wins over the person's former office; "the alliance" is NATO
    (
        "NATO Secretary-General Mark Rutte said the alliance would not deploy troops. "
        '"We will not send troops," he said.',
        {("NATO", "ground_troops", "oppose")},
    ),
    # a name inside an option's words is its object, not the holder
    (
        "Prime Minister Carney reiterated Canada's support for Ukraine's irreversible path to "
        "NATO membership.",
        {("CAN", "nato_membership", "support")},
    ),
    (
        "Ukraine's accession to NATO is excluded, the Russian minister said.",
        {("RUS", "nato_membership", "oppose")},
    ),
    # "the alliance" is NATO only as a subject of its own
    (
        "Members of the alliance are distancing themselves from Ukraine's accession to NATO.",
        set(),
    ),
    (
        "Turkey, with the alliance's second-largest army, has offered to lead a naval task force.",
        {("TUR", "naval_support", "support")},
    ),
    # an unnamed group as subject is no one's stance, not the speaker's
    ("Rutte said several allies are ready to contribute jets to air policing.", set()),
    # a force noun owned by a state, subject of "will take part"
    (
        "Bulgaria's navy will take part as well, the defence minister said.",
        {("BGR", "naval_support", "support")},
    ),
    # a name after a possessive, before a colon, speaks for the state
    ('Spain\'s Sanchez: "We will not send soldiers."', {("ESP", "ground_troops", "oppose")}),
    # a recalled stance is recorded; an old agreement is not a stance
    (
        "At the summit in 2008, Germany refused to give Ukraine a Membership Action Plan.",
        {("DEU", "nato_membership", "oppose")},
    ),
    ("In 2010 Britain signed an agreement on security guarantees.", set()),
    # a limiting tail ("but only with ...") conditions the clause before it
    (
        "The Greek navy can take part in the mine clearance in the Black Sea, but only with a "
        "mandate of the United Nations.",
        {("GRC", "naval_support", "conditional")},
    ),
    # a condition after an anaphoric option ("such a guarantee") conditions it
    (
        "Belgium discussed security guarantees. Belgium would join such a guarantee only as "
        "part of a collective decision of its allies.",
        {("BEL", "security_guarantee", "conditional")},
    ),
]

SECOND_ANNOTATOR = [
    # a possessive title is a person "she" can refer back to
    (
        "Spain's defence minister met her counterparts on Monday. "
        '"We will send troops once there is a ceasefire," she said.',
        {("ESP", "ground_troops", "conditional")},
    ),
    # a negation before "that" belongs to the main verb
    ("Poland does not hide that it wants more sanctions.", {("POL", "sanctions", "support")}),
    # a declined answer is not support
    (
        "Meloni declined to say whether Italy would send troops.",
        {("ITA", "ground_troops", "uncertain")},
    ),
    # sanctions wording; "the bloc" is the EU; a current EU title wins over a former office
    (
        "The EU adopted its 19th package of restrictive measures against Russia.",
        {("EU", "sanctions", "support")},
    ),
    (
        "The bloc will impose new sanctions, EU foreign policy chief Kaja Kallas said.",
        {("EU", "sanctions", "support")},
    ),
    # passive refusal with the holder after it
    ("Sending troops was excluded by Rome.", {("ITA", "ground_troops", "oppose")}),
    # ceasefire drones are monitoring; sea mines are naval; a bare backstop is a guarantee
    (
        "The coalition will monitor the ceasefire with drones and satellites.",
        {("COALITION", "monitoring", "support")},
    ),
    ("Sweden will help clear sea mines in the Black Sea.", {("SWE", "naval_support", "support")}),
    (
        "The United States agreed to provide a backstop.",
        {("USA", "security_guarantee", "support")},
    ),
    (
        "Norway will send troops only with a US backstop.",
        {("NOR", "ground_troops", "conditional")},
    ),
]

REGRESSIONS = [
    # "reiterated that" reports; the negated cue inside decides
    (
        "The Polish minister reiterated that Warsaw will not send troops, preferring to keep "
        "its army at home.",
        {("POL", "ground_troops", "oppose")},
    ),
    ("Berlin will keep sanctions in place.", {("DEU", "sanctions", "support")}),
    # a condition of the main clause does not reach into a relative clause
    (
        "Latvia, which had pledged soldiers last year, now says its troops would go only if "
        "the US provides air cover.",
        {("LVA", "ground_troops", "support"), ("LVA", "ground_troops", "conditional")},
    ),
    # the possessive right before an option is its object
    (
        "Ukraine's membership of NATO is ruled out, the Kremlin said.",
        {("RUS", "nato_membership", "oppose")},
    ),
]

PREFERENCE_AND_PASSIVE = [
    # "rather than" prefers what stands before it and refuses what follows
    (
        "Norway said it would contribute to the force at sea and in the air rather than on land.",
        {
            ("NOR", "naval_support", "support"),
            ("NOR", "air_support", "support"),
            ("NOR", "ground_troops", "oppose"),
        },
    ),
    # a negated passive deployment with the state's troops named
    (
        "Moscow said Washington had assured it that no US troops would be deployed in Ukraine.",
        {("USA", "ground_troops", "oppose")},
    ),
    # a quoted "open to" before a gerund is a hedge
    (
        'Albanese said Canberra was "open to" contributing to a peacekeeping force.',
        {("AUS", "ground_troops", "uncertain")},
    ),
    (
        '"Norwegian soldiers will not be deployed inside Ukraine," the official said.',
        {("NOR", "ground_troops", "oppose")},
    ),
    (
        "Keir Starmer, as co-chair, said the coalition will deploy a force after a ceasefire.",
        {("COALITION", "ground_troops", "conditional")},
    ),
    ("Berlin fully backed the lower cap.", {("DEU", "sanctions", "support")}),
    # "the minister said" after a quotation: names inside the quote are not the speaker
    (
        "Lavrov spoke in Moscow on Monday. "
        '"Ukraine\'s accession to NATO is excluded," the minister stressed.',
        {("RUS", "nato_membership", "oppose")},
    ),
    # a pledge "only if" the other side signs something is a quid pro quo
    (
        "Washington is ready to offer Kyiv security guarantees, but only if Ukraine signs the "
        "minerals deal.",
        {("USA", "security_guarantee", "conditional")},
    ),
    (
        "The Lithuanian minister said her country would keep its commitment to fund military aid.",
        {("LTU", "military_aid", "support")},
    ),
    (
        "The coalition will put in place a monitoring of the ceasefire.",
        {("COALITION", "monitoring", "support")},
    ),
    ("Kyiv counts on Czech help with demining.", {("UKR", "military_aid", "support")}),
    (
        "The Dutch prime minister announced in The Hague a further 500 million euros for drones.",
        {("NLD", "military_aid", "support")},
    ),
]

CONDITIONS = [
    (
        "Any deployment of Danish units to Ukraine must be approved by the Folketing.",
        ("DNK", "ground_troops", "parliament_approval"),
    ),
    (
        "Portugal is ready to send troops once the mission's tasks are clearly defined.",
        ("PRT", "ground_troops", "clear_mission"),
    ),
    (
        "Greece will join the naval mission only together with the allies.",
        ("GRC", "naval_support", "collective_decision"),
    ),
    (
        "Belgium will send soldiers the day after the signature of the peace.",
        ("BEL", "ground_troops", "ceasefire_first"),
    ),
]


RULES = CUE_ROBUSTNESS + VOCABULARY + SCOPE + ATTRIBUTION + COREFERENCE
RULES += SECOND_ANNOTATOR + REGRESSIONS + PREFERENCE_AND_PASSIVE


@pytest.mark.parametrize(("text", "expected"), RULES)
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


@pytest.mark.parametrize(("text", "expected"), CONDITIONS)
def test_condition_vocabulary(
    extract: Callable[[str], list[Position]], text: str, expected: tuple[str, str, str]
) -> None:
    actor, option, condition = expected
    found = {
        (p.actor, p.option.value, c.value)
        for p in extract(text)
        if p.stance.value == "conditional"
        for c in p.conditions
    }
    assert (actor, option, condition) in found
