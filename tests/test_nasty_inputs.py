"""The fixed corpus of nasty inputs: each ends in one named error and the README's exit code.

Each case runs the real command in-process (``guarantor.cli.app.main``) and
checks: no traceback, the exit code (0 done, 1 some inputs failed or bad
input, 2 usage or configuration), and the message naming the file and what
was expected. Good records next to bad ones are still stored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from guarantor.cli.app import main
from guarantor.store import Store

Make = Callable[[Path], list[str]]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text, text
    return code, text


GOOD = json.dumps({"text": "A good article about troops.", "url": "https://example.org/good"})


def _jsonl(bad: str) -> Make:
    def make(folder: Path) -> list[str]:
        path = folder / "feed.jsonl"
        path.write_text(f"{bad}\n{GOOD}\n", encoding="utf-8")
        return [str(path)]

    return make


def _special(target: str) -> Make:
    def make(folder: Path) -> list[str]:
        if not os.path.exists(target):
            pytest.skip(f"{target} is absent here")
        link = folder / "zero.txt"
        link.symlink_to(target)
        return [str(link)]

    return make


def _fifo(folder: Path) -> list[str]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


def _file(name: str, data: bytes) -> Make:
    def make(folder: Path) -> list[str]:
        (folder / name).write_bytes(data)
        return [str(folder / name)]

    return make


def _folder(files: dict[str, bytes]) -> Make:
    def make(folder: Path) -> list[str]:
        inner = folder / "in"
        inner.mkdir()
        for name, data in files.items():
            (inner / name).write_bytes(data)
        return [str(inner)]

    return make


INGEST_CASES: list[tuple[str, Make, str]] = [
    ("deep arrays", _jsonl('{"text": ' + "[" * 5000 + "]" * 5000 + "}"), "nested deeper"),
    ("5000-digit number", _jsonl('{"text": "x", "n": ' + "9" * 5000 + "}"), "5000 digits"),
    ("lone surrogate", _jsonl('{"text": "a \\ud800 b"}'), "lone surrogate"),
    ("NUL in url", _jsonl('{"text": "t", "url": "https://x.org/\\u0000"}'), "NUL character"),
    ("NUL in outlet", _jsonl('{"text": "t", "outlet": "R\\u0000"}'), "NUL character"),
    ("NaN", _jsonl('{"text": "t", "n": NaN}'), "only finite numbers"),
    ("/dev/zero", _special("/dev/zero"), "is a character device, expected a regular file"),
    ("named pipe", _fifo, "is a named pipe, expected a regular file"),
    ("empty JSON Lines", _file("empty.jsonl", b""), "no records"),
    ("no supported files", _folder({"a.docx": b"PK"}), "folder has no file to read"),
    ("empty folder", _folder({}), "folder has no file to read"),
    ("Latin-1 article", _file("a.txt", "Le ministre a déclaré".encode("latin-1")), "not UTF-8"),
    ("long line", _jsonl(json.dumps({"text": "w" * 30_000})), "line is over the 20000-byte"),
]


@pytest.mark.parametrize(
    ("name", "make", "message"), INGEST_CASES, ids=[c[0] for c in INGEST_CASES]
)
def test_nasty_ingest_inputs_are_named_and_the_rest_stored(
    name: str,
    make: Make,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GUARANTOR_MAX_FILE_BYTES", "20000")
    db = f"sqlite:///{tmp_path / 'nasty.db'}"
    paths = make(tmp_path)
    code, text = _run(["--db", db, "ingest", "--no-extract", *paths], capsys)
    assert code == 1, text
    assert message in text
    assert "failed 1" in text
    if any(p.endswith(".jsonl") for p in paths) and "empty" not in name:
        with Store.open(db) as store:
            assert [d.url for d in store.documents()] == ["https://example.org/good"]


def test_a_long_word_run_and_a_long_line_are_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Extraction stays linear: long tokens and long lines finish (the benchmark times it)."""
    (tmp_path / "run.txt").write_text("A" + "b" * 300_000, encoding="utf-8")
    line = "Poland said it would send troops to Ukraine, " * 5000
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    (tmp_path / "mr.txt").write_text("Mr. " * 50_000, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'long.db'}"
    code, text = _run(["--db", db, "ingest", str(tmp_path)], capsys)
    assert code == 0, text
    assert "stored 3" in text


def test_a_document_over_the_character_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUARANTOR_MAX_DOCUMENT_CHARS", "1000")
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    code, text = _run(["--db", f"sqlite:///{tmp_path / 'd.db'}", "ingest", str(tmp_path)], capsys)
    assert code == 1 and "over the 1000-character limit" in text


