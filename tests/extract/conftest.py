"""Helpers for extraction tests: documents made from short texts written for the tests."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from guarantor.domain import Document, Position
from guarantor.extract import default_pipeline
from guarantor.extract.spans import Annotated


def make_document(text: str, source: str = "test.txt") -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(source=source, text=text, content_hash=digest)


@pytest.fixture(scope="session")
def extract() -> Callable[[str], list[Position]]:
    pipeline = default_pipeline()
    return lambda text: pipeline(make_document(text))


@pytest.fixture(scope="session")
def triples(extract: Callable[[str], list[Position]]) -> Callable[[str], set[tuple[str, str, str]]]:
    return lambda text: {p.triple for p in extract(text)}


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Annotated]:
    pipeline = default_pipeline()
    return lambda text: pipeline.annotate(make_document(text))
