"""Which options of a sentence a condition limits, and which words belong to it.

A condition limits the option it follows (or, with none before, the one after
it), options coordinated with that one ("troops and ships only with ..."),
the same option named twice in its clause, every option after a fronted
"Once ...,"/"If ...," clause, and the clause before a "but only ..." tail.
The words of a condition are not a stance ("must be approved by the
Folketing") and what a US condition asks ("only if the US provides air
cover") is not a pledge of the holder.
"""

from __future__ import annotations

import re

from guarantor.extract.holders import SentenceView
from guarantor.extract.lexicon import Lexicon
from guarantor.extract.spans import Hit

__all__ = ["ConditionScope"]

_OPTION_GAP = re.compile(r"^[\s,]*(?:and|or|as well as)?[\s,]*(?:the\s+)?$")
_CONDITION_OBJECT = re.compile(r"^\s*(?:(?:the|an?|its|their|some|enough)\s+)?$")
_LIMITING_TAIL = re.compile(r"[\s,]*but\s+(?:only|in (?:exchange|return))\b")


def _same(hit: Hit | None, other: Hit) -> bool:
    return hit is not None and (hit.start, hit.end) == (other.start, other.end)


class ConditionScope:
    """The conditions of one sentence and the options they reach."""

    def __init__(
        self, lexicon: Lexicon, view: SentenceView, conditions: list[Hit], anaphors: list[Hit]
    ) -> None:
        self.lex, self.view, self.conditions, self.anaphors = lexicon, view, conditions, anaphors
        self.text = view.doc.text
        self.options: list[Hit] = []

    def own_options(self, options: list[Hit]) -> list[Hit]:
        """The options that are not the content of a condition; remembered as the targets."""
        self.options = [o for o in options if not self._content(o)]
        return self.options

    def stance_cues(self, cues: list[Hit]) -> list[Hit]:
        """ "must be approved by the Folketing": the verb of a condition is not a stance."""
        return [c for c in cues if not self._inside(c)]

    def _inside(self, cue: Hit) -> bool:
        if self.lex.cue_info[cue.index].requirement:
            return False
        return any(k.start <= cue.start and cue.end <= k.end for k in self.conditions)

    def _content(self, option: Hit) -> bool:
        """ "only if the US provides air cover": the air cover is what the condition asks."""
        for condition in self.conditions:
            if condition.start <= option.start < condition.end:
                return True
            gap = self.text[condition.end : option.start]
            after = condition.end <= option.start and condition.label == "us_backstop"
            if after and _CONDITION_OBJECT.match(gap):
                return True
        return False

    def for_option(self, option: Hit, sentence_wide: bool = False) -> tuple[str, ...]:
        """The condition keys that limit ``option``, in order, once each."""
        found = []
        clause = self.view.clause(option.start)
        fronted = self.view.fronted_end
        for condition in self.conditions:
            if condition.start < fronted <= option.start:
                found.append(condition.label)  # "Once X, ..." governs the whole sentence
                continue
            if self._carried(condition, clause):
                found.append(condition.label)
                continue
            if self.view.clause(condition.start) != clause and not sentence_wide:
                continue
            if _same(self._target(condition), option) or self._coordinated(option, condition):
                found.append(condition.label)
        return tuple(dict.fromkeys(found))

    def _carried(self, condition: Hit, clause: tuple[int, int]) -> bool:
        """ "X can do Y, but only with a UN mandate": the tail limits the clause before."""
        tail = self.view.clause(condition.start)
        if tail[0] != clause[1] or not _LIMITING_TAIL.match(self.text, tail[0]):
            return False
        return not any(tail[0] <= o.start < tail[1] for o in self.options)

    def _target(self, condition: Hit) -> Hit | None:
        targets = sorted([*self.options, *self.anaphors], key=lambda h: h.start)
        before = [o for o in targets if o.end <= condition.start]
        if before:
            return before[-1]
        after = [o for o in targets if o.start >= condition.end]
        return after[0] if after else None

    def _coordinated(self, option: Hit, condition: Hit) -> bool:
        target = self._target(condition)
        if target is None or _same(target, option) or option.start > target.start:
            return False
        if target.label == option.label:  # one option named twice, outside relative clauses
            return self.view.relative(option.start) == self.view.relative(target.start)
        return bool(_OPTION_GAP.match(self.text[option.end : target.start]))
