"""guarantor.forces."""
