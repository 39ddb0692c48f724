"""Actor mentions: aliases, case, garbled names, roles around a mention."""

from __future__ import annotations

from collections.abc import Callable

from guarantor.extract.spans import Annotated


def _mentions(annotated: Annotated) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.actor, m.role) for m in annotated.mentions]


def test_aliases_resolve_names_capitals_and_offices(annotate: Callable[[str], Annotated]) -> None:
    found = _mentions(
        annotate("The Kremlin and Warsaw disagree; the Italian Prime Minister is away.")
    )
    actors = {actor for _, actor, _ in found}
    assert {"RUS", "POL", "ITA"} <= actors


def test_lower_case_words_are_not_capitalised_aliases(annotate: Callable[[str], Annotated]) -> None:
    found = _mentions(annotate("Tell us about the turkey we ate."))
    assert found == []


def test_garbled_names_resolve_fuzzily(annotate: Callable[[str], Annotated]) -> None:
    found = _mentions(annotate("Melloni met Zelenski and Zaharova in Kiev."))
    actors = [actor for _, actor, _ in found]
    assert actors == ["ITA", "UKR", "RUS", "UKR"]


def test_roles_mark_objects_modifiers_and_possessives(annotate: Callable[[str], Annotated]) -> None:
    found = _mentions(
        annotate("Norway sent NATO troops to Ukraine with Estonia and Canada's help.")
    )
    roles = {text: role for text, _, role in found}
    assert roles["Norway"] == "holder"
    assert roles["NATO"] == "modifier"
    assert roles["Ukraine"] == "object"
    assert roles["Estonia"] == "object"
    assert roles["Canada"] == "possessive"


def test_former_officials_are_not_a_voice(annotate: Callable[[str], Annotated]) -> None:
    annotated = annotate("A former Dutch ambassador spoke.")
    assert [m.voice for m in annotated.mentions] == [False]


def test_titled_unknown_person_belongs_to_the_country_in_view(
    annotate: Callable[[str], Annotated],
) -> None:
    text = "Austria is divided. Green lawmaker Hanna Brückl objected. Later Brückl said more."
    annotated = annotate(text)
    people = [m for m in annotated.mentions if m.kind == "person"]
    assert [(m.text, m.actor) for m in people] == [("Hanna Brückl", "AUT"), ("Brückl", "AUT")]


def test_offsets_survive_letters_whose_lower_case_is_longer(
    annotate: Callable[[str], Annotated],
) -> None:
    text = "İİ İstanbul said Turkey will send troops."
    annotated = annotate(text)
    assert [text[m.start : m.end] for m in annotated.mentions] == ["Turkey"]
    assert [p.triple for p in annotated.positions] == [("TUR", "ground_troops", "support")]
