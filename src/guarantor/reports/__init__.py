"""Report data objects: built from the models, rendered by the CLI (and later HTML/API)."""
