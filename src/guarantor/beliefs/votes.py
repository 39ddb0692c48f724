"""What a stance votes for when the scenario does not matter: every rule version agrees here."""

from __future__ import annotations

from guarantor.domain.evidence import Evidence
from guarantor.domain.scenario import BeliefRule
from guarantor.domain.vocabulary import Stance

__all__ = ["plain_vote"]


def plain_vote(evidence: Evidence, rule: BeliefRule) -> tuple[float, str] | None:
    """The vote of a stance that needs no scenario (all but a named condition), else None.

    Shared by every rule version: they differ only in how named conditions weigh."""
    votes = rule.votes
    if evidence.stance is Stance.SUPPORT:
        return votes.support, "support"
    if evidence.stance is Stance.OPPOSE:
        return votes.oppose, "oppose"
    if evidence.stance is Stance.UNCERTAIN:
        return votes.uncertain, "uncertain"
    if not evidence.conditions:
        return votes.conditional_unspecified, "conditional, no condition named"
    return None
