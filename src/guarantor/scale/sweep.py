"""A scenario sweep on a Dask cluster: one task per grid point, the world shipped once.

Each point is seeded by its index (``grid.point_seed``), so the numbers do not depend
on the number of workers or the order points finish in; results are returned in index
order. A point whose task raised is retried ``RETRIES`` times (a dead worker's task is
rerun by Dask); one that still fails ends the sweep with a ``ClusterError`` naming it,
after the others finished.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from distributed import Client, as_completed

from guarantor.errors import ClusterError
from guarantor.scale.grid import Point, World, run_point

__all__ = ["RETRIES", "run_on_cluster"]

RETRIES = 2


def run_on_cluster(
    points: Sequence[Point],
    world: World,
    replications: int,
    client: Client,
    on_point: Callable[[], None] | None = None,
) -> list[dict[str, Any]]:
    """Every point on ``client``'s workers; rows in index order."""
    [shipped] = client.scatter([world], broadcast=True)
    futures = {
        client.submit(run_point, point, shipped, replications, retries=RETRIES, pure=False): point
        for point in points
    }
    rows: dict[int, dict[str, Any]] = {}
    failed: list[str] = []
    for future in as_completed(futures):
        point = futures[future]
        try:
            rows[point.index] = future.result()
        except Exception as exc:  # the task's error after its retries, or KilledWorker
            failed.append(f"point {point.index} {point.values}: {type(exc).__name__}: {exc}")
        future.release()
        if on_point is not None:
            on_point()
    if failed:
        raise ClusterError(
            f"{len(failed)} of {len(points)} sweep points failed on the cluster after "
            f"{RETRIES} retries: " + "; ".join(failed[:5])
        )
    return [rows[i] for i in sorted(rows)]
