"""Actor mentions: one Aho-Corasick pass over the alias data, then fuzzy names.

Finding: every alias of the actor registry is matched case-blind in one
pass; aliases written with capitals must be capitalised in the text too
("US" is not "us", "Turkey" not "turkey"). Capitalised words that no alias
covers are offered to the registry's fuzzy resolver, which only accepts
close matches of office holders' names ("Melloni", "Zaharova"). Names after
a role title that the registry does not know ("Legislator Andreas Schwartz")
become document-local people of the state the text is about.
Recording: each mention gets a role - holder, object of a preposition,
modifier of a noun ("NATO troops"), possessive - and whether it is a voice
of its state at all (not for former officials).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from guarantor.extract.lexicon import Lexicon
from guarantor.extract.roles import GROUP_ACTORS, RoleTagger
from guarantor.extract.spans import Annotated, Mention
from guarantor.extract.triggers import lower_same_length

__all__ = ["AliasEntry", "MentionFinder", "alias_entries"]

_PLURAL_KINDS = frozenset({"plural_nationals"})
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-zà-ÿ'’-]{3,}")
_COORDINATED = re.compile(r",?\s*(?:and|or|as well as)\s+(?:the\s+)?$")
# "Swedish units", "Dutch soldiers": the adjective names whose troops they are.


@dataclass(frozen=True, slots=True)
class AliasEntry:
    text: str
    actor: str
    kind: str
    person: str | None
    exact_case: bool  # all capitals ("US"): the text must match exactly
    capitalised: bool  # starts with a capital: the text must too


def alias_entries(index: Any) -> list[AliasEntry]:
    """Alias rows of an ``ActorIndex`` (anything with ``.aliases()``)."""
    entries = []
    for alias in index.aliases():
        text = alias.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if len(text) < 2:
            continue
        letters = [c for c in text if c.isalpha()]
        entries.append(
            AliasEntry(
                text=text,
                actor=alias.actor,
                kind=alias.kind,
                person=alias.person,
                exact_case=len(letters) <= 4 and all(c.isupper() for c in letters),
                capitalised=_proper_name(text),
            )
        )
    return entries


_NOT_NAMES = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "The",
        "On",
        "In",
        "At",
        "For",
        "And",
        "But",
        "Of",
        "Says",
        "Said",
        "Will",
        "Would",
        "Not",
        "To",
    ]
)
_FUZZY_CACHE_SIZE = 200_000
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "von", "van"})


def _proper_name(text: str) -> bool:
    """A name whose capitals matter: "Turkey", "Italian Prime Minister".

    Not "Coalition of the willing": a phrase with lower-case words matches in any case.
    """
    words = [w for w in text.split() if w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


# Accented Latin letters and their base letter, one character for one, so that
# "Élysée" finds the alias "Elysee" and offsets stay those of the text.
_ACCENTS = {
    ord(c): base
    for c in map(chr, range(0xC0, 0x180))
    if (base := unicodedata.normalize("NFD", c)[0].lower()).isascii() and base.isalpha()
}


_ACCENTED = re.compile("[\u00c0-\u017f]")


def _fold(text: str) -> str:
    """Lower case without accents, of the same length as ``text``."""
    lower = lower_same_length(text)
    return lower.translate(_ACCENTS) if _ACCENTED.search(lower) else lower


@lru_cache(maxsize=4)
def _automaton(entries: tuple[AliasEntry, ...]) -> Any:
    automaton = ahocorasick.Automaton()
    by_key: dict[str, list[AliasEntry]] = {}
    for entry in entries:
        by_key.setdefault(_fold(entry.text), []).append(entry)
    for key, group in by_key.items():
        automaton.add_word(key, (len(key), tuple(group)))
    automaton.make_automaton()
    return automaton


_KIND_PRIORITY = {"person": 0, "office": 1, "name": 2, "short": 3, "seat": 4, "capital": 5}


def _pick(group: tuple[AliasEntry, ...], original: str) -> AliasEntry | None:
    ok = [
        e
        for e in group
        if (not e.exact_case or original == e.text)
        and (not e.capitalised or original[:1].isupper())
    ]
    if not ok:
        return None
    return min(ok, key=lambda e: _KIND_PRIORITY.get(e.kind, 9))


class MentionFinder:
    """Component: records actor ``Mention``s with their roles."""

    name = "mentions"

    def __init__(self, entries: list[AliasEntry], lexicon: Lexicon, resolver: Any = None) -> None:
        self._entries = tuple(entries)
        self._automaton = _automaton(self._entries)
        self._lex = lexicon
        self._resolver = resolver
        self._fuzzy_cache: dict[str, tuple[str, str, str | None] | None] = {}
        self._role_name = lexicon.role_names
        self._title_gap = re.compile(
            rf"(?i)^\s+(?:[\w-]+\s+){{0,2}}?(?:{lexicon.role_titles}|chief|head|commissioner|representative)(?:[-\s]general)?\s+$"
        )

    def _titled(self, text: str, previous: Mention, mention: Mention) -> bool:
        """A person right after "<organisation or state> <title>" holds that office now."""
        if mention.kind != "person" or previous.actor in (None, mention.actor):
            return False
        gap = text[previous.end : mention.start]
        if previous.kind == "office":
            return gap.isspace()  # "EU foreign policy chief Kaja Kallas"
        if previous.kind not in ("name", "short", "adjective", "acronym"):
            return False
        return len(gap) < 40 and bool(self._title_gap.match(gap))

    def find(self, text: str) -> list[Mention]:
        found = self._exact(text)
        found = self._fuzzy(text, found)
        found.sort(key=lambda m: m.start)
        found = self._local_people(text, found)
        found.sort(key=lambda m: m.start)
        return found

    def _exact(self, text: str) -> list[Mention]:
        lower = _fold(text)
        raw: list[tuple[int, int, AliasEntry]] = []
        for end, (length, group) in self._automaton.iter(lower):
            start = end - length + 1
            if (start > 0 and lower[start - 1].isalnum()) or (
                end + 1 < len(lower) and lower[end + 1].isalnum()
            ):
                continue
            entry = _pick(group, text[start : end + 1])
            if entry is not None:
                raw.append((start, end + 1, entry))
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        mentions: list[Mention] = []
        last_end = -1
        for start, end, entry in raw:
            if start < last_end:
                continue
            mentions.append(self._mention(text, start, end, entry.actor, entry.kind, entry.person))
            last_end = end
        return mentions

    def _mention(
        self, text: str, start: int, end: int, actor: str | None, kind: str, person: str | None
    ) -> Mention:
        plural = kind in _PLURAL_KINDS or (actor in GROUP_ACTORS and text[end - 1] == "s")
        return Mention(start, end, actor, kind, text[start:end], person=person, plural=plural)

    def _fuzzy(self, text: str, found: list[Mention]) -> list[Mention]:
        if self._resolver is None:
            return found
        covered = _Coverage(found)
        cache = self._fuzzy_cache
        for match in _CAPITALISED.finditer(text):
            word = match.group(0)
            if word in cache and cache[word] is None:
                continue
            if covered.overlaps(match.start(), match.end()):
                continue
            result = self._resolve(word)
            if result is not None:
                actor, kind, person = result
                end = match.start() + len(word)
                found.append(self._mention(text, match.start(), end, actor, kind, person))
        return found

    def _resolve(self, word: str) -> tuple[str, str, str | None] | None:
        if word not in self._fuzzy_cache:
            if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
                self._fuzzy_cache.clear()  # keep memory flat over millions of documents
            hit = self._resolver.resolve(word, fuzzy=True)
            ok = hit is not None and hit.fuzzy and hit.person is not None and not hit.ambiguous
            self._fuzzy_cache[word] = (hit.actor, "person", hit.person) if ok else None
        return self._fuzzy_cache[word]

    def _local_people(self, text: str, found: list[Mention]) -> list[Mention]:
        """Names after a role title that no alias covers: people of the text's state."""
        covered = _Coverage(found)
        people: dict[str, str | None] = {}
        for match in self._role_name.finditer(text):
            name = match.group(1)
            if covered.overlaps(match.start(1), match.end(1)) or name.split()[0] in _NOT_NAMES:
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            if self._lex.not_a_voice.search(before):
                continue
            people[name] = self._state_before(found, match.start())
        for name, actor in people.items():
            surname = name.split()[-1]
            for hit in re.finditer(rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b", text):
                if not covered.overlaps(hit.start(), hit.end()):
                    found.append(self._mention(text, hit.start(), hit.end(), actor, "person", name))
        return found

    @staticmethod
    def _state_before(found: list[Mention], offset: int) -> str | None:
        """The last state named before ``offset``: the country the text is about."""
        for mention in reversed(found):
            state = mention.actor is not None and len(mention.actor) == 3
            if mention.end <= offset and state and mention.kind not in ("person", "demonym"):
                return mention.actor
        return None

    def __call__(self, doc: Annotated) -> Annotated:
        doc.mentions = self.find(doc.text)
        roles = RoleTagger(self._lex)
        previous: Mention | None = None
        for mention in doc.mentions:
            if previous is not None and self._titled(doc.text, previous, mention):
                mention.actor = previous.actor  # "NATO Secretary-General Mark Rutte" is NATO's
                previous.role = "modifier"
            roles.tag(doc.text, mention)
            if _dateline(doc.text, mention):
                mention.voice = False  # "WASHINGTON, Sept 3 (Reuters) -" names a place
            if previous is not None and _inherits_object(doc.text, previous, mention):
                mention.role, mention.preposition = "object", previous.preposition
            previous = mention
        doc.mention_starts = [m.start for m in doc.mentions]
        return doc


def _inherits_object(text: str, previous: Mention, mention: Mention) -> bool:
    """Both of "with Ukrainians and European officials" are objects of "with"."""
    if previous.role != "object" or mention.role != "holder":
        return False
    return bool(_COORDINATED.match(text, previous.end, mention.start))


_DATELINE_TAIL = re.compile(r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d|\s*\(|\s+[-–—]\s)")


def _dateline(text: str, mention: Mention) -> bool:
    """An upper-case place at a line's start followed by a date, an agency or a dash."""
    at_line_start = mention.start == 0 or text[mention.start - 1] == "\n"
    return (
        at_line_start
        and mention.text.isupper()
        and len(mention.text) > 2
        and bool(_DATELINE_TAIL.match(text, mention.end))
    )


class _Coverage:
    def __init__(self, mentions: list[Mention]) -> None:
        self._spans = sorted((m.start, m.end) for m in mentions)

    def overlaps(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_left(self._spans, (start, -1))
        for j in (i - 1, i):
            if 0 <= j < len(self._spans):
                s, e = self._spans[j]
                if s < end and start < e:
                    return True
        return False
