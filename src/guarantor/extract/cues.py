"""Options, stance cues, conditions and outlets: one regex pass per family.

Finding runs over the whole text (no per-sentence work); recording keeps
the hits sorted by offset so later components can slice them per sentence.
"""

from __future__ import annotations

import bisect
import re

from guarantor.extract.lexicon import Lexicon
from guarantor.extract.spans import Annotated, Hit

__all__ = ["ConditionFinder", "CueFinder", "OptionFinder", "OutletFinder"]


class OptionFinder:
    """Component: records option hits; a specific option hides a general one under it."""

    name = "options"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for key, pattern in self._lex.options:
            hits.extend(Hit(m.start(), m.end(), key) for m in pattern.finditer(text))
        for key, pattern in self._lex.converse:  # index 1: the stance on it is turned around
            hits.extend(Hit(m.start(), m.end(), key, 1) for m in pattern.finditer(text))
        hits.extend(self._amounts(text, hits))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return [h for h in self._suppress(hits) if not self._dropped(text, h)]

    def _amounts(self, text: str, hits: list[Hit]) -> list[Hit]:
        """Sums of money count as financial aid unless military aid is named next to them."""
        window = self._lex.amount_window
        military = [h.start for h in hits if h.label == "military_aid"]
        return [
            Hit(m.start(), m.end(), "financial_aid")
            for m in self._lex.amounts.finditer(text)
            if not any(abs(start - m.start()) <= window for start in military)
        ]

    def _suppress(self, hits: list[Hit]) -> list[Hit]:
        kept: list[Hit] = []
        for hit in hits:
            losers = [
                k
                for k in kept[-6:]
                if k.start < hit.end
                and hit.start < k.end
                and hit.label in self._lex.suppresses.get(k.label, ())
            ]
            if losers:
                continue
            winners = [
                k
                for k in kept[-6:]
                if k.start < hit.end
                and hit.start < k.end
                and k.label in self._lex.suppresses.get(hit.label, ())
            ]
            for loser in winners:
                kept.remove(loser)
            kept.append(hit)
        return kept

    def _dropped(self, text: str, hit: Hit) -> bool:
        before = text[max(0, hit.start - 30) : hit.start]
        if self._lex.drop_after.search(before):
            return True
        recipient = self._lex.recipient_after.get(hit.label)
        return bool(recipient and recipient.search(before))

    def __call__(self, doc: Annotated) -> Annotated:
        doc.options = self.find(doc.text)
        doc.anaphors = [
            Hit(m.start(), m.end(), "anaphor") for m in self._lex.anaphors.finditer(doc.text)
        ]
        return doc


class CueFinder:
    """Component: records stance cues; the first cue of the lexicon wins at a place."""

    name = "stance_cues"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon

    def find(self, text: str) -> list[Hit]:
        hits = []
        for match in self._lex.cues.finditer(text):
            name = match.lastgroup or "c0"
            index = int(name[1:])
            hits.append(Hit(match.start(), match.end(), self._lex.cue_info[index].stance, index))
        return hits

    def __call__(self, doc: Annotated) -> Annotated:
        cues = self.find(doc.text)
        spans = [(o.start, o.end) for o in doc.options]
        starts = [s for s, _ in spans]
        doc.cues = [c for c in cues if not _inside_option(c, spans, starts)]
        return doc


def _inside_option(cue: Hit, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """The words of an option ("air support") are not a stance cue of their own."""
    i = bisect.bisect_right(starts, cue.start)
    return any(s <= cue.start and cue.end <= e for s, e in spans[max(0, i - 3) : i])


class ConditionFinder:
    """Component: records condition hits with their condition key."""

    name = "conditions"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon

    def find(self, text: str) -> list[Hit]:
        keys = self._lex.condition_keys
        return [
            Hit(m.start(), m.end(), keys[int((m.lastgroup or "k0")[1:])])
            for m in self._lex.conditions.finditer(text)
        ]

    def __call__(self, doc: Annotated) -> Annotated:
        doc.conditions = self.find(doc.text)
        return doc


class OutletFinder:
    """Component: records the news outlets an article cites ("Reuters reported")."""

    name = "outlets"

    def __init__(self, outlets: list[str]) -> None:
        names = sorted({o for o in outlets if len(o) > 2}, key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)") if names else None

    def find(self, text: str) -> list[Hit]:
        if self._pattern is None:
            return []
        return [Hit(m.start(), m.end(), m.group(0)) for m in self._pattern.finditer(text)]

    def __call__(self, doc: Annotated) -> Annotated:
        doc.outlets = self.find(doc.text)
        return doc
