"""The report as one self-contained HTML file: inline CSS, charts as inline SVG,
no script, nothing fetched (a Content-Security-Policy in the page says so).

Jinja2 with autoescaping on: every quote, paraphrase and name from the evidence
is escaped; only the SVG that vl-convert rendered from our data, and the
markup the two helpers below build from escaped parts, are marked safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from guarantor.reports.document import Report
from guarantor.reports.formats import format_figure, format_value, runs
from guarantor.reports.notes import Figure

__all__ = ["render_html"]


def _environment(report: Report) -> Environment:
    env = Environment(
        loader=PackageLoader("guarantor.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def cite(keys: Iterable[str]) -> Markup:
        spans = runs([report.number(k) for k in keys])
        if not spans:
            return Markup("")
        links = Markup(",").join(
            Markup('<a href="#note-{0}">{0}</a>').format(a)
            if a == b
            else Markup('<a href="#note-{0}">{0}</a>&ndash;<a href="#note-{1}">{1}</a>').format(
                a, b
            )
            for a, b in spans
        )
        return Markup('<sup class="cite">[{}]</sup>').format(links)

    def fig(figure: Figure) -> Markup:
        return Markup('<span class="fig" data-figure="{}" data-value="{}">{}</span>{}').format(
            figure.name, repr(figure.value), format_figure(figure), cite(figure.notes)
        )

    env.globals.update(cite=cite, fig=fig, number=report.number)
    env.filters["value"] = format_value
    return env


def render_html(report: Report, charts: Mapping[str, str]) -> str:
    """The HTML text; ``charts`` maps a chart name to its SVG (``charts.render_charts``)."""
    svg = {name: Markup(text) for name, text in charts.items()}  # rendered by vl-convert
    template = _environment(report).get_template("report.html.j2")
    return template.render(r=report, charts=svg)
