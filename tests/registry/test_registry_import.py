"""User rows: validation names file, line and column; a bad file imports nothing;
import -> export round-trips without loss."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantor.domain.registry import Pledge, PledgeKind, PledgeStatus
from guarantor.domain.vocabulary import Condition
from guarantor.errors import InputError, ValidationError
from guarantor.registry import KINDS, dump_rows, import_file, load_registry, read_rows
from guarantor.registry.userdata import validate_file

GOOD = (
    "id,actor,kind,amount,unit,unit_year,description,conditions,pledged_on,status,source_url\n"
    "p1,GBR,money,100,GBP,2024,one hundred pounds,,2024-05-01,committed,https://example.org/1\n"
    "p2,FRA,troops,,troops,,some troops,ceasefire_first;us_backstop,2025-02-01,announced,"
    "https://example.org/2\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_parse_lists_and_blanks(tmp_path: Path) -> None:
    table, rows = read_rows(_write(tmp_path / "pledges.csv", GOOD))
    assert table.kind == "pledges"
    first, second = rows
    assert isinstance(first, Pledge) and isinstance(second, Pledge)
    assert first.amount == 100 and first.unit_year == 2024
    assert second.amount is None
    assert second.conditions == (Condition.CEASEFIRE_FIRST, Condition.US_BACKSTOP)


def test_bad_csv_cell_names_file_line_and_column(tmp_path: Path) -> None:
    bad = GOOD + "p3,DEU,tanks,5,tanks,,five tanks,,2025-01-01,announced,https://example.org/3\n"
    path = _write(tmp_path / "pledges.csv", bad)
    with pytest.raises(ValidationError) as info:
        read_rows(path)
    error = info.value
    assert error.path == str(path)
    assert error.line == 4
    assert error.column == "kind"
    assert "troops" in error.message  # says what was expected


def test_multiline_csv_record_reports_its_first_line(tmp_path: Path) -> None:
    text = GOOD.replace("one hundred pounds", '"one hundred\npounds"')
    bad = text + "p3,DEU,money,5,EUR,,x,,not-a-date,announced,https://example.org/3\n"
    with pytest.raises(ValidationError) as info:
        read_rows(_write(tmp_path / "pledges.csv", bad))
    assert info.value.line == 5
    assert info.value.column == "pledged_on"


def test_bad_yaml_field_names_the_key_line(tmp_path: Path) -> None:
    text = (
        "kind: factors\nrows:\n"
        "  - name: a\n    value: 1\n    low: 0\n    high: 2\n    unit: u\n    help: h\n"
        "    reference: some reference text\n"
        "  - name: b\n    value: 5\n    low: 0\n    high: 2\n    unit: u\n    help: h\n"
        "    reference: some reference text\n"
    )
    with pytest.raises(ValidationError) as info:
        read_rows(_write(tmp_path / "mine.yaml", text))
    assert info.value.line == 10  # the second row starts there; the range check is row-wide


def test_unknown_column_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("source_url\n", "source_url,colour\n", 1)
    with pytest.raises(ValidationError) as info:
        read_rows(_write(tmp_path / "pledges.csv", text))
    assert info.value.column == "colour" and info.value.line == 1


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    text = GOOD + GOOD.splitlines()[1] + "\n"
    _, count, problems = validate_file(_write(tmp_path / "pledges.csv", text))
    assert count == 2
    assert len(problems) == 1 and "duplicate" in problems[0].message


def test_a_file_with_one_bad_row_imports_nothing(tmp_path: Path) -> None:
    user = tmp_path / "user"
    import_file(_write(tmp_path / "pledges.csv", GOOD), user)
    before = (user / "pledges.yaml").read_text(encoding="utf-8")
    bad = GOOD.replace("p1,", "p9,").replace("p2,", "p8,")
    bad += "p7,DEU,money,-5,EUR,,negative,,2025-01-01,announced,https://example.org/7\n"
    with pytest.raises(ValidationError) as info:
        import_file(_write(tmp_path / "more.csv", bad), user, kind="pledges")
    assert info.value.line == 4 and info.value.column == "amount"
    assert (user / "pledges.yaml").read_text(encoding="utf-8") == before
    ids = {p.id for p in load_registry([user]).pledges}
    assert {"p1", "p2"} <= ids and not ids & {"p7", "p8", "p9"}


def test_import_replaces_rows_with_the_same_id(tmp_path: Path) -> None:
    user = tmp_path / "user"
    first = import_file(_write(tmp_path / "pledges.csv", GOOD), user)
    assert (first.added, first.replaced) == (2, 0)
    again = import_file(_write(tmp_path / "pledges2.csv", GOOD), user, kind="pledges")
    assert (again.added, again.replaced) == (0, 2)


def test_kind_is_inferred_from_the_columns_when_the_name_does_not_say(tmp_path: Path) -> None:
    table, rows = read_rows(_write(tmp_path / "my_things.csv", GOOD))
    assert table.kind == "pledges" and len(rows) == 2


def test_columns_that_fit_no_table_are_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell which registry table"):
        read_rows(_write(tmp_path / "things.csv", "colour,size\nred,1\n"))


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
_pledges = st.builds(
    Pledge,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    actor=st.sampled_from(["GBR", "FRA", "DEU", "EU", "COALITION"]),
    kind=st.sampled_from(list(PledgeKind)),
    amount=st.none() | st.floats(min_value=0, max_value=1e12, allow_nan=False),
    unit=st.sampled_from(["EUR", "USD", "GBP", "troops", "ships"]),
    unit_year=st.none() | st.integers(min_value=2000, max_value=2030),
    description=_text,
    conditions=st.lists(st.sampled_from(list(Condition)), max_size=3).map(tuple),
    pledged_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    status=st.sampled_from(list(PledgeStatus)),
    instrument=st.none() | _text,
    source_url=_text,
    notes=st.none() | _text,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(_pledges, min_size=1, max_size=5, unique_by=lambda p: p.id),
    fmt=st.sampled_from(["csv", "yaml", "json"]),
)
def test_import_export_round_trips(
    tmp_path_factory: pytest.TempPathFactory, rows: list[Pledge], fmt: str
) -> None:
    work = tmp_path_factory.mktemp("roundtrip")
    source = work / f"pledges.{fmt}"
    source.write_text(dump_rows(rows, KINDS["pledges"], fmt), encoding="utf-8")
    import_file(source, work / "user")
    registry = load_registry([work / "user"])
    mine = {p.id: p for p in registry.pledges if p.id in {r.id for r in rows}}
    exported = work / f"out.{fmt}"
    exported.write_text(dump_rows(list(mine.values()), KINDS["pledges"], fmt), encoding="utf-8")
    _, back = read_rows(exported, kind="pledges")
    assert {p.id: p for p in back} == {r.id: r for r in rows}


def test_every_bad_cell_of_every_row_is_reported_at_once(tmp_path: Path) -> None:
    bad = (
        GOOD
        + "p3,DEU,tanks,5,tanks,,five tanks,,not-a-date,announced,https://example.org/3\n"
        + "p4,XXX,money,-5,EUR,,x,,2025-01-01,announced,https://example.org/4\n"
    )
    path = _write(tmp_path / "pledges.csv", bad)
    _kind, _count, problems = validate_file(path)
    assert [(p.line, p.column) for p in problems] == [
        (4, "kind"),
        (4, "pledged_on"),
        (5, "amount"),
        (5, "actor"),
    ]
    with pytest.raises(ValidationError) as info:
        read_rows(path)
    assert [(p.line, p.column) for p in info.value.problems] == [
        (4, "kind"),
        (4, "pledged_on"),
        (5, "amount"),
        (5, "actor"),
    ]
    with pytest.raises(ValidationError) as info:
        import_file(path, tmp_path / "user")
    assert len(info.value.render().splitlines()) == 4
