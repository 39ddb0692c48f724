"""The tornado: how far P(requirement met) moves when one assumption moves.

Each parameter is set to its low and then its high value with everything
else held, on the same seed (common random numbers), so the swing is the
parameter's effect and not sampling noise. Ranges come from the registry's
planning factors where they exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import Scenario
from guarantor.forces.capacity import Planning
from guarantor.forces.model import SensitivityRow, p_met_quick
from guarantor.registry import Registry

__all__ = ["tornado"]

Variant = Callable[[Scenario, Planning, float], tuple[Scenario, Planning]]


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


def _sweeps(registry: Registry) -> list[_Sweep]:
    rot = _range(registry, "rotation_ratio_long_deployment", 3.0, 5.0)
    use = _range(registry, "usability_deployable", 0.4, 0.5)
    home = _range(registry, "home_defence_reserve_share", 0.25, 0.75)
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
            "capacity_share",
            0.25,
            1.0,
            lambda s, p, v: (s, p.replace(capacity_share=v)),
            "share of sustainable capacity offered where no number was pledged",
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
            lambda s, p, v: (s.with_conditions(us_backstop=bool(v)), p),
            "US backstop off (0) / on (1)",
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
