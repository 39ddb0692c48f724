"""The first words any match of a regular expression starts with, read off its source.

The pattern is read into units (``regex_units``, from its public source
string) and walked from its start, keeping every prefix a match can begin
with until each has read one whole word. A unit the walk does not follow
(``.``, ``\\w``, a class of more than a few characters) ends a prefix there;
a prefix that ends before any letter, or more prefixes than ``MAX_PREFIXES``,
make the answer None, which sends the caller to a full scan: a gap can cost
speed, never a match.
"""

from __future__ import annotations

import re

from guarantor.extract.regex_units import (
    Anchor,
    CharSet,
    Group,
    Lit,
    Look,
    Repeat,
    Unit,
    Units,
    parse_pattern,
)

__all__ = ["MAX_PREFIXES", "SMALL_SET", "first_words"]

MAX_PREFIXES = 400
SMALL_SET = 6  # a class of more characters ends the walk (too many prefixes)
_WORD_DONE = re.compile(r"[^\W_][\W_]")  # a first word followed by its end: stop extending
_FIRST_WORD = re.compile(r"[^\W_]+")

State = tuple[str, bool]  # (prefix read so far, may it still grow)


def _walk(units: Units, states: list[State]) -> list[State] | None:
    """Extend (prefix, open) states over ``units``; None when there are too many."""
    for unit in units:
        open_states = [s for s in states if s[1]]
        if not open_states:
            return states
        closed = [s for s in states if not s[1]]
        grown = _step(unit, open_states)
        if grown is None:
            return None
        if grown is open_states:  # zero width: nothing moved
            continue
        states = list(dict.fromkeys((p, o and not _WORD_DONE.search(p)) for p, o in closed + grown))
        if len(states) > MAX_PREFIXES:
            return None
    return states


def _step(unit: Unit, states: list[State]) -> list[State] | None:
    """The states after one unit, from the open ``states``."""
    match unit:
        case Lit(char):
            return [(p + char, True) for p, _ in states]
        case CharSet(chars, negated) if not negated and chars and len(chars) <= SMALL_SET:
            return [(p + c, True) for p, _ in states for c in chars]
        case Anchor() | Look():
            return states
        case Group(branches):
            grown: list[State] = []
            for branch in branches:
                inner = _walk(branch, states)
                if inner is None:
                    return None
                grown += inner
            return grown
        case Repeat(low, high, body):
            once = _walk(body, states)
            if once is None:
                return None
            once = once if high == 1 else [(p, False) for p, _ in once]
            return once + (states if low == 0 else [])
    return [(p, False) for p, _ in states]  # a unit the walk does not follow


def first_words(pattern: str) -> set[str] | None:
    """The lower-cased first words any match of ``pattern`` starts with; None if unknown."""
    try:
        units = parse_pattern(pattern)
    except ValueError:
        return None
    states = _walk(units, [("", True)])
    if states is None:
        return None
    words = set()
    for prefix, _ in states:
        word = _FIRST_WORD.match(prefix.lower())
        if word is None:
            return None  # starts with punctuation: scan the whole text instead
        words.add(word.group(0))
    return words
