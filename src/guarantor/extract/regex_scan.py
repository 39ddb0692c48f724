"""Which characters of a regular expression's source are its syntax, not its text.

``lexicon.quote_tolerant`` (widening literal spaces) and
``lexicon_usage.split_alternatives`` (cutting at top-level ``|``) both walk a
pattern's source and must skip escapes and character classes the same way;
this is that one walk.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["syntax_characters"]


def syntax_characters(pattern: str) -> Iterator[tuple[int, str, bool]]:
    """Every character of ``pattern`` with its index and whether it is bare syntax.

    A character is bare when it is neither escaped, nor an escaping backslash,
    nor inside a character class (the class's own brackets included), so a bare
    ``(``, ``)``, ``|`` or space means what it says.
    """
    class_start = -1  # where the open character class began, -1 outside one
    escaped = False
    for i, char in enumerate(pattern):
        bare = False
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_start >= 0:
            first = class_start + (2 if pattern[class_start + 1 : class_start + 2] == "^" else 1)
            if char == "]" and i > first:
                class_start = -1
        elif char == "[":
            class_start = i
        else:
            bare = True
        yield i, char, bare
