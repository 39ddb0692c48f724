"""How a figure reads in a report: one function per unit, shared by every rendering,
so the HTML and the Markdown print the same digits."""

from __future__ import annotations

from guarantor.reports.notes import Figure, Unit

__all__ = ["format_figure", "format_value", "runs"]


def _hours(value: float) -> str:
    return f"{value:,.0f} h" if value < 72 else f"{value / 24:,.1f} d"


def _usd(value: float) -> str:
    if abs(value) >= 1e8:
        return f"USD {value / 1e9:,.2f}bn"
    return f"USD {value / 1e6:,.1f}m"


def _share(value: float) -> str:
    if value == 0:
        return "0%"
    return f"{value:.3%}" if abs(value) < 0.01 else f"{value:.1%}"


def _count(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


_FORMATS = {
    "probability": lambda v: f"{v:.1%}",
    "share": _share,
    "troops": lambda v: f"{v:,.0f}",
    "usd": _usd,
    "hours": _hours,
    "count": _count,
    "score": lambda v: f"{v:.3f}",
}


def format_value(value: float | None, unit: Unit) -> str:
    """The text of a value: '41.7%', '12,400', 'USD 3.20bn', '36 h', '2.5 d'."""
    if value is None:
        return "never" if unit == "hours" else "n/a"
    return str(_FORMATS[unit](value))


def format_figure(figure: Figure) -> str:
    return format_value(figure.value, figure.unit)


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted footnote numbers as runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out
