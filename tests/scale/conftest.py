"""One real local Dask cluster (2 worker processes, 1 thread each) for the scale tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("distributed", reason="the scale tests need the scale extra (make test)")

from guarantor.scale.cluster import connect
from guarantor.scale.spec import ClusterSpec


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    with connect(ClusterSpec(workers=2)) as started:
        yield started
