"""Attack events at time zero, as scenario parameters: what happened, to whom, whose
soldiers died. Pure models; ``guarantor.response`` simulates what partners do next.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator, model_validator

from guarantor.domain.parameters import Part

__all__ = ["ARMED_KINDS", "Attack", "AttackKind", "Attacks", "default_attacks"]


class AttackKind(StrEnum):
    """What happened at time zero."""

    ARMED_ATTACK = "armed_attack"  # a renewed armed attack on the target state
    ATTACK_ON_FORCE = "attack_on_force"  # the reassurance force is hit, with casualties
    HYBRID = "hybrid"  # sabotage, cyber attack: below the threshold of armed attack
    AIRSPACE_VIOLATION = "airspace_violation"  # drones or aircraft cross a border


ARMED_KINDS = frozenset({AttackKind.ARMED_ATTACK, AttackKind.ATTACK_ON_FORCE})


class Attack(Part):
    """An attack event at time zero: whom it hits and whose troops die."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: AttackKind
    target: str = Field(default="UKR", pattern=r"^[A-Z]{3}$", description="state attacked")
    attacker: str = Field(default="RUS", pattern=r"^[A-Z]{3}$")
    casualties: dict[str, int] = Field(
        default_factory=dict, description="ISO3 of the contributor -> its soldiers killed"
    )
    help: str = ""

    @field_validator("casualties")
    @classmethod
    def _states(cls, value: dict[str, int]) -> dict[str, int]:
        out = {}
        for state, dead in value.items():
            key = state.upper()
            if len(key) != 3 or not key.isalpha():
                raise ValueError(f"casualties: {state!r} is not an ISO alpha-3 code")
            if dead < 1:
                raise ValueError(f"casualties: {key} has {dead}; give only states hit (>= 1)")
            out[key] = dead
        return out

    @model_validator(mode="after")
    def _consistent(self) -> Attack:
        if self.kind is AttackKind.ATTACK_ON_FORCE and not self.casualties:
            raise ValueError("an attack_on_force names the contributors hit (casualties)")
        if self.kind is not AttackKind.ATTACK_ON_FORCE and self.casualties:
            raise ValueError("casualties are given only for an attack_on_force")
        if self.target == self.attacker:
            raise ValueError("target and attacker must differ")
        return self


def _unique_names(value: tuple[Attack, ...]) -> tuple[Attack, ...]:
    names = [a.name for a in value]
    if len(set(names)) != len(names):
        raise ValueError(f"attack names must be unique, got {names}")
    return value


Attacks = Annotated[tuple[Attack, ...], AfterValidator(_unique_names)]


def default_attacks() -> tuple[Attack, ...]:
    return (
        Attack(
            name="renewed_invasion",
            kind=AttackKind.ARMED_ATTACK,
            help="Russia resumes its armed attack on Ukraine after the ceasefire.",
        ),
        Attack(
            name="strike_on_force",
            kind=AttackKind.ATTACK_ON_FORCE,
            casualties={"GBR": 12, "FRA": 8},
            help="A missile strike kills British and French soldiers of the reassurance force "
            "(illustrative numbers; the two framework nations of the UK-France declaration of "
            "intent of 6 Jan 2026, registry instrument proposal-mnf-ukraine).",
        ),
        Attack(
            name="drone_incursion",
            kind=AttackKind.AIRSPACE_VIOLATION,
            target="POL",
            help="Drones cross into Poland, as on 10 Sep 2025, when Poland asked for NATO "
            "Article 4 consultations.",
        ),
    )
