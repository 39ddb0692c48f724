"""``extract.hybrid.v1``: rules find the pairs, a learned model decides their stances.

The rule pipeline runs as before up to its own positioner (its reading becomes
features of each pair); ``LearnedPositioner`` then replaces the rule
candidates with the model's: for each pair and option, a stance when the
probability that the holder takes any stance reaches the threshold (a
setting), with that probability as the position's ``confidence``. Conditions
come from the model's condition head, else from the condition words the rules
found in the sentence for that option.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from guarantor.domain import Condition, Option, Stance
from guarantor.extract.candidates import Pair, PairFinder
from guarantor.extract.spans import Annotated, Candidate
from guarantor.extract.stance_model import StanceModel

__all__ = ["DEFAULT_THRESHOLD", "LearnedPositioner", "decide"]

OPTIONS = [o.value for o in Option]
STANCES = [s.value for s in Stance]
CONDITIONS = [c.value for c in Condition]
DEFAULT_THRESHOLD = 0.5
CONDITION_THRESHOLD = 0.5


def _conditions(
    probabilities: np.ndarray, rule: Candidate | None, names: Sequence[str]
) -> tuple[str, ...]:
    chosen = tuple(names[int(i)] for i in np.flatnonzero(probabilities >= CONDITION_THRESHOLD))
    if chosen:
        return chosen
    if rule is not None and rule.conditions:
        return tuple(rule.conditions)
    return (names[int(np.argmax(probabilities))],)


def decide(
    doc: Annotated,
    pairs: Sequence[Pair],
    stances: np.ndarray,
    conditions: np.ndarray,
    threshold: float = DEFAULT_THRESHOLD,
    condition_names: Sequence[str] = CONDITIONS,
) -> list[Candidate]:
    """The candidates the model's probabilities stand for, at ``threshold``."""
    found: list[Candidate] = []
    for n, pair in enumerate(pairs):
        sentence = doc.sentences[pair.sentence]
        claimant = sentence.speaker.actor if sentence.speaker else None
        for k, option in enumerate(OPTIONS[: stances.shape[1]]):
            p = stances[n, k]
            if 1.0 - p[0] < threshold:
                continue
            stance = STANCES[int(np.argmax(p[1:]))]
            rule = next((c for c in pair.rules if c.option == option), None)
            conds: tuple[str, ...] = ()
            if stance == Stance.CONDITIONAL.value:
                conds = _conditions(conditions[n], rule, condition_names)
            found.append(
                Candidate(
                    sentence=pair.sentence,
                    actor=pair.actor,
                    option=option,
                    stance=stance,
                    conditions=conds,
                    speaker=rule.speaker if rule else pair.speaker or _named(doc, pair),
                    claimed_by=rule.claimed_by
                    if rule
                    else (claimant if claimant and claimant != pair.actor else None),
                    analysis=rule.analysis if rule else sentence.analysis,
                    confidence=round(float(1.0 - p[0]), 4),
                )
            )
    return found


def _named(doc: Annotated, pair: Pair) -> str | None:
    if not pair.spans:
        return None
    start, end = pair.spans[0]
    return doc.text[start:end]


class LearnedPositioner:
    """Component: the model's candidates replace the rule positioner's."""

    name = "learned-positions"

    def __init__(self, model: StanceModel, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._model = model
        self._finder = PairFinder()
        self.threshold = threshold

    def __call__(self, doc: Annotated) -> Annotated:
        inputs, pairs = self._finder(doc)
        stances, conditions = self._model.predict(inputs, pairs)
        names = self._model.card["conditions"]
        doc.candidates = decide(doc, pairs, stances, conditions, self.threshold, names)
        return doc
