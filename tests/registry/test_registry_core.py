"""Registry behaviour on small worlds written here: as_of, conversion, overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guarantor.domain.registry import ExchangeRate, Instrument, Pledge
from guarantor.errors import InputError, NotFoundError
from guarantor.registry import Registry, load_registry


def _instrument(iid: str, signed: date | None, kind: str = "bilateral_agreement") -> Instrument:
    return Instrument(
        id=iid,
        name=iid,
        kind=kind,
        parties=("GBR", "UKR"),
        signed=signed,
        duration_years=10 if signed else None,
        sources=("https://example.org/a",),
    )


def test_as_of_before_signing_excludes_the_agreement() -> None:
    registry = Registry(instruments=[_instrument("a", date(2024, 2, 16))])
    assert registry.as_of(date(2024, 2, 15)).instruments == []
    assert [i.id for i in registry.as_of(date(2024, 2, 16)).instruments] == ["a"]


def test_as_of_after_the_term_excludes_the_agreement() -> None:
    registry = Registry(instruments=[_instrument("a", date(2024, 2, 16))])
    assert registry.as_of(date(2034, 2, 15)).instruments
    assert registry.as_of(date(2034, 2, 16)).instruments == []


def test_as_of_on_the_bundled_data_excludes_later_agreements() -> None:
    registry = load_registry()
    before = {i.id for i in registry.as_of(date(2024, 2, 15)).agreements}
    assert "agreement-gbr-2024" in before
    assert "agreement-deu-2024" not in before
    assert "agreement-alb-2025" not in before
    pledges = registry.as_of(date(2024, 1, 1)).pledges
    assert all(p.pledged_on <= date(2024, 1, 1) for p in pledges)


def test_proposals_appear_once_floated() -> None:
    proposal = _instrument("p", None, kind="proposal").model_copy(
        update={"proposed_on": date(2025, 8, 20)}
    )
    registry = Registry(instruments=[proposal])
    assert registry.as_of(date(2025, 8, 19)).instruments == []
    assert registry.as_of(date(2025, 8, 20)).instruments == [proposal]


def test_conversion_uses_the_nearest_earlier_year() -> None:
    rates = [
        ExchangeRate(currency="GBP", year=2023, per_eur=0.8, source="test table"),
        ExchangeRate(currency="USD", year=2023, per_eur=1.1, source="test table"),
        ExchangeRate(currency="USD", year=2024, per_eur=1.2, source="test table"),
    ]
    registry = Registry(rates=rates)
    eur, usd = registry.convert(80, "GBP", 2024)
    assert eur == pytest.approx(100)
    assert usd == pytest.approx(120)
    assert registry.rate_year("GBP", 2025) == 2023
    with pytest.raises(NotFoundError):
        registry.convert(1, "XYZ", 2024)


def test_non_money_pledges_have_no_value() -> None:
    pledge = Pledge(
        id="t",
        actor="GBR",
        kind="troops",
        unit="troops",
        description="some troops",
        pledged_on=date(2025, 2, 16),
        source_url="https://example.org/p",
    )
    assert Registry().pledge_value(pledge) == (None, None)


def test_user_rows_replace_bundled_rows_with_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "factors.yaml").write_text(
        "- name: rotation_ratio\n  value: 4\n  low: 3\n  high: 5\n  unit: ratio\n"
        "  help: ours\n  reference: our own planning note\n",
        encoding="utf-8",
    )
    registry = load_registry([tmp_path])
    assert registry.factors["rotation_ratio"].value == 4
    assert registry.factors["rotation_ratio"].help == "ours"
    assert "usability_deployable" in registry.factors


def test_missing_extra_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_registry([tmp_path / "absent.yaml"])


def test_find_names_the_table() -> None:
    kind, row = load_registry().find("deu")
    assert getattr(row, "iso3", None) == "DEU"
    assert kind == "states"
    with pytest.raises(NotFoundError):
        load_registry().find("no-such-row")


def test_an_agreement_is_found_by_partner_and_date() -> None:
    kind, row = load_registry().find("GBR-2024-01-12")
    assert kind == "instruments"
    assert getattr(row, "id", None) == "agreement-gbr-2024"
