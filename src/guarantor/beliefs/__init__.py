"""Evidence -> probabilities, each with its explanation (``beliefs.logodds.v1``).

``belief_for``/``beliefs_for`` compute P(actor acts on option | scenario,
evidence); ``gather_evidence`` combines the bundled ledger with the store's
positions; ``load_scenario`` reads a scenario file merged over the default.
"""

from guarantor.beliefs.logodds import RULE, Belief, Vote, belief_for, beliefs_for
from guarantor.beliefs.scenarios import (
    default_scenario,
    default_scenario_text,
    load_scenario,
    parse_scenario,
)
from guarantor.beliefs.sources import (
    evidence_from_ledger,
    evidence_from_positions,
    gather_evidence,
    independent_sources,
)

__all__ = [
    "RULE",
    "Belief",
    "Vote",
    "belief_for",
    "beliefs_for",
    "default_scenario",
    "default_scenario_text",
    "evidence_from_ledger",
    "evidence_from_positions",
    "gather_evidence",
    "independent_sources",
    "load_scenario",
    "parse_scenario",
]
