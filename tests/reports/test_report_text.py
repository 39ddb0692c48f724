"""Report text helpers: Markdown escaping and footnote runs (invariants)."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from guarantor.reports.formats import format_value, runs
from guarantor.reports.markdown import md_escape


@given(st.text())
def test_markdown_escaping_keeps_text_literal(text: str) -> None:
    escaped = md_escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert "<" not in escaped and ">" not in escaped
    assert not re.search(r"(?<!\\)[|\[\]`*_]", escaped.replace("\\\\", ""))


@given(st.lists(st.integers(min_value=1, max_value=500)))
def test_footnote_runs_cover_exactly_the_numbers(numbers: list[int]) -> None:
    spans = runs(numbers)
    assert [n for a, b in spans for n in range(a, b + 1)] == sorted(set(numbers))
    assert all(b + 1 < c for (_, b), (c, _) in pairwise(spans))


def test_units_read_as_an_analyst_writes_them() -> None:
    assert format_value(0.4171, "probability") == "41.7%"
    assert format_value(0.0004, "share") == "0.040%"
    assert format_value(0.0, "share") == "0%"
    assert format_value(3.2e9, "usd") == "USD 3.20bn"
    assert format_value(36.0, "hours") == "36 h"
    assert format_value(120.0, "hours") == "5.0 d"
    assert format_value(None, "hours") == "never"
    assert format_value(None, "share") == "n/a"
    assert format_value(12400.4, "troops") == "12,400"
