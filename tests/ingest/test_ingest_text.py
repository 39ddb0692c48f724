"""Normalisation makes copies that differ only in encoding details hash the same."""

from __future__ import annotations

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
