"""The vectorised language scorer decides exactly as py3langid's own byte-by-byte walk."""

from __future__ import annotations

import py3langid
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.ingest.language import KNOWN_DEPTHS, classify, identifier, max_depth

SAMPLES = [
    "The ministers agreed to send troops to the border next year, officials said.",
    "Die Minister haben vereinbart, im nächsten Jahr Truppen an die Grenze zu schicken.",
    "Les ministres ont convenu d'envoyer des troupes à la frontière l'année prochaine.",
    "Министры договорились направить войска к границе в следующем году.",
    "Ministři se dohodli, že příští rok pošlou vojáky k hranici.",
    "ΟΙ ΥΠΟΥΡΓΟΙ ΣΥΜΦΩΝΗΣΑΝ",
    "x",
    "",
]


def test_same_language_and_score_as_py3langid() -> None:
    for text in SAMPLES:
        expected = py3langid.classify(text)
        found = classify(text)
        assert found[0] == expected[0], text
        assert abs(found[1] - expected[1]) <= 1e-3 * max(1.0, abs(expected[1])), text


def test_window_walk_reaches_the_states_of_a_full_scan() -> None:
    fast = identifier()
    data = " ".join(SAMPLES).encode()
    state, expected = 0, []
    for byte in data:  # the automaton as py3langid walks it
        state = int(fast.nextmove[fast.rowbase[state] + byte])
        expected.append(state)
    assert fast.states(data).tolist() == expected
    assert fast.depth >= 2


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdeéßüñçαβγдежз中文 .,!?\n09ABC", max_size=200))
def test_agrees_with_py3langid_on_any_text(text: str) -> None:
    assert classify(text)[0] == py3langid.classify(text)[0]


def test_the_known_depth_of_the_installed_model_is_its_real_depth() -> None:
    fast = identifier()
    depth = max_depth(fast.nextmove, fast.rowbase)
    assert fast.depth == depth
    assert KNOWN_DEPTHS.get(fast.shape, depth) == depth
