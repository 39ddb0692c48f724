"""guarantor.registry."""
