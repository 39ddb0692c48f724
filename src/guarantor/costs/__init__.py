"""Cost sharing (``costs.model.v1``): what the guarantee costs and who would pay it.

``run_costs`` prices the force of a forces result (with its p5/p50/p95),
paid US support, military aid and offsets, and splits the net bill by a named,
versioned key; ``answer_who_pays`` is the assessment's answer.
"""

from guarantor.costs.answer import WhoPays, answer_who_pays
from guarantor.costs.capped import InfeasibleCapsError, solve_capped
from guarantor.costs.items import CostItem, SoldierCost, YearlyCost, soldier_cost, yearly_cost
from guarantor.costs.keys import Allocation, KeyContext, Payer, SharingKey
from guarantor.costs.model import (
    KEYS,
    RULE,
    ActorCost,
    CostLine,
    CostReport,
    key_context,
    resolve_key,
    run_costs,
)
from guarantor.costs.userkeys import UserKey, load_user_key

__all__ = [
    "KEYS",
    "RULE",
    "ActorCost",
    "Allocation",
    "CostItem",
    "CostLine",
    "CostReport",
    "InfeasibleCapsError",
    "KeyContext",
    "Payer",
    "SharingKey",
    "SoldierCost",
    "UserKey",
    "WhoPays",
    "YearlyCost",
    "answer_who_pays",
    "key_context",
    "load_user_key",
    "resolve_key",
    "run_costs",
    "soldier_cost",
    "solve_capped",
    "yearly_cost",
]
