"""A gold position located in its text: what the corpus files hold and training labels read."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GoldSpan"]


@dataclass(frozen=True)
class GoldSpan:
    """One gold position: the scored triple, its conditions and where its quote stands
    (character offsets), with the attribution fields of the annotation guide."""

    actor: str
    option: str
    stance: str
    start: int
    end: int
    conditions: frozenset[str] = frozenset()
    speaker: str | None = None
    claimed_by: str | None = None
    reported_by: str | None = None
    analysis: bool = False
    stated_on: str | None = None

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.actor, self.option, self.stance)
