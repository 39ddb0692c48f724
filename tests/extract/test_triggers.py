"""Gating regexes by their first words finds exactly what a full scan finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.extract.lexicon import load_lexicon
from guarantor.extract.pattern_words import first_words
from guarantor.extract.triggers import TriggeredPattern, TriggerIndex

LEX = load_lexicon()
WORDS = [
    "will", "not", "send", "troops", "ready", "to", "the", "in", "Ukraine", "rejects",
    "only", "with", "US", "support", "once", "a", "ceasefire", "NATO", "membership",
    "air", "policing", "sanctions", "does", "rule", "out", "at", "sea", "—", "“", ",", ".",
]  # fmt: skip


def test_first_words_are_read_off_the_pattern() -> None:
    assert first_words(r"(?:will|would)(?: not)? send") == {"will", "would"}
    assert first_words(r"(?:the )?US backstop") == {"the", "us"}
    assert first_words(r"\w+ troops") is None


def test_a_pattern_starting_with_punctuation_falls_back_to_a_full_scan() -> None:
    pattern = TriggeredPattern([r"“[a-z]+”"], 0, TriggerIndex())
    assert [m.group(0) for m in pattern.finditer("he said “no” twice")] == ["“no”"]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_gated_scan_equals_finditer(words: list[str]) -> None:
    text = " ".join(words)
    families = [LEX.cues, LEX.conditions, LEX.anaphors] + [p for _, p in LEX.options]
    for family in families:
        gated = [(m.start(), m.end(), m.lastgroup) for m in family.finditer(text)]
        full = [(m.start(), m.end(), m.lastgroup) for m in family.pattern.finditer(text)]
        assert gated == full


def test_index_rescans_when_a_family_is_added() -> None:
    index = TriggerIndex()
    first = TriggeredPattern([r"(?<!\w)troops(?!\w)"], re.I, index)
    text = "troops and more troops"
    assert len(list(first.finditer(text))) == 2
    second = TriggeredPattern([r"(?<!\w)more(?!\w)"], re.I, index)
    assert len(list(second.finditer(text))) == 1
