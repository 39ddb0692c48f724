"""Quotes index the article as a reader opens it, whatever its spacing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantor.extract import extract_document
from guarantor.ingest import read_document

SENTENCES = (
    "Poland will not send troops to Ukraine, Defence Minister Wladyslaw Kosiniak-Kamysz said.",
    "The French president said France was ready to deploy troops after a ceasefire.",
    "The Kremlin rejected any deployment of NATO troops in Ukraine.",
)
SPACES = st.sampled_from([" ", "  ", "\u00a0", "\t", " \n", "\r\n", "\n\n", " \u2009"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(gaps=st.lists(SPACES, min_size=len(SENTENCES) + 1, max_size=len(SENTENCES) + 1))
def test_quote_is_the_file_text_between_its_offsets(gaps: list[str], tmp_path: Path) -> None:
    text = gaps[0] + "".join(s + g for s, g in zip(SENTENCES, gaps[1:], strict=True))
    path = tmp_path / "article.txt"  # overwritten by each example
    path.write_bytes(text.encode("utf-8"))
    as_read = path.read_text(encoding="utf-8")  # universal newlines, as a reader sees it
    found = extract_document(read_document(path))
    assert found, "the three sentences state positions"
    for position in found:
        assert as_read[position.start : position.end] == position.quote
