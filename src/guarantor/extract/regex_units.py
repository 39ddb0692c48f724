"""A regular expression's source read into units, enough to walk it from its start.

A small reader of Python's regex syntax: literal characters, character
classes, groups, alternation, repeats and zero-width assertions. It reads
the pattern's public source string, never the ``re`` module's private
parser, so it does not break when Python changes that parser. What it does
not model in detail (``.``, ``\\w``, a ranged class, a back-reference, an
atomic group) is a ``Stop`` or an open ``CharSet``; syntax it does not know
at all (verbose mode) is a ValueError.

As in the ``re`` module's own parser, an alternation whose branches share
leading units has them factored out, and one whose branches are single
characters is a character class; so walks over both readings stop at the
same places.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Anchor",
    "CharSet",
    "Group",
    "Lit",
    "Look",
    "Repeat",
    "Stop",
    "Unit",
    "Units",
    "parse_pattern",
]


@dataclass(frozen=True)
class Lit:
    """One literal character."""

    char: str


@dataclass(frozen=True)
class CharSet:
    """A character class; ``chars`` is None when it is not a plain list (ranges, \\w)."""

    chars: tuple[str, ...] | None
    negated: bool = False


@dataclass(frozen=True)
class Anchor:
    """^ $ \\b \\B \\A \\Z: zero width."""

    token: str


@dataclass(frozen=True)
class Look:
    """A look-ahead or look-behind: zero width, its content is not walked."""


@dataclass(frozen=True)
class Stop:
    """A unit the walk does not follow (. a back-reference, an atomic group)."""

    token: str


@dataclass(frozen=True)
class Group:
    """Alternatives, each a sequence of units."""

    branches: tuple[tuple[Unit, ...], ...]


@dataclass(frozen=True)
class Repeat:
    """A repeated sequence; ``high`` None when unbounded."""

    low: int
    high: int | None
    body: tuple[Unit, ...]


Unit = Lit | CharSet | Anchor | Look | Stop | Group | Repeat
Units = tuple[Unit, ...]

_CATEGORIES = frozenset("dDsSwW")
_ANCHORS = frozenset("bBAZ")
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANTIFIER = re.compile(r"\{(\d*)(,(\d*))?\}")
_FLAG_LETTERS = frozenset("aiLmsux-")
_FACTORED = (Lit, CharSet, Anchor)


class _Unsupported(Exception):
    """Syntax this reader does not model: the caller scans the whole text instead."""


class _Reader:
    """A cursor over a pattern's source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def peek(self, size: int = 1) -> str:
        return self.source[self.at : self.at + size]

    def take(self, size: int = 1) -> str:
        taken = self.peek(size)
        if len(taken) < size:
            raise _Unsupported("pattern ends early")
        self.at += size
        return taken

    def take_if(self, text: str) -> bool:
        if self.source.startswith(text, self.at):
            self.at += len(text)
            return True
        return False

    def take_until(self, end: str) -> str:
        stop = self.source.find(end, self.at)
        if stop < 0:
            raise _Unsupported(f"no closing {end!r}")
        taken, self.at = self.source[self.at : stop], stop + len(end)
        return taken


def parse_pattern(pattern: str) -> Units:
    """The units of ``pattern``; raises ValueError for syntax this reader does not model."""
    reader = _Reader(pattern)
    try:
        units = _alternation(reader)
        if reader.at != len(pattern):
            raise _Unsupported("unbalanced ')'")
    except _Unsupported as exc:
        raise ValueError(str(exc)) from None
    return units


def _alternation(reader: _Reader) -> Units:
    branches = [_sequence(reader)]
    while reader.take_if("|"):
        branches.append(_sequence(reader))
    if len(branches) == 1:
        return branches[0]
    return _simplify([list(b) for b in branches])


def _simplify(branches: list[list[Unit]]) -> Units:
    """Factor out leading units all branches share; single characters become a class."""
    prefix: list[Unit] = []
    while all(branches) and isinstance(branches[0][0], _FACTORED):
        head = branches[0][0]
        if any(b[0] != head for b in branches):
            break
        prefix.append(head)
        for branch in branches:
            del branch[0]
    if all(len(b) == 1 and _is_char_choice(b[0]) for b in branches):
        return (*prefix, _merge_sets([b[0] for b in branches]))
    return (*prefix, Group(tuple(tuple(b) for b in branches)))


def _is_char_choice(unit: Unit) -> bool:
    return isinstance(unit, Lit) or (isinstance(unit, CharSet) and not unit.negated)


def _merge_sets(units: list[Unit]) -> Unit:
    chars: list[str] = []
    for unit in units:
        if isinstance(unit, Lit):
            chars.append(unit.char)
        elif isinstance(unit, CharSet) and unit.chars is not None:
            chars.extend(unit.chars)
        else:
            return CharSet(None)
    return CharSet(tuple(dict.fromkeys(chars)))


def _sequence(reader: _Reader) -> Units:
    units: list[Unit] = []
    while reader.peek() not in ("", "|", ")"):
        unit = _atom(reader)
        unit = _quantified(reader, unit)
        if unit is not None:
            units.append(unit)
    return tuple(units)


