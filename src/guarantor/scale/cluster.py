"""Where the work runs: a local Dask cluster started for one command, or an existing scheduler.

A local cluster has one process per worker and one thread per process: the
extractor and the Monte Carlo models hold the GIL, so threads would not add
cores. It is closed when the command ends; an existing scheduler is only
disconnected from.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster

from guarantor.errors import ClusterError
from guarantor.scale.spec import ClusterSpec

__all__ = ["ClusterSpec", "connect"]


@contextmanager
def connect(spec: ClusterSpec) -> Iterator[Client]:
    """A client of the cluster ``spec`` names; ``ClusterError`` when it cannot be reached."""
    if spec.scheduler is not None:
        client = _reach(spec.scheduler, spec.timeout_s)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=spec.workers or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _reach(address: str, timeout_s: float) -> Client:
    try:
        return Client(address, timeout=timeout_s)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address!r} within {timeout_s:g} s "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no answer'}); "
            "is `dask scheduler` running there? (the address looks like tcp://HOST:8786)"
        ) from exc
