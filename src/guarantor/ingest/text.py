"""Cleaning text (what is stored and what offsets index), normalising it and hashing it.

The stored text keeps the article's own spacing so quotes index the original file;
the hash is taken over the normalised form so copies that differ only in spacing,
line endings or Unicode composition are one document."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["clean_text", "content_hash", "normalise_text"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff]")
_BLANKS = re.compile(r"\n{3,}")


# Every whitespace character but the newline, every control character and a byte-order
# mark become one plain space: the same length, so offsets into the cleaned text are
# offsets into the file as Python reads it in text mode.
_SAME_LENGTH = {
    code: " "
    for code in [
        *range(0x00, 0x0A),
        *range(0x0B, 0x20),
        0x7F,
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200B),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
        0xFEFF,
    ]
}


def clean_text(text: str) -> str:
    """The text a document stores and offsets refer to: the file's text as Python reads it
    (universal newlines), with odd whitespace and control characters made plain spaces.

    Unlike ``normalise_text`` it never changes the length of a line, so a quote's
    ``start``/``end`` index the original article.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SAME_LENGTH)


def normalise_text(text: str) -> str:
    """NFC, one newline style, single spaces, at most one blank line, no edge whitespace.

    Copies of one article that differ only in line endings, Unicode composition
    or stray spaces get the same text, hence the same content hash.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    # str.split() splits on the whitespace that \s matches: runs become one space, edges go
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def content_hash(normalised: str) -> str:
    """sha256 hex digest of the normalised text's UTF-8 bytes."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
