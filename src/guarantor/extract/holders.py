"""Who holds a stance: the subject before a cue, a pronoun's antecedent, the speaker.

These are the coreference and scope rules the positions component uses:
clauses (a stance and its holder stay on one side of "but", "while", ";"
and of the comma that closes a fronted "If ..."/"While ..." clause),
non-restrictive relative clauses (", which now has the EU's largest army,"
is skipped when looking for Poland), coordination ("France and Britain"),
pronouns ("it", "they", "he"; "we" and "I" inside a quotation are the
speaker) and definite titles ("the official").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from guarantor.extract.lexicon import Lexicon
from guarantor.extract.spans import Annotated, Mention, Sentence

__all__ = ["Holder", "SentenceView"]

_RELATIVE = re.compile(
    r",\s*(?:which|who|whose)\b[^,;“”\"]*,|\([^()]*\)"
    r"|,\s*(?:a|an|one of the|the only|the largest|the biggest|home to)\s[^,;“”\"]*,"
)
_FRONTED = re.compile(
    r"^\W*(?:\d+\.\s+)?(?:if|while|although|though|when|as|after|despite|because|since"
    r"|unless|once|until|as soon as|provided)\b",
    re.I,
)
_PRONOUN = re.compile(
    r"\b(?:he|she|his|her|they|them|their|it|its|we|our|I"
    r"|(?:both|the two|all three) (?:countries|governments|leaders|capitals|states|allies))\b",
    re.I,
)
_EXPLETIVE = re.compile(
    r"^(?:'s|’s|\s+is|\s+was|\s+became|\s+seems|\s+remains|\s+has been)\b"
    r"(?!\s+(?:ready|willing|prepared|opposed|against|cautious|not\b))"
)
_GROUP_GAP = re.compile(
    r"^(?:[\s,;()–—-]|\b(?:and|or|nor|as|well|the|some|of|them|states|countries|others|also)\b)*$"
)
_QUOTES = re.compile(r"[“”\"]")
# A quantified plural noun right before a cue is its subject, and not an actor:
# "several allies are ready to ..." is no one's stance, not the speaker's.
_GROUP_SUBJECT = re.compile(
    r"\b(?:several|many|some|other|most|few|all|various|a number of|a few|a dozen)\s+"
    r"(?:\w+\s+)?(?:allies|countries|states|partners|members|nations|governments|capitals)"
    r"\s+(?:\w+\s+)?$"
)
_RELATIVE_MARKER = re.compile(r",\s*(?:who|which)\b")
_REACH = 300  # how far back from a cue a pronoun can be its subject


@dataclass(frozen=True, slots=True)
class Holder:
    actor: str
    mention: Mention | None
    via: str  # mention | pronoun | speaker | collective | after | coholder


class SentenceView:
    """One sentence with its spans, and the rules that find holders in it."""

    def __init__(self, doc: Annotated, index: int, lexicon: Lexicon, mentions: list[Mention]):
        self.doc, self.index, self._lex = doc, index, lexicon
        self.sentence: Sentence = doc.sentences[index]
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        s = self.sentence
        body = doc.text[s.start : s.end]
        self.breaks = [s.start + m.start() for m in lexicon.clause_breaks.finditer(body)]
        fronted = _FRONTED.match(body)
        self.fronted_end = -1  # where a fronted "If/Once ...," clause ends
        if fronted and "," in body[fronted.end() :]:
            self.fronted_end = s.start + body.index(",", fronted.end()) + 1
            self.breaks.append(self.fronted_end)
        self.breaks.sort()
        self.relatives = [
            (s.start + m.start(), s.start + m.end()) for m in _RELATIVE.finditer(body)
        ]

    # -- geometry --------------------------------------------------------
    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] if i else self.sentence.start
        end = self.breaks[i] if i < len(self.breaks) else self.sentence.end
        return start, end

    def relative(self, pos: int) -> tuple[int, int] | None:
        for span in self.relatives:
            if span[0] <= pos < span[1]:
                return span
        return None

    def quoted(self, pos: int) -> bool:
        s = self.sentence
        odd = len(_QUOTES.findall(self.doc.text, s.start, pos)) % 2 == 1
        return odd or (
            s.quoted and self.doc.text[s.start] in "‘'" and "’," not in self.doc.text[s.start : pos]
        )

    def _eligible(
        self, mention: Mention, cue_pos: int, possessive_ok: bool = False, owners_ok: bool = False
    ) -> bool:
        if mention.actor is None or not mention.voice:
            return False
        if mention.role == "owner":
            return owners_ok
        if mention.role == "possessive":
            gap = self.doc.text[mention.end : cue_pos]
            return possessive_ok and len(gap) <= 4
        if mention.role != "holder":
            return False
        span = self.relative(mention.start)
        return span is None or span == self.relative(cue_pos)

    # -- holders -----------------------------------------------------------
    def before(self, cue_start: int, owners_ok: bool = False) -> list[Holder]:
        """The nearest holder before a cue in its clause, with its coordinated group.

        With ``owners_ok`` the owner of troops ("Dutch soldiers could ...") counts.
        """
        start, _ = self.clause(cue_start)
        nearest = None
        for mention in reversed(self.mentions[: bisect.bisect_left(self._starts, cue_start)]):
            if mention.start < start:
                break
            if mention.end <= cue_start and self._eligible(mention, cue_start, True, owners_ok):
                nearest = mention
                break
        # a pronoun or a collective subject closer to the cue than any name wins
        low = max(nearest.end if nearest is not None else start, cue_start - _REACH)
        pronoun = self._nearest_pronoun(low, cue_start)
        collective = self._collective(low, cue_start)
        if collective is not None and (pronoun is None or collective[0] > pronoun[0]):
            return [Holder(collective[1], None, "collective")]
        if pronoun is not None:
            return self._resolve(pronoun[0], pronoun[1])
        return self.group(nearest, cue_start) if nearest is not None else []

    def relative_subject(self, cue_start: int, clause: tuple[int, int]) -> list[Holder] | None:
        """ "..., who have pledged": the holder is the name right before "who", or no one."""
        text = self.doc.text
        markers = list(_RELATIVE_MARKER.finditer(text, clause[0], cue_start))
        marker = markers[-1] if markers else None
        if marker is None or any(
            marker.end() <= m.start < cue_start for m in self.mentions if m.actor
        ):
            return None
        for mention in self.mentions:
            if mention.actor and 0 <= marker.start() - mention.end <= 1 and mention.voice:
                return [Holder(mention.actor, mention, "mention")]
        return []

    def unnamed_group(self, cue_start: int, clause: tuple[int, int]) -> bool:
        """A plural noun subject no actor names ("several allies"; not "G7 member countries")."""
        start = max(clause[0], cue_start - 40)
        group = _GROUP_SUBJECT.search(self.doc.text, start, cue_start)
        if group is None:
            return False
        return not any(
            group.start() <= m.start and m.end <= group.end() and m.actor for m in self.mentions
        )

    def after(self, cue_end: int, fallback: bool) -> list[Holder]:
        """The holder after a cue: "rejected by the Americans", "wants Kiev"."""
        _, end = self.clause(cue_end)
        allowed = self._lex.fallback_prepositions if fallback else frozenset({"by", "of"})
        for mention in self.mentions:
            if mention.start < cue_end or mention.start >= end or not mention.actor:
                continue
            if not mention.voice or mention.role in ("modifier", "possessive"):
                continue
            direct = mention.role == "holder" and len(self.doc.text[cue_end : mention.start]) < 6
            prep_ok = mention.role == "object" and mention.preposition in allowed
            if (direct or prep_ok) and not (mention.role == "object" and mention.actor == "UKR"):
                return self.group(mention, end, forward=True)
        return []

    def subject(self, before: int) -> list[Holder]:
        """The first holder of the sentence before ``before``: the subject a verb shares."""
        for mention in self.mentions:
            if mention.start >= before:
                break
            if self._eligible(mention, before) and self.relative(mention.start) is None:
                return self.group(mention, before, forward=True)
        return []

    def next_actor(self, pos: int) -> list[Holder]:
        """The first actor named after ``pos`` in its clause, with its group."""
        _, end = self.clause(pos)
        for mention in self.mentions:
            if pos <= mention.start < end and mention.actor and mention.role != "modifier":
                return self.group(mention, end, forward=True)
        return []

    def speaker(self) -> list[Holder]:
        found = self.sentence.speaker
        return [Holder(found.actor, found, "speaker")] if found and found.actor else []

    def group(self, mention: Mention, limit: int, forward: bool = False) -> list[Holder]:
        text = self.doc.text
        members = [mention]
        everything = self.doc.mentions
        i = bisect.bisect_left(self.doc.mention_starts, mention.start)
        step = 1 if forward else -1
        j = i + step
        while 0 <= j < len(everything):
            other = everything[j]
            gap = (
                text[members[-1].end : other.start]
                if forward
                else text[other.end : members[-1].start]
            )
            if forward and other.start >= limit:
                break
            if len(gap) > 30 or not _GROUP_GAP.match(gap) or not other.actor or not other.voice:
                break
            if other.role not in ("holder", mention.role):
                break
            members.append(other)
            j += step
        return [Holder(str(m.actor), m, "mention") for m in members]

    def _collective(self, start: int, end: int) -> tuple[int, str] | None:
        best = None
        for actor, pattern in self._lex.collective_subjects:
            for match in pattern.finditer(self.doc.text, start, end):
                if best is None or match.end() > best[0]:
                    best = (match.end(), actor)
        return best

    def _nearest_pronoun(self, start: int, end: int) -> tuple[int, str] | None:
        found = None
        for match in _PRONOUN.finditer(self.doc.text, start, end):
            word = match.group(0)
            if word == "i" or (word.lower() in ("it", "its") and self._expletive(match.end())):
                continue
            found = (match.start(), "they" if " " in word else word.lower())
        return found

    def _expletive(self, end: int) -> bool:
        return bool(_EXPLETIVE.match(self.doc.text[end : end + 30]))

    def _resolve(self, pos: int, word: str) -> list[Holder]:
        pronouns = self._lex.pronouns
        if word in pronouns["speaker"] or (
            word in pronouns["singular_person"] and self.quoted(pos)
        ):
            return [Holder(h.actor, h.mention, "pronoun") for h in self.speaker()]
        if word in pronouns["singular_person"]:
            found = self._antecedent(pos, lambda m: m.person is not None or m.kind == "office")
        elif word in pronouns["plural"]:
            found = self._antecedent(pos, lambda m: m.plural or m.kind in ("name", "short"))
        else:
            found = self._antecedent(pos, lambda m: m.person is None and m.kind != "office")
        if found is None:
            return []
        group = (
            self.group(found, pos)
            if word in pronouns["plural"]
            else [Holder(str(found.actor), found, "mention")]
        )
        return [Holder(h.actor, h.mention, "pronoun") for h in group]

    def _antecedent(self, pos: int, accept: Callable[[Mention], bool]) -> Mention | None:
        """The nearest earlier mention that fits, this sentence first, then two back.

        Subjects are preferred; an object ("talks with Poland") only if no subject fits.
        """
        first = self.doc.sentences[max(0, self.index - 2)].start
        i = bisect.bisect_left(self.doc.mention_starts, pos)
        earlier = self.doc.mentions[:i]
        for roles in (("holder",), ("holder", "object")):
            for mention in reversed(earlier):
                if mention.start < first:
                    break
                if mention.actor is None or not mention.voice or mention.role not in roles:
                    continue
                if mention.role == "object" and mention.preposition in ("for", "to"):
                    continue  # "a force for Ukraine": the recipient is not "they"
                if self.relative(mention.start) is not None and self.relative(pos) is None:
                    continue
                if accept(mention):
                    return mention
        return None
