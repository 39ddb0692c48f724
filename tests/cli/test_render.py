"""Issue 14: tables fit 80 columns, numbers by kind, JSON precision, truncation announced."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from guarantor.cli.app import app
from guarantor.cli.render import Format, emit_rows, format_number, to_jsonable


def _table(rows: list[dict[str, object]], **kwargs: object) -> str:
    out = io.StringIO()
    console = Console(file=out, width=80)
    emit_rows(rows, Format.TABLE, console=console, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize(
    ("column", "value", "shown"),
    [
        ("p_participate", 0.407045, "0.41"),
        ("expected_troops", 9050.099999999999, "9,050"),
        ("troops", 10000.0, "10,000"),
        ("amount", 2500000000.0, "2.5 bn"),
        ("eur_m", 2953, "2953"),
        ("year", 2024, "2024"),
    ],
)
def test_numbers_are_formatted_by_kind(column: str, value: float, shown: str) -> None:
    assert format_number(column, value) == shown


def test_json_carries_sensible_precision() -> None:
    assert json.dumps(to_jsonable({"x": 9050.099999999999})) == '{"x": 9050.1}'


def test_a_long_quote_takes_one_line_per_row_at_80_columns() -> None:
    quote = "The minister said the country would consider sending troops " * 5
    row = {"published": "2025-08-25", "outlet": "vsedelo.com", "actor": "POL"}
    row |= {"option": "ground_troops", "stance": "conditional", "grade": "D2", "quote": quote}
    rows = [row] * 58
    text = _table(rows, title="positions")
    lines = text.splitlines()
    assert len(lines) < 70
    assert all(len(line) <= 80 for line in lines)
    assert "2025-08-25" in text and "expected" not in text


def test_headers_are_short_and_never_split() -> None:
    rows = [{"actor": "FRA", "expected_troops": 4764.2, "troops_if_participating": 6000}]
    text = _table(rows)
    assert "troops" in text and "expected_tro" not in text


def test_truncation_is_announced() -> None:
    text = _table([{"a": 1}] * 15, total=32, more="--all")
    assert "… 17 more; --all" in text
    assert "more" not in _table([{"a": 1}] * 3, total=3)


def test_wide_shows_the_whole_text_wrapped_within_80_columns() -> None:
    quote = "The minister said the country would consider sending troops " * 3
    row = {"published": "2025-08-25", "outlet": "vsedelo.com", "actor": "POL"}
    row |= {"option": "ground_troops", "stance": "conditional", "grade": "D2", "quote": quote}
    out = io.StringIO()
    emit_rows([row], Format.TABLE, console=Console(file=out, width=80), wide=True)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in out.getvalue()
    assert len(lines) > 4  # wrapped over several lines
    narrow = _table([row])
    assert "…" in narrow and len(narrow.splitlines()) == 3  # header, rule, one row


def test_codes_and_dates_stay_whole_while_text_makes_room() -> None:
    row = {"published": "2025-08-25", "outlet": "a-very-long-outlet-name.example.com"}
    row |= {"actor": "COALITION", "stance": "conditional", "grade": "D2", "quote": "x " * 80}
    text = _table([row])
    assert "2025-08-25" in text and "COALITION" in text and "D2" in text
    assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(
    "command",
    [
        ["positions"],
        ["documents"],
        ["outlets"],
        ["extract"],
        ["registry", "ledger"],
        ["registry", "pledges"],
        ["registry", "show"],
        ["forces"],
        ["costs"],
        ["assess"],
    ],
)
def test_every_command_whose_table_elides_text_takes_wide(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "--wide" in result.output
