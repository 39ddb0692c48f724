"""Fast scanning: try a lexicon regex only where one of its first words occurs.

A family of cue patterns compiled into one alternation is slow to run with
``finditer`` over a long text (Python's engine tries every alternative at
every position). Every pattern of the lexicons starts with literal words,
so the possible first words are read off the pattern's source once
(``pattern_words``, which reads the public pattern string); one
Aho-Corasick pass over the lower-cased text finds them, and the regex is
tried with ``match`` only there. Results equal ``finditer``'s: a match can
only start where one of its first words starts. A pattern whose first word
cannot be read off (it starts with a character class) makes the family fall
back to plain ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import ahocorasick

from guarantor.extract.pattern_words import first_words

__all__ = ["TriggerIndex", "TriggeredPattern", "lower_same_length"]


# Punctuation that can stand before a word; it becomes a space so that a
# trigger " word" found in the spaced text starts at a word boundary.
_SPACES = str.maketrans({c: " " for c in "\n\t\r.,;:!?()[]{}\"'“”‘’«»–—-/\\*&%$€£#@+=<>|~^`"})


def lower_same_length(text: str) -> str:
    """Lower case that keeps every offset: a letter whose lower case is longer stays as it is."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


class TriggerIndex:
    """One Aho-Corasick pass finds the first words of every registered pattern.

    The last text scanned is remembered, so the patterns of one document share
    one pass. There is no module-level index: each ``Lexicon`` owns one and
    passes it to its patterns.
    """

    def __init__(self) -> None:
        self._words: dict[str, set[int]] = {}
        self._automaton: Any = None
        self._families = 0
        self._last: tuple[str, list[list[tuple[int, str]]]] | None = None

    def register(self, words: set[str]) -> int:
        family = self._families
        self._families += 1
        for word in words:
            self._words.setdefault(word, set()).add(family)
        self._automaton = None
        self._last = None
        return family

    def _build(self) -> Any:
        automaton = ahocorasick.Automaton()
        for word, families in self._words.items():
            automaton.add_word(" " + word, (word, tuple(sorted(families))))
        automaton.make_automaton()
        return automaton

    def hits(self, text: str, family: int) -> list[tuple[int, str]] | None:
        """(offset, first word) where the family may match; None if the text cannot be scanned."""
        last = self._last  # read once: another thread may replace it meanwhile
        if last is None or last[0] is not text:
            spaced = " " + lower_same_length(text).translate(_SPACES)
            if self._automaton is None:
                self._automaton = self._build()
            found: list[list[tuple[int, str]]] = [[] for _ in range(self._families)]
            for end, (word, families) in self._automaton.iter(spaced):
                start = end - len(word)  # offset in ``text``: the leading space shifts by one
                for member in families:
                    found[member].append((start, word))
            last = self._last = (text, found)
        return last[1][family]


class TriggeredPattern:
    """Alternatives of one regex family, tried only where their first words occur.

    At a place where the words ``w`` start, only the alternatives that can
    start with one of ``w`` are tried, in their original order, so the first
    alternative that matches wins exactly as in the full alternation.
    """

    def __init__(self, alternatives: list[str], flags: int, index: TriggerIndex) -> None:
        self.pattern = re.compile("|".join(alternatives), flags)
        self._alternatives = alternatives
        self._flags = flags
        self._index = index
        self._by_word: dict[str, list[int]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._for_words: dict[str | frozenset[str], re.Pattern[str]] = {}
        self._family: int | None = None
        if flags & re.VERBOSE:
            return  # white space means nothing there: scan the whole text
        for number, alternative in enumerate(alternatives):
            words = first_words(alternative)
            if words is None:
                return  # one alternative cannot be gated: scan the whole text
            for word in words:
                self._by_word.setdefault(word, []).append(number)
        self._family = index.register(set(self._by_word))

    def _subpattern(self, words: str | frozenset[str]) -> re.Pattern[str]:
        cached = self._for_words.get(words)
        if cached is not None:
            return cached
        group = {words} if isinstance(words, str) else words
        key = tuple(sorted({n for w in group for n in self._by_word[w]}))
        compiled = self._compiled.get(key)
        if compiled is None:
            body = "|".join(self._alternatives[n] for n in key)
            compiled = self._compiled[key] = re.compile(body, self._flags)
        self._for_words[words] = compiled
        return compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        hits = self._index.hits(text, self._family) if self._family is not None else None
        if hits is None:
            yield from self.pattern.finditer(text)
            return
        at: dict[int, str | frozenset[str]] = {}
        for start, word in hits:
            seen = at.get(start)
            at[start] = (
                word
                if seen is None
                else frozenset({word, *([seen] if isinstance(seen, str) else seen)})
            )
        last = 0
        for start in sorted(at):
            if start < last:
                continue
            found = self._subpattern(at[start]).match(text, start)
            if found is not None:
                yield found
                last = max(found.end(), start + 1)
