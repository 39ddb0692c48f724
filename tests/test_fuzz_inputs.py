"""Hypothesis fuzzing of the readers users feed: JSON Lines, scenario YAML, registry CSV.

Whatever the bytes, a reader either returns what it read or raises one
``GuarantorError`` subclass (never a bare exception), and a good JSON Lines
record beside bad ones is still read and stored.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantor.beliefs.scenarios import parse_scenario
from guarantor.errors import ConfigurationError, GuarantorError, IngestError
from guarantor.ingest import RawArticle, iter_articles
from guarantor.registry import validate_file
from guarantor.runs import ingest_paths
from guarantor.settings import load_settings
from guarantor.store import Store

FIXTURE = HealthCheck.function_scoped_fixture
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),  # includes NUL and lone surrogates
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
records = st.dictionaries(
    st.sampled_from(["text", "url", "title", "outlet", "published", "extra"]),
    json_values,
    max_size=6,
)
raw_lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),
    st.binary(max_size=80),
    st.just(b"[" * 3000 + b"]" * 3000),
    st.just(b'{"text": "x", "n": ' + b"9" * 5000 + b"}"),
)


def _good(record: dict[str, Any]) -> bool:
    fields_ok = all(
        record.get(f) is None or (isinstance(record[f], str) and _clean(record[f]))
        for f in ("url", "title", "outlet", "published")
    )
    text = record.get("text")
    return isinstance(text, str) and bool(text.strip()) and _clean(text) and fields_ok


def _clean(value: str) -> bool:
    return "\x00" not in value and not any(0xD800 <= ord(c) <= 0xDFFF for c in value)


@FAST
@given(st.lists(raw_lines, max_size=8))
def test_json_lines_never_escape_the_error_tree(lines: list[bytes]) -> None:
    stream = io.BytesIO(b"\n".join(lines) + b"\n")
    for item in iter_articles(["-"], max_bytes=200_000, stdin=stream):
        assert isinstance(item, RawArticle | IngestError)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(records, min_size=1, max_size=6))
def test_every_good_record_is_stored_and_every_bad_one_named(
    tmp_path_factory: Any, batch: list[dict[str, Any]]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    feed = folder / "feed.jsonl"
    unique = [{**r, "text": f"{i} {r['text']}"} if _good(r) else r for i, r in enumerate(batch)]
    feed.write_text("\n".join(json.dumps(r) for r in unique) + "\n", encoding="utf-8")
    failures: list[IngestError] = []
    with Store.open(f"sqlite:///{folder / 'f.db'}") as store:
        summary = ingest_paths(
            [str(feed)], store, settings=load_settings(), on_failure=failures.append
        )
    good = [r for r in unique if _good(r)]
    # a good record may still be refused for a bad date in 'published'; never silently lost
    assert summary.stored + summary.duplicates + summary.failed == len(unique)
    assert summary.failed == len(failures)
    assert summary.stored >= sum(1 for r in good if not r.get("published"))
    assert all(f.path == str(feed) and f.line is not None for f in failures)


yaml_keys = st.sampled_from(
    ["requirement", "trials", "correlation", "overrides", "conditions", "as_of", "seed", "x"]
)
yaml_values = st.recursive(
    scalars.filter(lambda v: not (isinstance(v, str) and not _clean(v))),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(yaml_keys, inner, max_size=3),
    max_leaves=12,
)


@FAST
@given(st.dictionaries(yaml_keys, yaml_values, max_size=5))
def test_scenario_yaml_is_read_or_refused_with_a_configuration_error(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        parse_scenario(text, "fuzz.yaml")
    except ConfigurationError as error:
        assert error.path == "fuzz.yaml"


@FAST
@given(st.text(max_size=200))
def test_any_scenario_text_is_read_or_refused_with_a_configuration_error(text: str) -> None:
    with contextlib.suppress(ConfigurationError):
        parse_scenario(text, "fuzz.yaml")


PLEDGE_COLUMNS = [
    "id",
    "actor",
    "kind",
    "amount",
    "unit",
    "unit_year",
    "description",
    "conditions",
    "pledged_on",
    "status",
    "source_url",
]
cells = st.one_of(
    st.text(alphabet=string.printable, max_size=12),
    st.sampled_from(
        [
            "GBR",
            "ZZZ",
            "money",
            "troops",
            "1e400",
            "-5",
            "9" * 400,
            "2024-05-01",
            "9999-12-31",
            "committed",
            "[[[[1]]]]",
            '"',
            "EUR",
        ]
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(cells, min_size=11, max_size=12), min_size=1, max_size=4))
def test_registry_csv_is_validated_or_refused_never_a_traceback(
    tmp_path_factory: Any, rows: list[list[str]]
) -> None:
    path: Path = tmp_path_factory.mktemp("reg") / "pledges.csv"
    out = io.StringIO()
    writer = csv.writer(out)  # "\r\n" lines: a cell holding \r or \n is quoted
    writer.writerow(PLEDGE_COLUMNS)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        _, count, problems = validate_file(path)
    except GuarantorError as error:
        assert error.path == str(path)
        return
    # a row may have several problems (schema, or unknown actor and currency), each listed
    assert count + len({p.line for p in problems}) <= len(rows)
    assert all(p.line is not None and p.line >= 2 for p in problems)