def _quantified(reader: _Reader, unit: Unit | None) -> Unit | None:
    here = reader.at
    bounds: tuple[int, int | None] | None = None
    if reader.take_if("*"):
        bounds = (0, None)
    elif reader.take_if("+"):
        bounds = (1, None)
    elif reader.take_if("?"):
        bounds = (0, 1)
    elif (found := _QUANTIFIER.match(reader.source, reader.at)) and found.group(0) != "{}":
        reader.at = found.end()
        low = int(found.group(1) or 0)
        high_text = found.group(3) if found.group(2) else found.group(1)
        bounds = (low, int(high_text) if high_text else None)
    if bounds is None:
        return unit
    if unit is None:
        raise _Unsupported(f"nothing to repeat at {here}")
    if reader.take_if("+"):
        return Stop("possessive")
    reader.take_if("?")  # lazy: the same first words
    return Repeat(bounds[0], bounds[1], (unit,))


def _atom(reader: _Reader) -> Unit | None:
    char = reader.take()
    if char == "(":
        return _group(reader)
    if char == "[":
        return _class(reader)
    if char == "\\":
        return _escape(reader, in_class=False)
    if char in "^$":
        return Anchor(char)
    if char == ".":
        return Stop(".")
    if char in "*+?":
        raise _Unsupported(f"nothing to repeat at {reader.at - 1}")
    return Lit(char)


def _group(reader: _Reader) -> Unit | None:
    if not reader.take_if("?"):
        return _closed(reader, Group((_alternation(reader),)))
    if reader.take_if("P<"):
        reader.take_until(">")  # a named group: its name does not matter here
        return _closed(reader, Group((_alternation(reader),)))
    if reader.take_if(":"):
        return _closed(reader, Group((_alternation(reader),)))
    if reader.take_if("P="):
        reader.take_until(")")
        return Stop("backreference")
    if reader.take_if("#"):
        reader.take_until(")")
        return None
    for look in ("=", "!", "<=", "<!"):
        if reader.take_if(look):
            _alternation(reader)
            return _closed(reader, Look())
    if reader.take_if(">"):
        _alternation(reader)
        return _closed(reader, Stop("atomic"))
    if reader.take_if("("):
        reader.take_until(")")
        _alternation(reader)
        return _closed(reader, Stop("conditional"))
    return _flags(reader)


def _flags(reader: _Reader) -> Unit | None:
    letters = ""
    while reader.peek() in _FLAG_LETTERS and reader.peek():
        letters += reader.take()
    if "x" in letters.split("-")[0]:
        raise _Unsupported("verbose mode")
    if reader.take_if(")"):
        return None  # global flags at the start: nothing to match
    if letters and reader.take_if(":"):
        return _closed(reader, Group((_alternation(reader),)))
    raise _Unsupported(f"unknown group at {reader.at}")


def _closed(reader: _Reader, unit: Unit) -> Unit:
    if not reader.take_if(")"):
        raise _Unsupported("missing ')'")
    return unit


def _escape(reader: _Reader, *, in_class: bool) -> Unit:
    char = reader.take()
    if char in _CATEGORIES:
        return CharSet(None)
    if char in _ANCHORS and not in_class:
        return Anchor("\\" + char)
    if char == "b":
        return Lit("\b")
    if char in _CONTROL:
        return Lit(_CONTROL[char])
    hex_size = {"x": 2, "u": 4, "U": 8}.get(char)
    if hex_size:
        return Lit(chr(int(reader.take(hex_size), 16)))
    if char == "N":
        if not reader.take_if("{"):
            raise _Unsupported("\\N without a name")
        return Lit(unicodedata.lookup(reader.take_until("}")))
    if char.isdigit():
        return _number_escape(reader, char, in_class=in_class)
    if char.isalnum():
        raise _Unsupported(f"unknown escape \\{char}")
    return Lit(char)


def _number_escape(reader: _Reader, first: str, *, in_class: bool) -> Unit:
    """An octal character (\\0, \\012, \\141) or a back-reference (\\1 .. \\99)."""
    digits = first
    octal = "01234567"
    if first == "0" or in_class:
        while len(digits) < 3 and reader.peek() and reader.peek() in octal:
            digits += reader.take()
        return Lit(chr(int(digits, 8)))
    if reader.peek() and reader.peek().isdigit():
        digits += reader.take()
        if digits[0] in octal and digits[1] in octal and reader.peek() and reader.peek() in octal:
            return Lit(chr(int(digits + reader.take(), 8)))
    return Stop("backreference")


def _class(reader: _Reader) -> Unit:
    negated = reader.take_if("^")
    chars: list[str] = []
    listed = True  # False once a range or a category makes the class open-ended
    first = True
    while first or reader.peek() != "]":
        first = False
        unit = _escape(reader, in_class=True) if reader.take_if("\\") else Lit(reader.take())
        if not isinstance(unit, Lit):
            listed = False
            continue
        if reader.peek() == "-" and reader.peek(2) not in ("-]", "-"):
            reader.take()
            if reader.take_if("\\"):
                _escape(reader, in_class=True)
            else:
                reader.take()
            listed = False
            continue
        chars.append(unit.char)
    reader.take()  # the closing ']'
    unique = tuple(dict.fromkeys(chars))
    if negated:
        return CharSet(None, negated=True)
    if listed and len(unique) == 1:
        return Lit(unique[0])
    return CharSet(unique if listed else None)
