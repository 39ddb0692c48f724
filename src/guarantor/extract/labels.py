"""Gold positions -> labels on pairs: what the stance model is trained to say.

A gold position (actor, option, stance, conditions, quote span) labels every
pair of its actor whose sentence overlaps the quote. A gold position whose
actor is no candidate in any overlapping sentence cannot be learned or found;
``coverage`` counts them, so the ceiling candidate generation puts on recall
is measured rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from guarantor.domain import Condition, Option, Stance
from guarantor.extract.candidates import Pair
from guarantor.extract.gold import GoldSpan
from guarantor.extract.spans import Sentence

__all__ = [
    "CONDITIONS",
    "NONE",
    "OPTIONS",
    "STANCES",
    "Labels",
    "label_pairs",
]

OPTIONS = tuple(o.value for o in Option)
STANCES = tuple(s.value for s in Stance)
CONDITIONS = tuple(c.value for c in Condition)
NONE = "none"


@dataclass
class Labels:
    """Per option a stance (or none), and the conditions of the pair's conditional ones."""

    stances: dict[str, str] = field(default_factory=dict)
    conditions: set[str] = field(default_factory=set)

    def stance_index(self, option: str) -> int:
        """0 for none, else 1 + the stance's place in ``STANCES``."""
        stance = self.stances.get(option)
        return 0 if stance is None else 1 + STANCES.index(stance)


def _overlapping(sentences: Sequence[Sentence], start: int, end: int) -> list[int]:
    return [i for i, s in enumerate(sentences) if s.start < end and start < s.end]


def label_pairs(
    pairs: Sequence[Pair], sentences: Sequence[Sentence], gold: Sequence[GoldSpan]
) -> tuple[list[Labels], int]:
    """Labels for each pair, and how many gold triples no pair can carry."""
    labels = [Labels() for _ in pairs]
    index = {(p.sentence, p.actor): i for i, p in enumerate(pairs)}
    uncovered: set[tuple[str, str, str]] = set()
    covered: set[tuple[str, str, str]] = set()
    for g in gold:
        hit = False
        for number in _overlapping(sentences, g.start, g.end):
            i = index.get((number, g.actor))
            if i is None:
                continue
            hit = True
            # where two gold stances meet on one pair, the more specific one wins
            current = labels[i].stances.get(g.option)
            if current is None or STANCES.index(g.stance) > STANCES.index(current):
                labels[i].stances[g.option] = g.stance
            if g.stance == Stance.CONDITIONAL.value:
                labels[i].conditions |= set(g.conditions)
        (covered if hit else uncovered).add((g.actor, g.option, g.stance))
    return labels, len(uncovered - covered)
