"""The actor registry: bundled data, ambiguity rules, terms of office, validation errors.

Resolution of spans and fuzzy names is tested in test_actors_resolve.py.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from guarantor.domain.actors import ORGANISATION_CODES
from guarantor.errors import NotFoundError, ValidationError
from guarantor.registry.actors import ActorIndex, alias_key, load_actors

MAIN = ("USA", "GBR", "FRA", "DEU", "POL", "ITA", "TUR", "RUS", "UKR")


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actors()


# -- the bundled data ----------------------------------------------------------


def test_bundled_data_has_46_states_and_the_five_groups(index: ActorIndex) -> None:
    states = [a for a in index.all() if a.kind == "state"]
    assert len(states) == 46
    assert {a.code for a in index.all()} >= set(ORGANISATION_CODES)
    assert index.get("COALITION").kind == "group"
    assert index.get("NATO").kind == "organisation"


def test_every_reference_state_is_an_actor_with_its_name(
    index: ActorIndex, reference_dir: Path
) -> None:
    with (reference_dir / "countries.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "countries.csv is empty"
    for row in rows:
        assert index.get(row["iso3"]).name == row["name"]
    states = {a.code for a in index.all() if a.kind == "state"}
    assert states == {row["iso3"] for row in rows}


def test_every_state_has_an_adjective_a_capital_and_office_aliases(index: ActorIndex) -> None:
    for actor in index.all():
        if actor.kind != "state":
            continue
        kinds = {a.kind for a in actor.aliases}
        # Office aliases are built from adjectives, so they prove one exists.
        assert {"name", "capital", "office"} <= kinds, actor.code


def test_no_alias_names_two_actors_unless_flagged(index: ActorIndex) -> None:
    by_key: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for alias in index.aliases():
        by_key[alias_key(alias.text)].append((alias.actor, alias.ambiguous))
    for key, owners in by_key.items():
        if len({code for code, _ in owners}) > 1:
            assert all(flag for _, flag in owners), (key, owners)


def test_known_ambiguities_are_flagged(index: ActorIndex) -> None:
    brussels = index.resolve("Brussels")
    assert brussels is not None and brussels.actor == "EU" and brussels.ambiguous
    assert brussels.alternatives == ("BEL",)
    georgia = index.resolve("Georgia")
    assert georgia is not None and georgia.actor == "GEO" and georgia.ambiguous


def test_surnames_alone_are_aliases_when_unambiguous(index: ActorIndex) -> None:
    texts = {(alias_key(a.text), a.actor) for a in index.aliases() if a.kind == "person"}
    for surname, code in [
        ("Macron", "FRA"),
        ("Meloni", "ITA"),
        ("Starmer", "GBR"),
        ("Lavrov", "RUS"),
        ("Pistorius", "DEU"),
        ("Leavitt", "USA"),
        ("von der Leyen", "EU"),
    ]:
        assert (alias_key(surname), code) in texts
    # Common first names or words never stand alone for a person.
    assert index.resolve("Martin", fuzzy=False) is None
    assert index.resolve("Dan", fuzzy=False) is None
    assert index.resolve("Montenegro").actor == "MNE"  # type: ignore[union-attr]


def test_consecutive_holders_of_one_office_do_not_overlap(index: ActorIndex) -> None:
    terms = defaultdict(list)
    for holder in index.office_holders():
        terms[(holder.actor, holder.office)].append(holder)
    for key, group in terms.items():
        if key[1].startswith("Deputy "):
            continue  # several deputies serve at once
        group.sort(key=lambda h: h.start)
        for before, after in pairwise(group):
            assert before.end is not None, (key, before.person, after.person)
            assert before.end <= after.start, (key, before.person, after.person)


def test_every_holder_has_a_source_url_and_a_known_actor(index: ActorIndex) -> None:
    codes = {a.code for a in index.all()}
    for holder in index.office_holders():
        assert holder.source.startswith(("http://", "https://")), holder.person
        assert holder.actor in codes


@pytest.mark.parametrize("code", MAIN)
def test_main_states_have_a_leader_in_office_mid_2025(index: ActorIndex, code: str) -> None:
    on = date(2025, 6, 1)
    assert any(h.actor == code and h.in_office(on) for h in index.office_holders())


def test_get_unknown_code_raises_not_found(index: ActorIndex) -> None:
    with pytest.raises(NotFoundError, match="XYZ"):
        index.get("XYZ")


# -- terms of office --------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "first_day", "office"),
    [
        ("Keir Starmer", date(2024, 7, 5), "Prime Minister"),
        ("Friedrich Merz", date(2025, 5, 6), "Chancellor"),
        ("Marco Rubio", date(2025, 1, 21), "Secretary of State"),
        ("Karoline Leavitt", date(2025, 1, 20), "White House Press Secretary"),
        ("Kaja Kallas", date(2024, 12, 1), "High Representative for Foreign Affairs"),
    ],
)
def test_holder_on_starts_on_the_first_day(
    index: ActorIndex, person: str, first_day: date, office: str
) -> None:
    assert index.holder_on(person, first_day - timedelta(days=1)) is None
    term = index.holder_on(person, first_day)
    assert term is not None and term.office.startswith(office)


def test_predecessors_leave_when_successors_arrive(index: ActorIndex) -> None:
    assert index.holder_on("Sunak", date(2024, 7, 4)) is not None
    assert index.holder_on("Sunak", date(2024, 7, 5)) is None
    assert index.holder_on("Scholz", date(2025, 5, 5)) is not None
    assert index.holder_on("Scholz", date(2025, 5, 6)) is None
    assert index.holder_on("Blinken", date(2025, 1, 21)) is None


def test_former_officials_resolve_but_are_marked_out_of_office(index: ActorIndex) -> None:
    found = index.resolve("Josep Borrell", on=date(2025, 3, 1))
    assert found is not None and found.actor == "EU"
    assert found.in_office is False
    assert index.resolve("Borrell", on=date(2024, 3, 1)).in_office is True  # type: ignore[union-attr]


def test_a_person_who_served_two_actors_resolves_by_date(index: ActorIndex) -> None:
    as_pm = index.resolve("Costa", on=date(2023, 1, 1))
    as_council = index.resolve("Costa", on=date(2025, 1, 1))
    assert as_pm is not None and as_pm.actor == "PRT" and as_pm.in_office
    assert as_council is not None and as_council.actor == "EU" and as_council.in_office
    assert not as_council.ambiguous
    undated = index.resolve("Rutte")
    assert undated is not None and undated.actor == "NATO" and undated.ambiguous


def test_people_sharing_a_surname_are_told_apart_by_date(index: ActorIndex) -> None:
    # Kamala Harris (US Vice President to January 2025), Simon Harris (Taoiseach from April 2024).
    assert index.resolve("Harris", on=date(2022, 6, 1)).actor == "USA"  # type: ignore[union-attr]
    later = index.resolve("Harris", on=date(2025, 6, 1))
    assert later is not None and later.actor == "IRL" and not later.ambiguous
    assert index.resolve("Harris").ambiguous  # type: ignore[union-attr]


def test_a_garbled_name_keeps_its_date_logic(index: ActorIndex) -> None:
    found = index.resolve("Karolina Levitt", on=date(2024, 6, 1))
    assert found is not None and found.actor == "USA" and found.in_office is False


def test_holder_on_without_a_date_gives_the_current_main_office(index: ActorIndex) -> None:
    term = index.holder_on("Rubio")
    assert term is not None and term.office == "Secretary of State"
    lammy = index.holder_on("David Lammy")
    assert lammy is not None and lammy.office == "Deputy Prime Minister"


# -- validation errors name the file and line --------------------------------------

_STATES = """\
office_titles: [President]
actors:
  - code: AAA
    name: Aland
    adjective: [Alandic]
    capital: [Alton]
  - code: BBB
    name: Borland
    adjective: [Borlandic]
    capital: [Alton]
