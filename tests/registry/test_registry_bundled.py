"""The bundled registry: every row loads, every row names its source, the known
conflicts are kept as the reference notes ask."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from guarantor.domain.registry import InstrumentKind, ObligationType, Verification
from guarantor.domain.vocabulary import Option
from guarantor.registry import BUNDLED_DIR, KINDS, Registry, load_registry, registry_files

URL = re.compile(r"https?://\S+")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def test_every_table_has_a_bundled_file() -> None:
    stems = {p.stem for p in registry_files(BUNDLED_DIR)}
    assert stems == set(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_bundled_row_has_a_source(registry: Registry, kind: str) -> None:
    rows = registry.rows(kind)
    assert rows, f"no bundled {kind}"
    for row in rows:
        source = row.source  # type: ignore[attr-defined]
        assert source and source.strip(), f"{kind} row {KINDS[kind].key(row)} has no source"
        # a source is a URL or a named publication/file, never a bare word
        assert URL.search(source) or len(source.split()) >= 3, (kind, source)


def test_every_state_figure_names_its_source(registry: Registry) -> None:
    for state in registry.states:
        if state.active_personnel is not None:
            assert state.active_personnel_source
        if state.gdp_usd_bn is not None:
            assert state.gdp_source


def test_states_carry_the_shared_reference_table(reference_dir: Path, registry: Registry) -> None:
    with (reference_dir / "countries.csv").open(newline="", encoding="utf-8") as handle:
        reference = {row["iso3"]: row for row in csv.DictReader(handle)}
    assert {s.iso3 for s in registry.states} == set(reference)
    for state in registry.states:
        row = reference[state.iso3]
        assert state.nato_member == bool(row["nato_member_since"])
        expected = int(row["active_personnel"]) if row["active_personnel"] else None
        assert state.active_personnel == expected
        assert state.borders_russia_or_belarus == (row["borders_russia_or_belarus"] == "true")


def test_agreements_carry_the_shared_reference_table(
    reference_dir: Path, registry: Registry
) -> None:
    with (reference_dir / "security_agreements.csv").open(newline="", encoding="utf-8") as handle:
        reference = {row["partner_iso3"]: row for row in csv.DictReader(handle)}
    signed = {a.parties[0]: a for a in registry.agreements if a.signed is not None}
    assert len(signed) == len(reference)
    for iso3, row in reference.items():
        agreement = signed["EU" if iso3 == "EUU" else iso3]
        assert agreement.signed == date.fromisoformat(row["date_signed"])
        flag = {"true": True, "unknown": None}[row["consult_within_24h"]]
        assert agreement.consult_within_24h is flag
        assert row["source"] in agreement.sources


def test_bulgaria_is_reported_but_unconfirmed_with_both_sources(registry: Registry) -> None:
    (bulgaria,) = [a for a in registry.agreements if "BGR" in a.parties]
    assert bulgaria.verification is Verification.REPORTED_UNCONFIRMED
    assert bulgaria.signed is None
    joined = " ".join(bulgaria.sources)
    assert "000_024f1fa37c9ffffe" in joined and "pravda.com.ua" in joined
    assert not bulgaria.in_force_on(date(2026, 1, 1))


def test_croatia_is_flagged_doubtful(registry: Registry) -> None:
    (croatia,) = [a for a in registry.agreements if "HRV" in a.parties]
    assert croatia.verification is Verification.DOUBTFUL


def test_the_twenty_eight_confirmed_agreements(registry: Registry) -> None:
    confirmed = [a for a in registry.agreements if a.verification is Verification.CONFIRMED]
    assert len(confirmed) == 28


def test_instruments_beyond_the_agreements(registry: Registry) -> None:
    by_id = {i.id: i for i in registry.instruments}
    assert by_id["nato-article-5"].strongest is ObligationType.DEFEND
    assert by_id["nato-article-5"].legally_binding
    assert by_id["budapest-memorandum-1994"].signed == date(1994, 12, 5)
    assert by_id["proposal-ita-24h"].fastest_deadline_hours == 24
    proposals = [i for i in registry.instruments if i.kind is InstrumentKind.PROPOSAL]
    assert len(proposals) >= 3
    assert all(p.signed is None for p in proposals)


def test_factors_are_within_their_ranges_and_named(registry: Registry) -> None:
    for name in ("usability_deployable", "usability_sustainable", "rotation_ratio"):
        factor = registry.factors[name]
        assert factor.low <= factor.value <= factor.high
    assert registry.factors["rotation_ratio"].value == 3


def test_ledger_covers_states_that_discussed_contributions(registry: Registry) -> None:
    military = {Option.GROUND_TROOPS, Option.AIR_SUPPORT, Option.NAVAL_SUPPORT}
    actors = {p.actor for p in registry.ledger if p.option in military}
    for iso3 in ("GBR", "FRA", "DEU", "POL", "ITA", "TUR", "USA", "CAN", "AUS"):
        assert iso3 in actors, f"no ledger position on a military contribution for {iso3}"


def test_ledger_paraphrases_are_one_line_and_dated(registry: Registry) -> None:
    for position in registry.ledger:
        assert "\n" not in position.paraphrase
        assert date(2024, 1, 1) <= position.stated_on <= date(2026, 12, 31)
        assert position.source_url.startswith("http")


def test_pledges_convert_with_the_bundled_rates(registry: Registry) -> None:
    (uk,) = [p for p in registry.pledges if p.id == "gbr-agreement-2024-money"]
    eur, usd = registry.pledge_value(uk)
    assert eur is not None and usd is not None
    rate = registry.per_eur("GBP", 2024)
    assert eur == pytest.approx(2.5e9 / rate)
    assert usd == pytest.approx(eur * registry.per_eur("USD", 2024))


def test_cross_references_resolve(registry: Registry) -> None:
    instruments = {i.id for i in registry.instruments}
    states = {s.iso3 for s in registry.states}
    organisations = {"EU", "NATO", "G7", "COALITION", "EUROPE"}
    for pledge in registry.pledges:
        assert pledge.instrument is None or pledge.instrument in instruments, pledge.id
        assert pledge.actor in states | organisations, pledge.id
    for commitment in registry.commitments:
        assert commitment.actor in states
        assert commitment.host in states | organisations
    for position in registry.ledger:
        assert position.actor in states | organisations, position.id
