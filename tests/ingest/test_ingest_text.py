"""Normalisation makes copies that differ only in encoding details hash the same."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantor.ingest import clean_text, content_hash, normalise_text


def test_whitespace_newlines_and_composition() -> None:
    composed = "Milo\u0161 Balab\u00e1n"
    decomposed = unicodedata.normalize("NFD", composed)
    messy = f"  {decomposed}\u00a0 said\t\tno.\r\n\r\n\r\n\r\nNext   line.  \n"
    assert normalise_text(messy) == f"{composed} said no.\n\nNext line."
    assert content_hash(normalise_text(messy)) == content_hash(
        normalise_text(f"{composed} said no.\n\nNext line.")
    )


def test_hash_is_sha256_of_utf8() -> None:
    assert content_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@settings(max_examples=80, deadline=None)
@given(st.text())
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == once.strip()
    assert "\r" not in once and "\n\n\n" not in once


@given(st.text(max_size=300))
def test_cleaning_keeps_length_per_line_and_the_hash_key(text: str) -> None:
    cleaned = clean_text(text)
    as_read = text.replace("\r\n", "\n").replace("\r", "\n")
    assert len(cleaned) == len(as_read)
    assert normalise_text(cleaned) == normalise_text(text)


def _normalise_by_regex(text: str) -> str:
    """The earlier regex form: content hashes already stored were made by it."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff]", " ", text)
    text = re.sub(r"[^\S\n]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@settings(max_examples=100)
@given(
    st.text(
        alphabet=st.sampled_from(
            "ab é\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0"
            "\u1680\u2000\u2028\u2029\u202f\u3000\ufeff\x00"
        )
    )
)
def test_normalised_text_and_so_hashes_are_unchanged(text: str) -> None:
    assert normalise_text(text) == _normalise_by_regex(text)
