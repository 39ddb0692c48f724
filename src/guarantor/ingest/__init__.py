"""guarantor.ingest."""
