"""Normalising text and hashing it: the stored text is exactly what offsets refer to."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["content_hash", "normalise_text"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HSPACE = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, one newline style, single spaces, at most one blank line, no edge whitespace.

    Copies of one article that differ only in line endings, Unicode composition
    or stray spaces get the same text, hence the same content hash.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _HSPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def content_hash(normalised: str) -> str:
    """sha256 hex digest of the normalised text's UTF-8 bytes."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
