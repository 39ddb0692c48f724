"""The assessment's views rest on registry rows and evidence, each kept traceable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.registry import (
    Instrument,
    InstrumentKind,
    Obligation,
    ObligationType,
    Pledge,
    PledgeKind,
    PledgeStatus,
)
from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.registry import Registry, load_registry
from guarantor.reports.assessment import conditions_named, payments, response_obligations


def _conditional(actor: str, source: str, *conditions: Condition) -> Evidence:
    return Evidence(
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=Stance.CONDITIONAL,
        conditions=conditions,
        grade=Grade.parse("B2"),
        stated_on=date(2025, 3, 1),
        source_key=source,
        provenance=Provenance(kind="ledger", ref=f"{actor}-{source}", text="p"),
    )


def test_conditions_count_independent_sources() -> None:
    rows = conditions_named(
        [
            _conditional("GBR", "a", Condition.US_BACKSTOP),
            _conditional("GBR", "a", Condition.US_BACKSTOP),
            _conditional("GBR", "b", Condition.US_BACKSTOP, Condition.CEASEFIRE_FIRST),
        ]
    )
    first = rows[0]
    assert (first.actor, first.condition, first.sources) == ("GBR", "us_backstop", 2)
    assert first.refs == ("GBR-a", "GBR-b")
    assert {r.condition for r in rows} == {"us_backstop", "ceasefire_first"}


def _instrument(ident: str, by: str, kind: ObligationType, hours: int | None) -> Instrument:
    return Instrument(
        id=ident,
        name=ident,
        kind=InstrumentKind.BILATERAL_AGREEMENT,
        parties=(by, "UKR"),
        obligations=(
            Obligation(type=kind, by=by, trigger="attack", deadline_hours=hours, text="t"),
        ),
        signed=date(2024, 2, 1),
        duration_years=10,
        sources=("https://example.org",),
    )


def test_response_keeps_each_provision_deadline_and_in_force_only() -> None:
    rows = response_obligations(
        [
            _instrument("a", "FRA", ObligationType.CONSULT, 24),
            _instrument("b", "FRA", ObligationType.ASSIST, 72),
            _instrument("c", "DEU", ObligationType.CONSULT, None),
            _instrument("d", "ITA", ObligationType.ASSIST, None),
        ],
        date(2025, 1, 1),
    )
    fra = next(r for r in rows if r.actor == "FRA")
    assert fra.owes_ukraine == "assist"
    # 24 hours to consult and 72 to assist stay apart: never "assist within 24"
    assert fra.consult_within_h == 24 and fra.assist_within_h == 72
    assert set(fra.instruments) == {"a", "b"}
    ita = next(r for r in rows if r.actor == "ITA")
    assert ita.consult_within_h is None and ita.assist_within_h is None
    assert [r.actor for r in rows][:2] == ["FRA", "ITA"]
    assert (
        response_obligations([_instrument("a", "FRA", ObligationType.ASSIST, 24)], date(2023, 1, 1))
        == []
    )


def test_payments_keep_statuses_apart_and_convert() -> None:
    base = load_registry()
    pledge = Pledge(
        id="x",
        actor="FRA",
        kind=PledgeKind.MONEY,
        amount=100.0,
        unit="EUR",
        unit_year=2024,
        description="d",
        pledged_on=date(2024, 5, 1),
        status=PledgeStatus.DELIVERED,
        source_url="https://example.org",
    )
    troops = pledge.model_copy(update={"id": "y", "kind": PledgeKind.TROOPS, "unit": "troops"})
    registry = Registry(
        pledges=[
            pledge,
            pledge.model_copy(update={"id": "z", "status": PledgeStatus.ANNOUNCED}),
            troops,
        ],
        rates=base.rates,
    )
    (row,) = payments(registry)
    assert row.eur_by_status == {"delivered": 100.0, "announced": 100.0}
    assert row.refs == ("x", "z")


def test_assess_json_answers_the_four_questions(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("GUARANTOR_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "guarantor", "assess", "--trials", "5000", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for key in ("who_sends_troops", "on_what_conditions", "if_attacked", "who_pays", "board"):
        assert report[key], key
    met = report["who_sends_troops"]["p_requirement_met"]
    assert 0 <= met["without_us_backstop"] <= 1 and 0 <= met["with_us_backstop"] <= 1
    assert report["store"]["documents"] == 0
    assert report["evidence"]["ledger"] > 0
