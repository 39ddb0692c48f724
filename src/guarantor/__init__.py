"""guarantor: an auditable model of security guarantees for Ukraine.

The package is laid out along the data flow of DESIGN.md: ``domain`` (the
vocabulary), ``data`` (bundled reference data), ``registry``, ``ingest``,
``extract``, ``store``, ``beliefs``, ``forces`` and the thin ``cli`` shell.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("guarantor")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
