"""The report as Markdown, from the same object and with the same figures and note
numbers as the HTML. Charts stay in the HTML; every table is here.

Text is escaped for Markdown as it is written: Markdown's own characters are
backslash-escaped (so a quote can neither open a link nor break a table) and
``& < >`` become entities, so an article's ``<script>`` stays text in any viewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from guarantor.reports.document import Report
from guarantor.reports.formats import format_figure, format_value, runs
from guarantor.reports.notes import Figure

__all__ = ["md_escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SPACE = re.compile(r"\s+")
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]]+$")


def md_escape(value: Any) -> str:
    """One line of literal text: whitespace collapsed, Markdown and HTML characters escaped."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).translate(_ENTITIES))


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else md_escape(value)


def _environment(report: Report) -> Environment:
    env = Environment(
        loader=PackageLoader("guarantor.reports", "templates"),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def cite(keys: Iterable[str]) -> Markup:
        numbers = [n for a, b in runs([report.number(k) for k in keys]) for n in range(a, b + 1)]
        return Markup("".join(f"[^{n}]" for n in numbers))

    def fig(figure: Figure) -> Markup:
        return Markup(md_escape(format_figure(figure)) + cite(figure.notes))

    def url(value: str | None) -> Markup:
        if value and _SAFE_URL.match(value):
            return Markup(f"<{value}>")
        return Markup(md_escape(value or ""))

    env.globals.update(cite=cite, fig=fig)
    env.filters["value"] = format_value
    env.filters["url"] = url
    return env


def render_markdown(report: Report) -> str:
    """The Markdown text of the report."""
    return _environment(report).get_template("report.md.j2").render(r=report)
