"""The language of a text, by py3langid's public interface (``py3langid.classify``).

py3langid keeps its model loaded once per process behind ``classify``; this
module only names the decision so ingest does not depend on how the library
stores its model. (It once walked py3langid's private automaton tables with
numpy for speed; the cost of the public call is measured in the ingest
benchmark and reported in the project history.)
"""

from __future__ import annotations

import py3langid

__all__ = ["classify"]


def classify(text: str) -> tuple[str, float]:
    """(ISO 639-1 language, py3langid's raw score) of ``text``."""
    found, score = py3langid.classify(text)
    return str(found), float(score)
