"""Who holds a stance cue: the subject, a possessor, the quoted speaker, a shared subject.

``HolderRules`` is the part of the sentence rules (``assemble._SentenceRules``)
that finds the holders of one cue in its clause; it reads only the sentence view.
"""

from __future__ import annotations

import re

from guarantor.extract.holders import Holder, SentenceView
from guarantor.extract.lexicon import Cue
from guarantor.extract.spans import Hit

__all__ = ["STATE", "HolderRules"]

STATE = re.compile(r"^[A-Z]{3}$")
_SHARED_SUBJECT = re.compile(
    r",?\s*(?:(?:but|and|while)\s+(?:also\s+|still\s+)?"
    r"(?!\w+\s+(?:is|are|was|were|has|have|will|would)\b)[a-z]"
    r"|(?:saying|stressing|adding|arguing|insisting|noting|explaining|warning)\b)"
)


class HolderRules:
    """Holder finding for one sentence; the subclass sets ``view`` and ``text``."""

    view: SentenceView
    text: str

    def _holders(self, cue: Hit, info: Cue, clause: tuple[int, int]) -> list[Holder]:
        if info.holder_after:  # "the offer of Norway"; else "Norway's offer of troops"
            return self.view.after(cue.end, fallback=False) or self._possessor(cue)
        if self.view.unnamed_group(cue.start, clause):
            return []  # "Rutte said several allies are ready to": a subject that is no actor
        relative = self.view.relative_subject(cue.start, clause)
        if relative is not None:
            return relative
        return (
            self.view.before(cue.start, owners_ok=info.owner_holds or not info.option_before)
            or self._elided(clause)
            or (self.view.speaker() if self._speaks_for(cue, clause) else [])
            or self.view.after(cue.end, fallback=True)
        )

    def _possessor(self, cue: Hit) -> list[Holder]:
        """ "Norway's offer of troops": the possessor holds a stance noun."""
        for mention in self.view.mentions:
            gap = self.text[mention.end : cue.start] if mention.end <= cue.start else ""
            if mention.actor and mention.role == "holder" and gap.strip() in ("'s", "’s"):
                return [Holder(mention.actor, mention, "mention")]
        return []

    def _speaks_for(self, cue: Hit, clause: tuple[int, int]) -> bool:
        """A subjectless cue is the speaker's in a quotation or in the speaker's own clause."""
        sentence = self.view.sentence
        if sentence.speaker is None:
            return False
        if sentence.quoted or self.view.quoted(cue.start) or sentence.speaker_at < 0:
            return True
        return self.view.clause(sentence.speaker_at) == clause

    def _elided(self, clause: tuple[int, int]) -> list[Holder]:
        """ "... supports X but rejects Y": the second verb shares the first one's subject."""
        if clause[0] <= self.view.sentence.start:
            return []
        if not _SHARED_SUBJECT.match(self.text, clause[0]):
            return []
        return self.view.subject(clause[0])

    def _coholders(self, coholders: list[Hit], clause: tuple[int, int]) -> list[Holder]:
        found: list[Holder] = []
        for marker in coholders:
            if clause[0] <= marker.start < clause[1]:
                found += [
                    Holder(h.actor, h.mention, "coholder") for h in self.view.next_actor(marker.end)
                ]
        return found

    def _named_members(
        self, holders: list[Holder], cue: Hit, clause: tuple[int, int]
    ) -> list[Holder]:
        """A group ("Europe") whose members are then listed gives way to the members."""
        if not any(h.actor == "EUROPE" for h in holders):
            return holders
        members = [
            m
            for m in self.view.mentions
            if cue.end <= m.start < clause[1]
            and m.role == "holder"
            and m.kind in ("adjective", "demonym", "name", "short", "plural_nationals")
            and m.actor is not None
            and STATE.match(m.actor)
        ]
        if not members:
            return holders
        group = self.view.group(members[0], clause[1], forward=True)
        if len(group) < 2:
            return holders
        return [h for h in holders if h.actor != "EUROPE"] + group
