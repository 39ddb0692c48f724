"""Force generation (``forces.montecarlo.v1``): who would send troops, and is it enough?

``run_forces`` gives the full report for one scenario; ``answer_who_sends``
gives the default question's answer with and without a US backstop;
``simulate`` is the vectorised Monte Carlo underneath.
"""

from guarantor.forces.answer import WhoSends, answer_who_sends
from guarantor.forces.capacity import Contributor, Planning, contributors, planning_for
from guarantor.forces.model import (
    ActorForce,
    ForceReport,
    SensitivityRow,
    SustainedForce,
    contributors_for,
    participation_beliefs,
    run_forces,
)
from guarantor.forces.montecarlo import RULE, Simulation, simulate

__all__ = [
    "RULE",
    "ActorForce",
    "Contributor",
    "ForceReport",
    "Planning",
    "SensitivityRow",
    "Simulation",
    "SustainedForce",
    "WhoSends",
    "answer_who_sends",
    "contributors",
    "contributors_for",
    "participation_beliefs",
    "planning_for",
    "run_forces",
    "simulate",
]
