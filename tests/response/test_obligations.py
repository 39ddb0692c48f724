"""Obligations read provision by provision: who owes, whom it protects, what it reaches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from guarantor.domain.attack import Attack, AttackKind
from guarantor.domain.registry import Instrument, Obligation, ObligationType
from guarantor.errors import InputError
from guarantor.registry import Registry
from guarantor.reports.assessment import response_obligations
from guarantor.response.obligations import Activation, Parties, covers, read_duties, trigger_reaches

INVASION = Attack(name="a", kind=AttackKind.ARMED_ATTACK)
DRONES = Attack(name="d", kind=AttackKind.AIRSPACE_VIOLATION, target="POL")
STRIKE = Attack(name="s", kind=AttackKind.ATTACK_ON_FORCE, casualties={"FRA": 3})


def _parties(bundled: Registry) -> Parties:
    return Parties(bundled.states, frozenset({"GBR", "FRA", "USA", "EU"}), frozenset({"FRA"}))


def test_group_debtors_expand_to_states(bundled: Registry) -> None:
    article5 = next(i for i in bundled.instruments if i.id == "nato-article-5")
    duties = read_duties([article5], _parties(bundled))
    members = {s.iso3 for s in bundled.states if s.nato_member}
    assert {d.actor for d in duties} == members
    assert all(d.to == "NATO members" for d in duties)
    budapest = next(i for i in bundled.instruments if i.id == "budapest-memorandum-1994")
    assert {d.actor for d in read_duties([budapest], _parties(bundled))} == {"USA", "GBR", "RUS"}
    like = next(i for i in bundled.instruments if i.id == "proposal-article5-like")
    # the US and the European partners, not Ukraine's non-European partners nor the EU
    assert {d.actor for d in read_duties([like], _parties(bundled))} == {"USA", "GBR", "FRA"}


def test_unknown_debtor_is_an_error_naming_the_instrument(
    bundled: Registry, instrument: Callable[..., Instrument], obligation: Callable[..., Obligation]
) -> None:
    odd = instrument("odd", "GBR", obligation(ObligationType.ASSIST, "friends of Ukraine"))
    with pytest.raises(InputError, match=r"odd.*friends of Ukraine"):
        read_duties([odd], _parties(bundled))


@pytest.mark.parametrize(
    ("trigger", "armed", "below"),
    [
        ("future Russian armed attack or renewed aggression against Ukraine", True, False),
        ("any ally judges its security threatened (Art. 4)", True, True),
        ("a situation arises that raises a question about these commitments", True, True),
        ("aggression in which nuclear weapons are used", False, False),
        ("standing (no attack trigger found)", False, False),
        ("a ceasefire or peace agreement is in place", False, False),
    ],
)
def test_trigger_words_reach_attack_kinds(trigger: str, armed: bool, below: bool) -> None:
    assert trigger_reaches(trigger, INVASION) is armed
    assert trigger_reaches(trigger, DRONES) is below


def test_article5_covers_allies_not_ukraine(bundled: Registry) -> None:
    article5 = next(i for i in bundled.instruments if i.id == "nato-article-5")
    duties = read_duties([article5], _parties(bundled))
    nato = _parties(bundled).nato
    defend = next(d for d in duties if d.type is ObligationType.DEFEND)
    consult = next(d for d in duties if d.type is ObligationType.CONSULT)
    assert covers(defend, INVASION, nato) is None
    assert covers(consult, INVASION, nato) is None
    assert covers(defend, STRIKE, nato) is Activation.ARTICLE5
    assert covers(consult, DRONES, nato) is Activation.ARTICLE4
    assert covers(defend, DRONES, nato) is None  # an incursion is not an armed attack


def test_obligations_table_keeps_consult_and_assist_deadlines_apart(bundled: Registry) -> None:
    rows = {
        r.actor: r
        for r in response_obligations(bundled.instruments, date(2026, 1, 31), bundled.states)
    }
    usa = rows["USA"]
    assert usa.consult_within_h == 24 and usa.assist_within_h is None
    assert usa.owes_ukraine == "assist" and not usa.legally_binding
    assert usa.nato_article5  # Article 5 binds the US towards allies ...
    assert "NATO members" not in rows  # ... and is no row of its own claiming to defend Ukraine
    assert all(r.owes_ukraine != "defend" for r in rows.values())
    assert rows["RUS"].owes_ukraine == "assist"  # Budapest: seek UN action, as coded
