"""The dashboard and its HTTP API (``guarantor serve``): FastAPI, Jinja2 with
autoescaping, HTMX shipped in ``static/``. On top of every other layer; nothing
imports it but the CLI's ``serve``."""

from guarantor.web.app import create_app
from guarantor.web.desk import Desk

__all__ = ["Desk", "create_app"]
