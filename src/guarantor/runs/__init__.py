"""guarantor.runs: ingest runs — read documents, extract their positions, store them.

This sits above ``ingest`` (files -> documents), ``extract`` (documents ->
positions) and ``store`` (persistence) and is the one place that runs them
together, so none of the three imports another's room.
"""

from guarantor.runs.pipeline import (
    Extractor,
    IngestSummary,
    Prepared,
    ingest_paths,
    prepare_one,
    store_extractor,
    store_prepared,
)

__all__ = [
    "Extractor",
    "IngestSummary",
    "Prepared",
    "ingest_paths",
    "prepare_one",
    "store_extractor",
    "store_prepared",
]
