"""Roles of actor mentions: whether a mention can hold a stance, from the words around it.

Recording after finding: ``MentionFinder`` finds the names, ``RoleTagger``
marks each as holder, object of a preposition, place, recipient, modifier of a
noun ("NATO troops"), owner of troops ("Swedish units") or possessive, and
whether it is a voice of its state at all.
"""

from __future__ import annotations

import re

from guarantor.extract.lexicon import Lexicon
from guarantor.extract.spans import Mention

__all__ = ["GROUP_ACTORS", "RoleTagger"]

GROUP_ACTORS = frozenset({"EUROPE", "COALITION", "G7"})
_WORD = re.compile(r"[\w'’-]+")
_TROOP_NOUN = re.compile(
    r"^\s+(?:troops|soldiers|units|forces|personnel|contingents?|navy|air force|jets|warships"
    r"|ships|minehunters|instructors|peacekeepers|servicemen|militaries)\b"
)


# "Spain's Sanchez:", "France's Macron said": a name after a possessive speaks for it.
_SPEAKING_NAME = re.compile(
    r"^\s*[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+)?"
    r"(?=\s*:|\s+(?:said|says|told|tells|added|adds|warned|stressed|insisted|declared|wrote)\b)"
)


# A fronted "For <actor>," names whose view the sentence gives.
_TOPIC_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)For\s+(?:the\s+)?$")


def _right_after(before: str, word: str) -> bool:
    """``before`` ends with ``word`` (and maybe "the"), with no punctuation between."""
    return bool(re.search(rf"(?i)\b{re.escape(word)}\s+(?:the\s+)?$", before))


class RoleTagger:
    """Decides whether a mention can hold a stance, from the words around it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lex = lexicon

    def tag(self, text: str, mention: Mention) -> None:
        before = text[max(0, mention.start - 30) : mention.start]
        words = _WORD.findall(before)
        previous = words[-1].lower() if words else ""
        if previous == "the" and len(words) > 1:
            previous = words[-2].lower()
        if previous == "of" and self._lex.office_of.search(before):
            mention.kind = "office"  # "the Prime Minister of Holland" speaks for it
        elif previous in self._lex.object_prepositions:
            mention.role, mention.preposition = "object", previous
            if previous in self._lex.place_prepositions and self._place(before):
                mention.role = "place"  # "from bases in Poland": a place, never a speaker
            elif _TOPIC_BEFORE.search(before) and text.startswith(",", mention.end):
                mention.role, mention.preposition = "holder", None  # "For Hungary, X is ..."
        elif previous in self._lex.recipient_verbs and _right_after(before, previous):
            mention.role, mention.preposition = "object", "to"  # "promised Kiev guarantees"
        after = text[mention.end : mention.end + 40]
        if mention.kind in ("adjective", "demonym"):
            self._adjective(mention, after)
        elif after.startswith(("'s", "’s")) or (
            after.startswith(("' ", "’ ")) and text[mention.start - 1 : mention.start] not in "'‘"
        ):
            rest = after[2:]
            title = self._lex.official_nouns.match(rest) or _SPEAKING_NAME.match(rest)
            official = title or self._lex.stance_nouns.match(rest)
            mention.role = "holder" if official else "possessive"
            if title and mention.kind not in ("person", "office"):
                mention.kind = "office"  # "Spain's defence minister ... she said"
                mention.end += 2 + title.end()
                mention.text = text[mention.start : mention.end]
        elif previous == "other" or self._modifies(mention, after):
            mention.role = "modifier"
        if self._lex.not_a_voice.search(" ".join(words[-3:])):
            mention.voice = False

    def _place(self, before: str) -> bool:
        """The words before the preposition are a place noun ("bases in", "summit in")."""
        head = before[: before.rstrip().rfind(" ") + 1] if " " in before.rstrip() else ""
        head = re.sub(r"\bthe\s+$", "", head)
        return bool(self._lex.place_nouns.search(head))

    def _modifies(self, mention: Mention, after: str) -> bool:
        """ "NATO troops", "French television": the name describes a noun."""
        return mention.kind not in ("office", "person") and bool(
            self._lex.modifier_nouns.match(after)
        )

    def _adjective(self, mention: Mention, after: str) -> None:
        official = self._lex.official_nouns.match(after)
        if official and mention.actor not in GROUP_ACTORS:
            mention.end += official.end()
            mention.text += after[: official.end()]
            mention.plural = mention.text.endswith("s")
            return
        if mention.actor not in GROUP_ACTORS and _TROOP_NOUN.match(after):
            mention.role = "owner"
            return
        nominal = re.match(r"^\s*(?:[,;)–—-]|and\b|or\b)", after)
        if nominal and mention.actor not in GROUP_ACTORS and mention.role == "holder":
            mention.role = "holder"
            return
        mention.role = "modifier"
