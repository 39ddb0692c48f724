"""Near-duplicate detection: word-shingle MinHash, LSH bands kept in an indexed table.

Syndicated copies of one wire story differ in a headline, a byline or a
paragraph. Each document gets a MinHash signature of its word 3-shingles; the
signature is cut into bands, and each band's hash goes into ``document_bands``
so finding candidates is one indexed SQL query, never an in-memory index.
Candidates are confirmed by the exact Jaccard similarity of their shingles.
With 16 bands of 8 rows a pair at Jaccard 0.8 shares a band with
probability 1 - (1 - 0.8**8)**16 > 0.99.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

__all__ = ["BANDS", "ROWS", "Signature", "jaccard", "shingles", "signature", "signature_of"]

BANDS = 16
ROWS = 8
NUM_PERM = BANDS * ROWS
SHINGLE = 3
_CHUNK = 4096

_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20250824)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


@dataclass(frozen=True)
class Signature:
    """Band buckets for the index and a short digest for the ``fingerprint`` column."""

    buckets: tuple[int, ...]
    fingerprint: str


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the word 3-shingles of ``text`` (case-folded), unique and sorted."""
    hashes = np.array(_word_hashes(text.casefold()), dtype=np.uint64)
    if hashes.size < SHINGLE:
        return _unique(hashes)
    with np.errstate(over="ignore"):
        mixed = (
            hashes[:-2] * _MIX[0] + hashes[1:-1] * _MIX[1] + hashes[2:] * _MIX[2]
        ) >> np.uint64(32)
    return _unique(mixed & _MASK32)


# ASCII letters, digits and "_" (what \w matches in ASCII) kept, every other byte a space
_ASCII_WORDS = bytes(
    b if (b < 128 and chr(b).isalnum()) or b == ord("_") else ord(" ") for b in range(256)
)


def _word_hashes(folded: str) -> list[int]:
    r"""crc32 of each ``\w+`` word's UTF-8 bytes; ASCII text is split without the regex,
    which finds exactly the same words there (it was most of the time per document)."""
    if folded.isascii():
        return list(map(zlib.crc32, folded.encode("ascii").translate(_ASCII_WORDS).split()))
    return list(map(zlib.crc32, map(str.encode, _WORD.findall(folded))))


def _unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` for a 1-d array, by one sort (numpy's own hashes first: slower here)."""
    values = np.sort(values)
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def signature(text: str) -> Signature | None:
    """The LSH buckets of ``text``; None when it has no words."""
    return signature_of(shingles(text))


def signature_of(values: np.ndarray) -> Signature | None:
    """The LSH buckets of a text's ``shingles``; None when there are none."""
    if values.size == 0:
        return None
    minima = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, values.size, _CHUNK):  # chunks keep memory flat on long texts
        # one row per shingle, updated in place; the top 32 bits are taken after the
        # minimum, which is the same since a shift keeps the order
        permuted = np.multiply.outer(values[start : start + _CHUNK], _A)
        permuted += _B
        np.minimum(minima, permuted.min(axis=0), out=minima)
    minima = (minima >> np.uint64(32)).astype(np.uint32)
    raw = minima.tobytes()
    step = ROWS * minima.itemsize
    buckets = tuple(
        int.from_bytes(
            hashlib.blake2b(raw[at : at + step], digest_size=8).digest(), "big", signed=True
        )
        for at in range(0, len(raw), step)
    )
    fingerprint = hashlib.blake2b(raw, digest_size=16).hexdigest()
    return Signature(buckets=buckets, fingerprint=fingerprint)


def jaccard(left: np.ndarray, right: np.ndarray) -> float:
    """Exact Jaccard similarity of two unique, sorted shingle arrays."""
    if left.size == 0 and right.size == 0:
        return 1.0
    common = np.intersect1d(left, right, assume_unique=True).size
    return common / (left.size + right.size - common)
