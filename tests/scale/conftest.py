"""One real local Dask cluster (2 worker processes, 1 thread each) for the scale tests.

Without the scale extra (``make test`` installs it) the cluster tests are not collected;
the grid tests need no Dask and always run.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

if importlib.util.find_spec("distributed") is None:
    collect_ignore = ["test_cluster.py", "test_postgres.py"]


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    from guarantor.scale.cluster import connect
    from guarantor.scale.spec import ClusterSpec

    with connect(ClusterSpec(workers=2)) as started:
        yield started
