"""A small world for the dashboard: a temporary SQLite store holding one planted
article (a quote with a <script> in it), a scenario with few trials, and the app
over it with a token. Built once per session: the models run once, then cached."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")

from fastapi.testclient import TestClient
from web_world import PLANTED, TOKEN, make_desk

from guarantor.web import Desk, create_app


@pytest.fixture(scope="session")
def desk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("desk")


@pytest.fixture(scope="session")
def desk(desk_dir: Path) -> Iterator[Desk]:
    opened = make_desk(desk_dir)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def client(desk: Desk) -> TestClient:
    """The app with the planted article ingested through the upload route."""
    client = TestClient(create_app(desk), raise_server_exceptions=False)
    answer = client.post(
        "/api/ingest",
        headers={"X-Guarantor-Token": TOKEN},
        files={"file": ("planted.txt", PLANTED.encode(), "text/plain")},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["stored"] == 1
    return client


@pytest.fixture(scope="session")
def readonly(desk_dir: Path) -> Iterator[TestClient]:
    opened = make_desk(desk_dir, token=None)
    yield TestClient(create_app(opened), raise_server_exceptions=False)
    opened.close()
