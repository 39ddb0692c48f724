"""A tiny world for the force model: four states, planning factors, one pledge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from guarantor.domain.evidence import Evidence, Provenance
from guarantor.domain.grade import Grade
from guarantor.domain.registry import Commitment, PlanningFactor, Pledge, PledgeKind, State
from guarantor.domain.vocabulary import Condition, Option, Stance
from guarantor.registry import Registry


def state(iso3: str, active: int, *, frontline: bool = False, land: int | None = None) -> State:
    return State(
        iso3=iso3,
        name=f"State {iso3}",
        nato_member=True,
        nato_member_since=1949,
        eu_member=True,
        borders_russia_or_belarus=frontline,
        nuclear_weapon_state=False,
        unsc_permanent=False,
        active_personnel=active,
        active_personnel_source="made up for a test",
        land_forces=land,
        land_forces_source="made up for a test" if land else None,
        status_source="made up for a test",
    )


def factor(name: str, value: float, low: float, high: float) -> PlanningFactor:
    return PlanningFactor(
        name=name, value=value, low=low, high=high, unit="x", help="test", reference="test"
    )


def said(actor: str, stance: Stance, *conditions: Condition, outlet: str = "a") -> Evidence:
    return Evidence(
        actor=actor,
        option=Option.GROUND_TROOPS,
        stance=stance,
        conditions=conditions,
        grade=Grade.parse("A1"),
        stated_on=date(2026, 1, 1),
        source_key=f"outlet:{outlet}",
        provenance=Provenance(kind="ledger", ref=f"{actor}-{outlet}", text="test"),
    )


@pytest.fixture
def say() -> Callable[..., Evidence]:
    """Make a piece of ground-troops evidence: ``say("AAA", Stance.SUPPORT)``."""
    return said


@pytest.fixture
def tiny_registry() -> Registry:
    return Registry(
        states=[
            state("AAA", 120_000, land=60_000),
            state("BBB", 80_000, land=40_000),
            state("CCC", 60_000, frontline=True, land=30_000),
            state("DDD", 20_000),
            state("UKR", 800_000, frontline=True),
        ],
        commitments=[
            Commitment(
                id="bbb-abroad",
                actor="BBB",
                host="CCC",
                name="a brigade",
                troops=4_000,
                start=date(2020, 1, 1),
                source_url="test",
            )
        ],
        factors={
            f.name: f
            for f in (
                factor("usability_deployable", 0.5, 0.4, 0.5),
                factor("rotation_ratio_long_deployment", 4, 3, 5),
                factor("home_defence_reserve_share", 0.5, 0.25, 0.75),
            )
        },
        pledges=[
            Pledge(
                id="ddd-troops",
                actor="DDD",
                kind=PledgeKind.TROOPS,
                amount=3_000,
                unit="troops",
                description="test pledge",
                pledged_on=date(2026, 1, 1),
                source_url="test",
            )
        ],
    )


@pytest.fixture
def tiny_evidence() -> list[Evidence]:
    return [
        said("AAA", Stance.CONDITIONAL, Condition.US_BACKSTOP),
        said("BBB", Stance.SUPPORT),
        said("BBB", Stance.SUPPORT, outlet="b"),
        said("CCC", Stance.OPPOSE),
        said("DDD", Stance.UNCERTAIN),
    ]
