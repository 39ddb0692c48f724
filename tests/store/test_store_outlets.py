"""Outlet keys and the bundled default grades."""

from __future__ import annotations

import pytest

from guarantor.errors import ValidationError
from guarantor.store import Store
from guarantor.store.outlets import _parse_seeds, default_outlets, normalise_outlet


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Reuters", "reuters"),
        ("  The   Guardian ", "guardian"),
        ("https://www.Reuters.com/world/europe/x", "reuters.com"),
        ("www.vsedelo.com", "vsedelo.com"),
        ("Právo Daily", "právo daily"),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise_outlet(raw) == key


def test_bundled_grades_are_valid_and_unique() -> None:
    seeds = default_outlets()
    keys = [s.key for s in seeds]
    assert len(keys) == len(set(keys))
    assert {s.reliability for s in seeds} <= set("ABCDEF")
    assert all(s.note for s in seeds), "every default grade says why"
    aliases = [a for s in seeds for a in s.aliases]
    assert len(aliases) == len(set(aliases)), "an alias names one outlet"
    assert not set(aliases) & set(keys), "an alias is never another outlet's key"


def test_a_bad_grade_names_its_line() -> None:
    raw = "# comment\nkey,name,reliability,note,aliases\nx.com,X,B,ok,\ny.com,Y,Q,bad,\n"
    with pytest.raises(ValidationError, match=r"outlets.csv:4 \(column reliability\)"):
        list(_parse_seeds(raw))


def test_regrading_an_outlet_regrades_what_it_already_reported(store: Store) -> None:
    """Issue 14: after `outlets set vsedelo.com E`, its evidence is graded E at once."""
    from store_docs import make_doc

    from guarantor.domain import Grade, Option, Position, Stance

    doc = make_doc("Paris will send troops.", url="https://vsedelo.com/a", outlet="vsedelo.com")
    position = Position(
        document=doc.source,
        actor="FRA",
        option=Option.GROUND_TROOPS,
        stance=Stance.SUPPORT,
        quote="Paris",
        start=0,
        end=5,
        grade=Grade(reliability=store.outlet_reliability("vsedelo.com"), credibility=2),
        extractor="test.v1",
    )
    store.add_document(doc, [position], None)
    store.set_outlet("vsedelo.com", reliability="E")
    assert [p.grade.code for p in store.positions()] == ["E2"]