SCENARIOS: list[tuple[str, bytes, str]] = [
    ("latin-1", "note: 'déjà'\n".encode("latin-1"), "not UTF-8"),
    ("NUL", b"requirement: 10\x00\n", "NUL"),
    ("deep", b"a: " + b"[" * 500 + b"]" * 500 + b"\n", "nested deeper"),
    ("alias bomb", b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "aliases"),
    ("duplicate key", b"requirement: 10\nrequirement: 20\n", "duplicate key 'requirement'"),
    ("huge requirement", b"requirement: 1e29\n", "requirement"),
    ("unknown actor", b"overrides:\n  ZZZ:\n    ground_troops: 0.5\n", "unknown actor 'ZZZ'"),
    ("float requirement", b"requirement: 1.0e+29\n", "requirement"),
    ("infinite correlation", b"correlation: .inf\n", "correlation"),
    ("huge trials", b"trials: 100000000000\n", "trials"),
]


@pytest.mark.parametrize(("name", "data", "message"), SCENARIOS, ids=[c[0] for c in SCENARIOS])
def test_nasty_scenarios_are_configuration_errors(
    name: str, data: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(data)
    code, text = _run(["scenario", "show", "--scenario", str(path)], capsys)
    assert code == 2, text
    assert message in text and str(path) in text


def test_a_utf16_scenario_with_a_bom_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes("requirement: 12345\n".encode("utf-16"))
    code, text = _run(["scenario", "show", "--scenario", str(path), "--format", "json"], capsys)
    assert code == 0, text
    assert '"requirement": 12345' in text.replace("\n", "")


def _states_row() -> bytes:
    """The bundled states table's header and Poland's row, with 10^30 active personnel."""
    import csv
    import io
    from importlib import resources

    table = resources.files("guarantor").joinpath("data/registry/states.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(table)))
    poland = next(row for row in rows if row["iso3"] == "POL")
    poland["active_personnel"] = "1" + "0" * 30
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(poland), lineterminator="\n")
    writer.writeheader()
    writer.writerow(poland)
    return out.getvalue().encode()


_STATES = _states_row()

HEADER = "id,actor,kind,amount,unit,unit_year,description,conditions,pledged_on,status,source_url\n"
ROW = "p1,GBR,money,100,GBP,2024,desc,,2024-05-01,committed,https://example.org/1\n"

REGISTRY: list[tuple[str, str, bytes, str]] = [
    ("huge cell", "pledges.csv", (HEADER + ROW.replace("desc", "d" * 140_000)).encode(), "field"),
    ("NUL cell", "pledges.csv", (HEADER + ROW.replace("desc", "d\x00")).encode(), "NUL"),
    (
        "5000 digits",
        "pledges.csv",
        (HEADER + ROW.replace(",100,", "," + "9" * 5000 + ",")).encode(),
        "amount",
    ),
    ("1e400 pledge", "pledges.csv", (HEADER + ROW.replace(",100,", ",1e400,")).encode(), "amount"),
    (
        "year 9999",
        "pledges.csv",
        (HEADER + ROW.replace("2024-05-01", "9999-12-31")).encode(),
        "pledged_on",
    ),
    ("actor ZZZ", "pledges.csv", (HEADER + ROW.replace("GBR", "ZZZ")).encode(), "ZZZ"),
    ("kind list", "rows.yaml", b"kind: [pledges]\nrows: []\n", "kind"),
    ("deep yaml", "pledges.yaml", b"- " + b"[" * 500 + b"]" * 500 + b"\n", "nested deeper"),
    ("deep json", "pledges.json", b"[" * 5000 + b"]" * 5000, "nested deeper"),
    (
        "personnel 1e30",
        "states.csv",
        _STATES,
        "active_personnel",
    ),
    (
        "commitment backwards",
        "commitments.csv",
        b"id,actor,host,name,role,troops,approximate,start,end,source_url\nc1,DEU,LTU,n,r,100,false,2025-01-01,2024-01-01,https://example.org\n",
        "end",
    ),
]


@pytest.mark.parametrize(
    ("name", "filename", "data", "message"), REGISTRY, ids=[c[0] for c in REGISTRY]
)
def test_nasty_registry_files_are_refused_with_their_line(
    name: str,
    filename: str,
    data: bytes,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / filename
    path.write_bytes(data)
    code, text = _run(["registry", "validate", str(path)], capsys)
    assert code == 1, text
    assert message in text and str(path) in text


def test_trials_beyond_the_cap_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(["forces", "--trials", "100000000000"], capsys)
    assert code == 2, text
    assert "trials" in text
