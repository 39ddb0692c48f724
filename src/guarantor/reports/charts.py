"""The report's charts: Altair specifications built from the report object, rendered
to static SVG by vl-convert (Vega's own renderer, bundled in the wheel), so a
report needs no script and fetches nothing. Data go inline in each spec.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert as vlc

from guarantor.reports.document import Report
from guarantor.reports.formats import format_figure

__all__ = ["CHARTS", "chart_specs", "render_charts", "to_svg"]

_STANCE_SCORE = {"support": 1.0, "conditional": 0.5, "uncertain": 0.0, "oppose": -1.0}
_WIDTH = 560


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=rows)


def board_chart(report: Report) -> alt.Chart | None:
    rows = [
        {
            "actor": c.actor,
            "option": c.option,
            "stance": c.stance,
            "score": _STANCE_SCORE[c.stance],
            "label": f"{c.sources.value:g}{'*' if c.contested else ''}",
        }
        for c in report.board.cells
    ]
    if not rows:
        return None
    base = alt.Chart(_data(rows)).encode(
        x=alt.X("option:N", sort=list(report.board.options), title=None),
        y=alt.Y("actor:N", title=None),
    )
    color = alt.Color(
        "score:Q",
        scale=alt.Scale(domain=[-1, 1], scheme="redblue"),
        legend=alt.Legend(title="oppose (-1) to support (1)"),
    )
    cells = base.mark_rect().encode(color=color)
    ink = alt.condition("abs(datum.score) > 0.7", alt.value("white"), alt.value("black"))
    text = base.mark_text(fontSize=9).encode(text="label:N", color=ink)
    return (cells + text).properties(width=_WIDTH, height=alt.Step(14))


def participation_chart(report: Report) -> alt.Chart | None:
    rows = [
        {"state": p.actor, "p": p.p_participate.value, "basis": p.basis}
        for p in report.troops.participants
    ]
    if not rows:
        return None
    return (
        alt.Chart(_data(rows))
        .mark_bar()
        .encode(
            x=alt.X("p:Q", title="P(participates)", scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("state:N", sort="-x", title=None),
            color=alt.Color("basis:N", title="troops from"),
        )
        .properties(width=_WIDTH - 140, height=alt.Step(12))
    )


def force_chart(report: Report) -> alt.Chart:
    troops = report.troops
    rows = [
        {"run": view.label, "lower": b["lower"], "upper": b["upper"], "p": b["p"]}
        for view in (troops.without_backstop, troops.with_backstop)
        for b in view.histogram
    ]
    bars = (
        alt.Chart(_data(rows))
        .mark_rect(opacity=0.55)
        .encode(
            x=alt.X("lower:Q", title="troops kept deployed"),
            x2="upper:Q",
            y=alt.Y("p:Q", title="probability"),
            y2=alt.datum(0),
            color=alt.Color("run:N", title=None),
        )
    )
    need = [{"requirement": troops.requirement.value, "label": "requirement"}]
    rule = (
        alt.Chart(_data(need)).mark_rule(color="black", strokeDash=[4, 3]).encode(x="requirement:Q")
    )
    return (bars + rule).properties(width=_WIDTH, height=200)


def criticality_chart(report: Report) -> alt.Chart | None:
    rows = [
        {"state": p.actor, "criticality": p.criticality.value}
        for p in report.troops.participants
        if (p.criticality.value or 0) > 0
    ]
    if not rows:
        return None
    return (
        alt.Chart(_data(rows))
        .mark_bar(color="#8c564b")
        .encode(
            x=alt.X("criticality:Q", title="fall in P(met) without the state"),
            y=alt.Y("state:N", sort="-x", title=None),
        )
        .properties(width=_WIDTH - 140, height=alt.Step(12))
    )


def tornado_chart(report: Report) -> alt.Chart | None:
    troops = report.troops
    rows = [
        {
            "parameter": b.parameter,
            "p_low": b.p_low.value,
            "p_high": b.p_high.value,
            "range": f"{b.low:g} to {b.high:g}",
        }
        for b in troops.tornado
    ]
    if not rows:
        return None
    bars = (
        alt.Chart(_data(rows))
        .mark_bar(color="#4c78a8")
        .encode(
            x=alt.X(
                "p_low:Q", title="P(requirement met) at low / high", scale=alt.Scale(domain=[0, 1])
            ),
            x2="p_high:Q",
            y=alt.Y("parameter:N", sort=[b.parameter for b in troops.tornado], title=None),
        )
    )
    base = [{"p": troops.without_backstop.p_requirement_met.value}]
    rule = alt.Chart(_data(base)).mark_rule(color="black").encode(x="p:Q")
    return (bars + rule).properties(width=_WIDTH - 140, height=alt.Step(18))


def timeline_chart(report: Report) -> alt.Chart | None:
    if report.response is None:
        return None
    rows = [
        {
            "design": d.design,
            "event": t.event,
            "p50": t.p50.value,
            "p90": t.p90.value or t.p50.value,
        }
        for d in report.response.designs
        for t in d.timings
        if t.p50.value is not None
    ]
    if not rows:
        return None
    base = alt.Chart(_data(rows)).encode(
        y=alt.Y("design:N", title=None), color=alt.Color("event:N", title="first")
    )
    scale = alt.Scale(type="log")
    span = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("p50:Q", scale=scale, title="hours after the attack (median to 90%)"), x2="p90:Q"
    )
    point = base.mark_point(filled=True, size=60).encode(x=alt.X("p50:Q", scale=scale))
    return (span + point).properties(width=_WIDTH - 120, height=alt.Step(22))


def payers_chart(report: Report) -> alt.Chart | None:
    if report.pays is None or not report.pays.payers:
        return None
    rows = [
        {"state": p.actor, "share": p.share.value, "text": format_figure(p.share)}
        for p in report.pays.payers[:20]
    ]
    return (
        alt.Chart(_data(rows))
        .mark_bar(color="#54a24b")
        .encode(
            x=alt.X(
                "share:Q", title=f"share of the bill ({report.pays.key})", axis=alt.Axis(format="%")
            ),
            y=alt.Y("state:N", sort="-x", title=None),
        )
        .properties(width=_WIDTH - 140, height=alt.Step(14))
    )


def track_chart(report: Report) -> alt.Chart | None:
    if report.track is None or not report.track.rows:
        return None
    rows = [
        {"cut-off": r.as_of.isoformat(), "forecast": r.forecast, "brier": r.brier}
        for r in report.track.rows
        if r.brier is not None
    ]
    return (
        alt.Chart(_data(rows))
        .mark_bar()
        .encode(
            x=alt.X("brier:Q", title="Brier score (lower is better)"),
            y=alt.Y("forecast:N", title=None),
            color=alt.Color("forecast:N", legend=None),
            row=alt.Row("cut-off:N", title=None),
        )
        .properties(width=_WIDTH - 200, height=alt.Step(12))
    )


CHARTS = {
    "board": board_chart,
    "force": force_chart,
    "participation": participation_chart,
    "criticality": criticality_chart,
    "tornado": tornado_chart,
    "timeline": timeline_chart,
    "payers": payers_chart,
    "track": track_chart,
}


def chart_specs(report: Report) -> dict[str, dict[str, Any]]:
    """Each chart's Vega-Lite specification (charts without data left out)."""
    specs = {}
    for name, make in CHARTS.items():
        chart = make(report)
        if chart is not None:
            specs[name] = chart.to_dict()
    return specs


def to_svg(spec: dict[str, Any]) -> str:
    """A static SVG, rendered offline by vl-convert."""
    return str(vlc.vegalite_to_svg(spec))


def render_charts(report: Report) -> dict[str, str]:
    """Each chart as inline SVG, by name."""
    return {name: to_svg(spec) for name, spec in chart_specs(report).items()}
