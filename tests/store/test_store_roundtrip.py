"""Hypothesis: whatever a document holds comes back from the store unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_docs import make_doc

from guarantor.store import Store

TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1)
OPTIONAL = st.none() | TEXT


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("roundtrip") / "r.db"
    with Store.open(f"sqlite:///{path}") as store:
        yield store


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    title=OPTIONAL,
    url=OPTIONAL,
    published=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    language=st.none() | st.sampled_from(["en", "de", "cs", "uk"]),
)
def test_document_round_trip(
    sqlite_store: Store,
    text: str,
    title: str | None,
    url: str | None,
    published: date | None,
    language: str | None,
) -> None:
    doc = make_doc(text, title=title, url=url, published=published, language=language)
    result = sqlite_store.add_document(doc, [], None)
    (stored,) = [d for d in sqlite_store.documents() if d.id == result.document_id]
    assert stored.content_hash == doc.content_hash
    if result.status == "stored":
        assert (stored.text, stored.title, stored.url, stored.published, stored.language) == (
            text,
            title,
            url,
            published,
            language,
        )
        assert stored.n_chars == len(text)
