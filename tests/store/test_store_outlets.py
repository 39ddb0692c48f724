"""Outlet keys and the bundled default grades."""

from __future__ import annotations

import pytest

from guarantor.errors import ValidationError
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
