"""py3langid's own model and decision, with its byte automaton walked by numpy.

py3langid scores a text by walking a byte automaton (Aho-Corasick over the
model's n-gram features) one byte at a time in Python; on a 1000-character
sample that walk was a third of ingest time. The automaton's state after a
byte depends only on the longest suffix that is still a trie node, and no
node is deeper than ``depth`` bytes, so the state at every position is the
one reached from the root over the last ``depth`` bytes alone: ``depth``
vectorised steps over all positions at once give the same states, hence
the same feature counts and the same language as ``py3langid.classify``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["KNOWN_DEPTHS", "FastIdentifier", "classify", "identifier", "max_depth"]

# The deepest trie node of a bundled model, by the model's (transitions, states):
# computing it reads the whole 37 MB transition table, which then stays resident.
# tests/ingest/test_ingest_language.py recomputes it for the installed model.
KNOWN_DEPTHS = {(9_816_576, 104_583): 6}  # py3langid 0.4.0


class FastIdentifier:
    """The loaded py3langid model, scored with a vectorised automaton walk."""

    def __init__(self, model: Any) -> None:
        # a view of py3langid's own table (np.asarray would copy its 37 MB)
        self.nextmove = np.frombuffer(model.tk_nextmove, dtype=np.uint32)
        self.rowbase = np.asarray(model.tk_row, dtype=np.int64) << 8
        self.output = np.asarray(model.tk_output, dtype=np.int64)
        # float32 once (28 MB more than the float16 model): casting the rows each call
        # took longer than the walk
        self.ptc = np.asarray(model.nb_ptc, dtype=np.float32)
        self.pc = np.asarray(model.nb_pc)
        self.classes: list[str] = list(model.nb_classes)
        first: dict[str, int] = {}
        self.aliases = [
            (first[c], i) for i, c in enumerate(self.classes) if first.setdefault(c, i) != i
        ]
        self.depth = KNOWN_DEPTHS.get(self.shape) or max_depth(self.nextmove, self.rowbase)

    @property
    def shape(self) -> tuple[int, int]:
        """(transitions, states): tells one bundled model from another."""
        return (self.nextmove.size, self.rowbase.size)

    def states(self, data: bytes) -> np.ndarray:
        """The automaton's state after each byte of ``data``, as a scan from the start gives."""
        text = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        state = np.zeros(text.size, dtype=np.int64)
        for back in range(self.depth - 1, -1, -1):
            if back:  # positions with fewer bytes behind them start later, at the root
                state[back:] = self.nextmove[self.rowbase[state[back:]] + text[:-back]]
            else:
                state = self.nextmove[self.rowbase[state] + text]
        return state

    def classify(self, text: str) -> tuple[str, float]:
        """(language, raw score), as ``py3langid.classify`` with its default model."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        features = self.output[self.states(data)]
        found, counts = _counts(features[features >= 0])
        if found.size == 0:
            scores = np.full(len(self.classes), np.finfo(np.float32).min, dtype=np.float32)
        else:
            scores = np.log1p(counts.astype(np.float32)) @ self.ptc[found] + self.pc
        for i, j in self.aliases:  # a label listed twice keeps its better column
            scores[i] = max(scores[i], scores[j])
            scores[j] = np.finfo(np.float32).min
        best = int(scores.argmax())
        return self.classes[best], float(scores[best])


def _counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_counts=True)`` by one sort (faster on short arrays)."""
    ordered = np.sort(values)
    starts = np.flatnonzero(np.diff(ordered)) + 1
    starts = np.concatenate(([0], starts)) if ordered.size else starts
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def max_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """The deepest trie node: breadth-first from the root, the first visit is the shortest
    path, and in an Aho-Corasick automaton that is the node's own depth."""
    seen = np.zeros(rowbase.size, dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.int64)
    depth = 0
    while True:
        parts = []
        for start in range(0, frontier.size, 256):  # small chunks: no lasting RSS growth
            rows = rowbase[frontier[start : start + 256]][:, None] + np.arange(256)
            reached = nextmove[rows].ravel()
            parts.append(np.unique(reached[~seen[reached]]))
        frontier = np.unique(np.concatenate(parts)).astype(np.int64)
        if frontier.size == 0:
            return depth
        seen[frontier] = True
        depth += 1


@lru_cache(maxsize=1)
def identifier() -> FastIdentifier:
    """The bundled model, loaded once per process (it is read-only)."""
    from py3langid import langid

    return FastIdentifier(langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE))


def classify(text: str) -> tuple[str, float]:
    return identifier().classify(text)
