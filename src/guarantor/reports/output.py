"""Which rendering a report file gets, told by its suffix, and the rendering itself."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from guarantor.errors import UsageError
from guarantor.reports.document import Report
from guarantor.reports.html import render_html
from guarantor.reports.markdown import render_markdown

__all__ = ["SUFFIXES", "ReportKind", "render", "report_kind"]

ReportKind = Literal["html", "md"]
SUFFIXES: dict[str, ReportKind] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def report_kind(path: Path) -> ReportKind:
    """``html`` or ``md`` from the file's suffix; anything else is a usage error."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        expected = ", ".join(SUFFIXES)
        got = repr(path.suffix) if path.suffix else "no suffix"
        raise UsageError(f"--out must end in one of {expected} (got {got})", path=path)
    return kind


def render(report: Report, kind: ReportKind) -> str:
    """The report's text: HTML with inline SVG charts, or Markdown."""
    if kind == "html":
        # Altair and vl-convert take a second to import: only the HTML needs them.
        from guarantor.reports.charts import render_charts

        return render_html(report, render_charts(report))
    return render_markdown(report)
