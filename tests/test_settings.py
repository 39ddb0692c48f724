"""The settings table documents every setting, and the model and table agree."""

from __future__ import annotations

import pytest

from guarantor.errors import ConfigurationError
from guarantor.settings import SETTINGS, Settings, default_db_url, load_settings


def test_every_setting_has_help_and_source() -> None:
    for setting in SETTINGS:
        assert setting.help.strip(), setting.name
        assert setting.source.strip(), setting.name


def test_table_and_model_name_the_same_settings() -> None:
    assert {s.name for s in SETTINGS} == set(Settings.model_fields)


def test_table_defaults_match_model_defaults() -> None:
    for setting in SETTINGS:
        assert Settings.model_fields[setting.name].default == setting.default, setting.name


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTOR_MAX_FILE_BYTES", "1234")
    assert load_settings().max_file_bytes == 1234


def test_explicit_override_beats_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTOR_DB", "sqlite:///env.db")
    assert load_settings(db="sqlite:///cli.db").db_url == "sqlite:///cli.db"


def test_bad_value_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTOR_NEAR_DUPLICATE_THRESHOLD", "2.5")
    with pytest.raises(ConfigurationError, match="near_duplicate_threshold"):
        load_settings()


def test_default_db_lives_under_xdg_data_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_url() == f"sqlite:///{tmp_path}/guarantor/guarantor.db"
