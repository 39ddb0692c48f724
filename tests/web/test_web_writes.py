"""Writes need the token; a read-only server refuses them; uploads are capped in size
and type; a scenario name never leaves the scenarios folder."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_world import TOKEN

from guarantor.web.writes import UPLOAD_LIMIT

ANSWER = {
    "respondents": "Netherlands",
    "answered_on": "2025-04-04",
    "troops.deploy": "conditional",
    "troops.number": "1500",
    "troops.conditions": ["us_backstop", "ceasefire_first"],
    "attack_response.responses": ["consultations", "sanctions"],
    "us_support.enablers": ["air_defence:short_term"],
    "sanctions.measures": ["shadow_fleet"],
}
WRITES = ["/api/ingest", "/ingest", "/api/questionnaire", "/questionnaire", "/api/scenario/save"]


@pytest.mark.parametrize("path", WRITES)
def test_a_read_only_server_refuses_every_write(readonly: TestClient, path: str) -> None:
    response = readonly.post(path, data={"token": TOKEN, "name": "x"})
    assert response.status_code == 403
    assert "read-only" in response.text


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN[:-1], TOKEN + "x"])
@pytest.mark.parametrize("path", WRITES)
def test_a_write_without_the_right_token_is_refused(
    client: TestClient, path: str, token: str | None
) -> None:
    data = {"name": "x"} | ({"token": token} if token is not None else {})
    assert client.post(path, data=data).status_code == 401


def test_the_token_may_come_as_a_header(client: TestClient) -> None:
    response = client.post(
        "/api/scenario/save",
        headers={"X-Guarantor-Token": TOKEN},
        data={"name": "header-save", "requirement": "12000"},
    )
    assert response.status_code == 200, response.text


def test_an_answer_filed_with_the_token_shows_in_the_summary(client: TestClient) -> None:
    response = client.post("/api/questionnaire", data=ANSWER | {"token": TOKEN})
    assert response.status_code == 200, response.text
    assert response.json()["respondents"] == ["NLD"]
    summary = client.get("/api/questionnaire").json()["summary"]
    assert "NLD" in summary["respondents"]
    troops = next(q for q in summary["questions"] if q["id"] == "troops")
    assert any(a["actor"] == "NLD" for a in troops["answers"])


def test_an_invalid_answer_names_question_and_field(client: TestClient) -> None:
    bad = ANSWER | {"token": TOKEN, "troops.number": "-5"}
    response = client.post("/api/questionnaire", data=bad)
    assert response.status_code == 422
    assert "troops" in response.json()["error"] and "number" in response.json()["error"]
    unknown = client.post(
        "/api/questionnaire", data=ANSWER | {"token": TOKEN, "respondents": "Narnia"}
    )
    assert unknown.status_code in (404, 422) and "Narnia" in unknown.text


@pytest.mark.parametrize(
    ("name", "kind", "body", "status"),
    [
        ("a.exe", "application/octet-stream", b"MZ", 415),
        ("a.txt", "image/png", b"x", 415),
        ("a.txt", "text/plain", b"x" * (UPLOAD_LIMIT + 1), 413),
        ("../../etc/passwd.txt", "text/plain", b"just text, stored from memory", 200),
    ],
)
def test_uploads_are_capped_in_type_and_size(
    client: TestClient, name: str, kind: str, body: bytes, status: int
) -> None:
    response = client.post(
        "/api/ingest", headers={"X-Guarantor-Token": TOKEN}, files={"file": (name, body, kind)}
    )
    assert response.status_code == status, response.text[:300]


@pytest.mark.parametrize("name", ["../evil", "a/b", "base", "", "x" * 41, "..", "a.yaml"])
def test_scenario_names_are_checked(client: TestClient, name: str) -> None:
    response = client.post("/api/scenario/save", data={"token": TOKEN, "name": name})
    assert response.status_code == 400


def test_a_saved_scenario_compares_beside_the_base(client: TestClient, desk_dir) -> None:
    saved = client.post(
        "/api/scenario/save",
        data={"token": TOKEN, "name": "small-force", "requirement": "3000", "us_backstop": "1"},
    )
    assert saved.status_code == 200, saved.text
    assert (desk_dir / "scenarios" / "small-force.yaml").is_file()
    data = client.get("/api/compare?a=base&b=small-force").json()
    assert data["right"]["requirement"] == 3000
    assert data["right"]["p_met_without_us_backstop"] > data["left"]["p_met_without_us_backstop"]


def test_a_body_of_unknown_or_excessive_length_is_refused(client: TestClient) -> None:
    def chunks():
        yield b"token=" + TOKEN.encode()

    streamed = client.post(
        "/api/scenario/save",
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert streamed.status_code == 400 and "Content-Length" in streamed.text
    huge = client.post(
        "/api/ingest",
        headers={"X-Guarantor-Token": TOKEN, "Content-Type": "text/plain"},
        content=b"x" * (UPLOAD_LIMIT + 100_000),
    )
    assert huge.status_code == 413
