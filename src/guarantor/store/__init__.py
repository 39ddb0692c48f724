"""guarantor.store."""
