"""First words read off a pattern's public source: sound for any pattern, no private parser."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import guarantor
from guarantor.extract.pattern_words import first_words
from guarantor.extract.regex_units import CharSet, Lit, Stop, parse_pattern
from guarantor.extract.triggers import TriggeredPattern, TriggerIndex

SRC = Path(guarantor.__file__).resolve().parent
PRIVATE = ("re._parser", "re._constants", "re._compiler", "sre_parse", "sre_constants")


def test_no_module_reads_the_private_regex_parser() -> None:
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            found += [f"{path.name}: {n}" for n in names if n in PRIVATE or n.startswith("sre_")]
    assert found == []


def test_words_of_common_constructs() -> None:
    assert first_words(r"(?<!\w)(?:will|would)(?: not)? send(?!\w)") == {"will", "would"}
    assert first_words(r"(?P<c0>(?i:\bNATO))(?:'s)?") == {"nato"}
    assert first_words(r"[Ss]ends?|dispatch(?:es)?") == {"send", "sends", "dispatch", "dispatches"}
    assert first_words(r"\x41rmy|\u00e9lan|\N{LATIN SMALL LETTER A}id") == {"army", "élan", "aid"}
    assert first_words(r"troops{2}") == {"troops"}  # a repeat of two ends the walk
    assert first_words(r"(?:a|b|c|d|e|f|g)x") is None  # a class of seven: no first word


def test_unknown_or_open_starts_give_no_words() -> None:
    assert first_words(r"\w+ troops") is None
    assert first_words(r".troops") is None
    assert first_words(r"(?x) troops") is None  # verbose mode is not modelled
    assert first_words(r"[a-z]+ troops") is None


def test_classes_and_escapes_parse_as_python_reads_them() -> None:
    assert parse_pattern(r"[]a]") == (CharSet(("]", "a")),)
    assert parse_pattern(r"[a-]") == (CharSet(("a", "-")),)
    assert parse_pattern(r"[aa]") == (Lit("a"),)
    assert parse_pattern(r"[^ab]") == (CharSet(None, negated=True),)
    assert parse_pattern(r"\0\141") == (Lit("\0"), Lit("a"))
    assert parse_pattern(r"(a)\1")[-1] == Stop("backreference")
    assert parse_pattern(r"a{}")[-1] == Lit("}")  # not a quantifier: literal braces


_ATOMS = st.sampled_from(
    ["a", "b", "an", "the", " ", "'", "-", r"\.", r"\w", r"\s", ".", "[ab]", "[a-c]", "[^a]",
     "[a]", r"\b", "^", r"\u00e9", "é", "É", "x", "st"]
)  # fmt: skip
_QUANTIFIERS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,1}", "{1,3}", "??", "*+"])


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    out = ""
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()) and draw(st.booleans()):
            opener = draw(st.sampled_from(["(?:", "(", "(?=", "(?!", "(?<!", "(?i:", "(?>"]))
            branches = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            body = "|".join(branches)
            out += opener + ("a" if opener == "(?<!" else body) + ")"
        else:
            out += draw(_ATOMS)
        out += draw(_QUANTIFIERS)
    return out


@settings(max_examples=300, deadline=None)
@given(
    alternatives=st.lists(_patterns(), min_size=1, max_size=3),
    words=st.lists(st.sampled_from(["a", "an", "the", "b", "st", "x", "é", "É", "-", "'", "."])),
)
def test_gated_scan_equals_finditer_for_any_pattern(
    alternatives: list[str], words: list[str]
) -> None:
    """Whatever the reader makes of a pattern, gating never loses or adds a match.

    Patterns start at a word boundary, as every lexicon pattern does (``_bounded``).
    """
    alternatives = [rf"(?<!\w)(?:{a})" for a in alternatives]
    try:
        re.compile("|".join(alternatives), re.I)
    except re.error:
        return
    pattern = TriggeredPattern(alternatives, re.I, TriggerIndex())
    for text in (" ".join(words), "".join(words)):
        gated = [(m.start(), m.end()) for m in pattern.finditer(text)]
        full = [(m.start(), m.end()) for m in pattern.pattern.finditer(text)]
        assert gated == full
