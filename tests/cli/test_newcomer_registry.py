"""Issue 14: registry files without --kind, cross-table checks, remove, --replace, location."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from guarantor.cli.app import app

runner = CliRunner()

HEADER = "id,actor,kind,amount,unit,unit_year,description,pledged_on,status,source_url\n"
GOOD = "my-1,NLD,money,1000000,EUR,2024,a million,2024-06-01,committed,https://example.org/n\n"
BAD = (
    "my-2,XXX,money,5,ZZZ,2024,bad actor,2024-06-01,committed,https://example.org/a\n"
    "my-3,NLD,money,5,ZZZ,2024,bad money,2024-06-01,committed,https://example.org/b\n"
)


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "registry"
    monkeypatch.setenv("GUARANTOR_REGISTRY_DIR", str(folder))
    return folder


def _file(tmp_path: Path, body: str, name: str = "my_pledges.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_validate_infers_the_kind_from_the_columns(tmp_path: Path, user_dir: Path) -> None:
    result = runner.invoke(app, ["registry", "validate", str(_file(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert "1 valid pledges rows" in result.stdout


def test_validate_lists_every_unknown_actor_and_currency(tmp_path: Path, user_dir: Path) -> None:
    path = _file(tmp_path, GOOD + BAD)
    result = runner.invoke(app, ["registry", "validate", str(path)])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{path}:3 (column actor)" in err and "'XXX'" in err
    assert f"{path}:3 (column unit)" in err and f"{path}:4 (column unit)" in err
    imported = runner.invoke(app, ["registry", "import", str(path)])
    assert imported.exit_code == 1 and not user_dir.exists()


def test_remove_deletes_an_imported_row_and_refuses_bundled_ones(
    tmp_path: Path, user_dir: Path
) -> None:
    assert runner.invoke(app, ["registry", "import", str(_file(tmp_path, GOOD))]).exit_code == 0
    removed = runner.invoke(app, ["registry", "remove", "my-1"])
    assert removed.exit_code == 0, removed.output
    assert yaml.safe_load((user_dir / "pledges.yaml").read_text())["rows"] == []
    gone = runner.invoke(app, ["registry", "remove", "my-1"])
    assert gone.exit_code == 1


def test_import_replace_swaps_the_whole_user_table(tmp_path: Path, user_dir: Path) -> None:
    other = GOOD.replace("my-1", "my-9")
    runner.invoke(app, ["registry", "import", str(_file(tmp_path, GOOD))])
    runner.invoke(app, ["registry", "import", str(_file(tmp_path, other, "b.csv")), "--replace"])
    ids = [r["id"] for r in yaml.safe_load((user_dir / "pledges.yaml").read_text())["rows"]]
    assert ids == ["my-9"]


def test_user_rows_live_beside_the_store_named_by_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GUARANTOR_REGISTRY_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    store = tmp_path / "project"
    store.mkdir()
    db = ["--db", f"sqlite:///{store}/g.db"]
    result = runner.invoke(app, [*db, "registry", "import", str(_file(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert (store / "registry" / "pledges.yaml").is_file()
    assert not (tmp_path / "home").exists()
    where = runner.invoke(app, [*db, "registry", "where"])
    assert str(store / "registry") in where.stdout
