"""Response to an attack (``response.simpy.v1``): a discrete-event simulation on SimPy.

``simulate_response`` runs one instrument design against one attack of the
scenario; ``compare_designs`` runs all of the scenario's designs on common
random numbers. Obligations are read from the registry's instruments
(``read_duties``), will to act from the beliefs module.
"""

from guarantor.response.obligations import REQUIRED, Activation, Duty, covers, read_duties
from guarantor.response.plan import Plan, plan_response
from guarantor.response.report import (
    ActorResponse,
    ResponseReport,
    Timing,
    compare_designs,
    pick_attack,
    pick_design,
    simulate_response,
)
from guarantor.response.simulation import RULE, draw, replicate, run_replications

__all__ = [
    "REQUIRED",
    "RULE",
    "Activation",
    "ActorResponse",
    "Duty",
    "Plan",
    "ResponseReport",
    "Timing",
    "compare_designs",
    "covers",
    "draw",
    "pick_attack",
    "pick_design",
    "plan_response",
    "read_duties",
    "replicate",
    "run_replications",
    "simulate_response",
]
