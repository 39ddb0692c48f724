"""guarantor.scale: the same ingest and sweeps fanned out on Dask (``pip install '.[scale]'``).

``cluster`` starts a local cluster or reaches an existing scheduler; ``ingest`` runs
extraction on the workers and keeps one writer; ``sweep`` runs forces, response and
costs over a grid of scenarios with seeds that do not depend on the cluster.
Nothing outside this package imports Dask, and the serial paths never need it.
"""
