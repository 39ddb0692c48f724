"""A holder's pairs in one document, and what gold says that holder holds there.

Gold records one quote per (actor, option, stance) in a document, even when the
article states it twice; the pairs of the sentences nobody quoted are labelled
"none" although they say the same thing. Scoring, like the analyst, asks of a
document only whether the holder takes the stance somewhere in it. Training
the stance model at that level as well (``holder_loss``, multiple-instance
learning: the document-level probability is the noisy-OR of the holder's
pairs) teaches it what the score asks, and the labels of unquoted repeats no
longer pull the other way. No torch here, so the grouping is tested without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from guarantor.extract.candidates import Pair
from guarantor.extract.evaluate import GoldPosition
from guarantor.extract.labels import OPTIONS, STANCES

__all__ = ["HolderGroups", "holder_groups"]


class _Example(Protocol):
    pairs: list[Pair]
    gold: list[GoldPosition]


class HolderGroups:
    """``group[n]``: row n's holder group; ``targets[g, option, stance]``: 1 where gold has it."""

    def __init__(self, group: np.ndarray, targets: np.ndarray) -> None:
        self.group = group
        self.targets = targets

    def members(self) -> list[list[int]]:
        """Row numbers of each group, in row order."""
        out: list[list[int]] = [[] for _ in range(len(self.targets))]
        for row, g in enumerate(self.group.tolist()):
            out[g].append(row)
        return out


def holder_groups(examples: Sequence[_Example], owners: Sequence[tuple[int, int]]) -> HolderGroups:
    """Group rows (``owners``: example, pair) by (document, holder) and read gold per group."""
    index: dict[tuple[int, str], int] = {}
    group = np.zeros(len(owners), dtype=np.int64)
    for row, (e, p) in enumerate(owners):
        group[row] = index.setdefault((e, examples[e].pairs[p].actor), len(index))
    targets = np.zeros((len(index), len(OPTIONS), len(STANCES)), dtype=np.float32)
    for (e, actor), g in index.items():
        for gold in examples[e].gold:
            if gold.actor == actor:
                targets[g, OPTIONS.index(gold.option), STANCES.index(gold.stance)] = 1.0
    return HolderGroups(group, targets)
