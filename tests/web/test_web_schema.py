"""Schemathesis over the dashboard's OpenAPI schema: generated requests to every
documented route (pages, JSON twins and writes) never get a 5xx, and JSON answers
match the schema. Bounded: a few examples per route, the small scenario of the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
)
from web_world import make_desk  # noqa: E402

from guarantor.web import Desk, create_app  # noqa: E402

_desks: list[Desk] = []


def _app() -> object:
    import tempfile
    from pathlib import Path

    desk = make_desk(Path(tempfile.mkdtemp(prefix="guarantor-schema-")))
    _desks.append(desk)
    return create_app(desk)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@pytest.fixture(scope="module", autouse=True)
def _close() -> Iterator[None]:
    yield
    for desk in _desks:
        desk.close()


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_error_and_no_schema_violation(case: schemathesis.Case) -> None:
    case.call_and_validate(
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance]
    )
