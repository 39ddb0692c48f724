"""guarantor.beliefs."""
