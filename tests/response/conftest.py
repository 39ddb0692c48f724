"""Small worlds for the response simulation: the bundled registry's states with made-up
instruments, no evidence, and a scenario whose beliefs are fixed by overrides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from guarantor.beliefs import default_scenario, evidence_from_ledger, independent_sources
from guarantor.domain.evidence import Evidence
from guarantor.domain.registry import Instrument, InstrumentKind, Obligation, ObligationType
from guarantor.domain.scenario import Scenario
from guarantor.registry import Registry, load_registry

ARMED = "future Russian armed attack against Ukraine"


@pytest.fixture(scope="session")
def bundled() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def ledger_evidence(bundled: Registry) -> list[Evidence]:
    return independent_sources(evidence_from_ledger(bundled.ledger))


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return default_scenario()


def _obligation(
    kind: ObligationType, by: str, *, automatic: bool = False, hours: int | None = None
) -> Obligation:
    return Obligation(
        type=kind,
        by=by,
        trigger=ARMED,
        deadline_hours=hours,
        automatic=automatic,
        text="made up for a test",
    )


def _instrument(ident: str, party: str, *obligations: Obligation) -> Instrument:
    return Instrument(
        id=ident,
        name=ident,
        kind=InstrumentKind.BILATERAL_AGREEMENT,
        parties=(party, "UKR"),
        obligations=obligations,
        signed=date(2024, 1, 1),
        duration_years=10,
        sources=("https://example.org",),
    )


@pytest.fixture
def obligation() -> Callable[..., Obligation]:
    """obligation(type, by, automatic=False, hours=None): one provision owed to Ukraine."""
    return _obligation


@pytest.fixture
def instrument() -> Callable[..., Instrument]:
    """instrument(id, party, *obligations): a bilateral agreement in force since 2024."""
    return _instrument


@pytest.fixture
def world(bundled: Registry) -> Callable[..., Registry]:
    """The bundled states with only the given instruments."""

    def make(*instruments: Instrument) -> Registry:
        return Registry(states=bundled.states, instruments=list(instruments))

    return make