"""


def _write(folder: Path, states: str, holders: str | None = None) -> Path:
    (folder / "states.yaml").write_text(states, encoding="utf-8")
    if holders is not None:
        (folder / "office_holders.yaml").write_text(holders, encoding="utf-8")
    return folder


def test_unflagged_shared_alias_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path, _STATES)
    with pytest.raises(ValidationError) as caught:
        load_actors(tmp_path)
    message = str(caught.value)
    assert "states.yaml:" in message and "Alton" in message and "ambiguous" in message


def test_flagged_shared_alias_loads(tmp_path: Path) -> None:
    flagged = _STATES.replace("capital: [Alton]\n", "capital: [Alton]\n    ambiguous: [Alton]\n")
    index = load_actors(_write(tmp_path, flagged))
    found = index.resolve("Alton")
    assert (
        found is not None
        and found.ambiguous
        and set(found.alternatives) | {found.actor}
        == {
            "AAA",
            "BBB",
        }
    )


def test_bad_office_holder_names_the_line(tmp_path: Path) -> None:
    flagged = _STATES.replace("capital: [Alton]\n", "capital: [Alton]\n    ambiguous: [Alton]\n")
    holders = (
        "sources:\n  gov: https://example.org\n"
        "holders:\n"
        "  - {person: Ann Able, actor: AAA, office: President, start: 2020-01-01, source: gov}\n"
        "  - {person: Bob Baker, actor: AAA, office: President, start: 2024-01-01,"
        " end: 2023-01-01, source: gov}\n"
    )
    _write(tmp_path, flagged, holders)
    with pytest.raises(ValidationError) as caught:
        load_actors(tmp_path)
    assert "office_holders.yaml:5" in str(caught.value)
    assert "before start" in str(caught.value)


def test_unknown_source_key_is_reported(tmp_path: Path) -> None:
    flagged = _STATES.replace("capital: [Alton]\n", "capital: [Alton]\n    ambiguous: [Alton]\n")
    holders = (
        "sources: {gov: 'https://example.org'}\n"
        "holders:\n"
        "  - {person: Ann Able, actor: AAA, office: President, start: 2020-01-01, source: nope}\n"
    )
    _write(tmp_path, flagged, holders)
    with pytest.raises(ValidationError, match=r"office_holders.yaml:3.*unknown key 'nope'"):
        load_actors(tmp_path)


def test_misspelt_key_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, _STATES.replace("adjective: [Alandic]", "adjectiv: [Alandic]"))
    with pytest.raises(ValidationError, match=r"states.yaml:3.*adjectiv"):
        load_actors(tmp_path)


def _flagged() -> str:
    return _STATES.replace("capital: [Alton]\n", "capital: [Alton]\n    ambiguous: [Alton]\n")


def test_holder_of_an_unknown_actor_names_the_line(tmp_path: Path) -> None:
    holders = (
        "sources: {gov: 'https://example.org'}\n"
        "holders:\n"
        "  - {person: Ann Able, actor: ZZZ, office: President, start: 2020-01-01, source: gov}\n"
    )
    _write(tmp_path, _flagged(), holders)
    with pytest.raises(ValidationError, match=r"office_holders.yaml:3.*unknown actor 'ZZZ'"):
        load_actors(tmp_path)


def test_surname_that_is_another_actors_alias_must_be_switched_off(tmp_path: Path) -> None:
    holders = (
        "sources: {gov: 'https://example.org'}\n"
        "holders:\n"
        "  - {person: Ann Borland, actor: AAA, office: President, start: 2020-01-01, source: gov}\n"
    )
    _write(tmp_path, _flagged(), holders)
    with pytest.raises(ValidationError, match=r"office_holders.yaml:3.*surname_alias: false"):
        load_actors(tmp_path)
    fixed = holders.replace("source: gov}", "source: gov, surname_alias: false}")
    (tmp_path / "fixed").mkdir()
    index = load_actors(_write(tmp_path / "fixed", _flagged(), fixed))
    assert index.resolve("Borland").actor == "BBB"  # type: ignore[union-attr]
    assert index.resolve("Ann Borland").actor == "AAA"  # type: ignore[union-attr]
