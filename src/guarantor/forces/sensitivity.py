"""The tornado: how far P(requirement met) moves when one assumption moves.

Each parameter is set to its low and then its high value with everything
else held, on the same seed (common random numbers per state), so the swing is
the parameter's effect and not sampling noise. Ranges come from the registry's
planning factors and mission shares where they exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.forces.capacity import Planning
from guarantor.forces.generation import p_met_quick
from guarantor.registry import Registry

__all__ = ["SensitivityRow", "tornado"]

Variant = Callable[[Scenario, Planning, float], tuple[Scenario, Planning]]


class SensitivityRow(BaseModel):
    """One assumption at its low and high value, and P(met) at each."""

    model_config = ConfigDict(frozen=True)

    parameter: str
    low: float
    high: float
    p_low: float
    p_high: float
    swing: float
    note: str


@dataclass(frozen=True)
class _Sweep:
    parameter: str
    low: float
    high: float
    apply: Variant
    note: str


def _range(registry: Registry, name: str, low: float, high: float) -> tuple[float, float]:
    factor = registry.factors.get(name)
    return (factor.low, factor.high) if factor is not None else (low, high)


def _at_share(plan: Planning, quantile: float) -> Planning:
    """Every estimated state sends the ``quantile`` of its comparable states' shares."""
    return plan.replace(share_quantile=quantile)


def _sweeps(registry: Registry) -> list[_Sweep]:
    rot = _range(registry, "rotation_ratio_long_deployment", 3.0, 5.0)
    use = _range(registry, "usability_deployable", 0.4, 0.5)
    home = _range(registry, "home_defence_reserve_share", 0.25, 0.75)
    land = _range(registry, "land_forces_share_of_active", 0.33, 0.55)
    return [
        _Sweep(
            "correlation",
            0.0,
            0.8,
            lambda s, p, v: (s.model_copy(update={"correlation": v}), p),
            "independent decisions vs partners moving together",
        ),
        _Sweep(
            "rotation_ratio",
            *rot,
            lambda s, p, v: (s, p.replace(rotation_ratio=v)),
            "registry factor rotation_ratio_long_deployment range",
        ),
        _Sweep(
            "usability",
            *use,
            lambda s, p, v: (s, p.replace(usability=v)),
            "registry factor usability_deployable range (NATO 2004 vs 2008 target)",
        ),
        _Sweep(
            "estimate_share",
            0.25,
            0.75,
            lambda s, p, v: (s, _at_share(p, v)),
            "states without a pledge send the 25th / 75th percentile of comparable states' shares",
        ),
        _Sweep(
            "land_share",
            *land,
            lambda s, p, v: (s, p.replace(land_share=v)),
            "registry factor land_forces_share_of_active range (states without a land figure)",
        ),
        _Sweep(
            "home_defence_reserve",
            *home,
            lambda s, p, v: (s, p.replace(home_defence_reserve=v)),
            "registry factor home_defence_reserve_share range",
        ),
        _Sweep(
            "requirement",
            10_000,
            60_000,
            lambda s, p, v: (s.model_copy(update={"requirement": int(v)}), p),
            "IISS options: 10k and 60k (low end of 60-100k)",
        ),
        _Sweep(
            "us_backstop",
            0,
            1,
            lambda s, p, v: (s.with_conditions(us_backstop=v), p),
            "P(US backstop) 0 / 1",
        ),
    ]


def tornado(
    registry: Registry,
    evidence: Sequence[Evidence],
    scenario: Scenario,
    planning: Planning,
) -> list[SensitivityRow]:
    """Rows sorted by swing, largest first."""
    rows = []
    for sweep in _sweeps(registry):
        results = []
        for value in (sweep.low, sweep.high):
            varied, plan = sweep.apply(scenario, planning, value)
            results.append(p_met_quick(registry, evidence, varied, plan))
        rows.append(
            SensitivityRow(
                parameter=sweep.parameter,
                low=sweep.low,
                high=sweep.high,
                p_low=round(results[0], 4),
                p_high=round(results[1], 4),
                swing=round(abs(results[1] - results[0]), 4),
                note=sweep.note,
            )
        )
    return sorted(rows, key=lambda r: -r.swing)
