"""Every page renders, agrees with its JSON twin, escapes what it quotes, and carries
the security headers; the board opens onto the quotes behind a cell."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from guarantor.web.security import CSP

PAGES = [
    "/overview",
    "/board",
    "/board/cell?actor=FRA&option=ground_troops",
    "/actor/France",
    "/evidence",
    "/evidence?q=troops&stance=support",
    "/scenario",
    "/scenario?requirement=5000&us_backstop=1",
    "/compare",
    "/response",
    "/costs",
    "/questionnaire",
    "/ingest",
]


class _Page(HTMLParser):
    """The figures a page tags with their JSON key, and every script and handler."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[tuple[str, str]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.styles: int = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "data-key" in found:
            self.figures.append((found["data-key"] or "", found.get("data-value") or ""))
        if tag == "script":
            self.scripts.append(found)
        if tag == "style" or "style" in found:
            self.styles += 1
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _row(rows: list[dict[str, Any]], name: str) -> Any:
    return next(r for r in rows if name in (r.get("actor"), r.get("id")))


def lookup(data: Any, key: str) -> Any:
    """A dotted key; in a list, a number is an index and a name the row of that actor."""
    for part in key.split("."):
        if isinstance(data, list):
            data = data[int(part)] if part.isdigit() else _row(data, part)
        else:
            data = data[part]
    return data


def board_lookup(data: dict[str, Any], key: str) -> Any:
    """``cells.ACTOR.OPTION.sources`` in the board's grid."""
    _, actor, option, field = key.split(".")
    row = next(r for r in data["rows"] if r["actor"] == actor)
    return row["cells"][data["options"].index(option)][field]


def same(shown: str, value: Any) -> bool:
    if value is None:
        return shown in ("None", "")
    if isinstance(value, list):  # a count of rows
        return shown == str(len(value))
    if isinstance(value, bool | str):
        return shown == str(value)
    return float(shown) == pytest.approx(float(value))


@pytest.mark.parametrize("path", PAGES)
def test_page_and_twin_agree(client: TestClient, path: str) -> None:
    html = client.get(path)
    twin = client.get("/api" + path)
    assert html.status_code == 200, html.text[:500]
    assert twin.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    data = twin.json()
    figures = parse(html.text).figures
    for key, shown in figures:
        value = board_lookup(data, key) if key.startswith("cells.") else lookup(data, key)
        assert same(shown, value), f"{path}: {key} shows {shown!r}, JSON says {value!r}"
    if path in ("/overview", "/board", "/costs", "/questionnaire"):
        assert figures, f"{path} tags no figure"


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_script_or_style_and_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    page = parse(response.text)
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert all(s.get("src", "").startswith("/static/") for s in page.scripts)
    assert page.handlers == [] and page.styles == 0


def test_overview_answers_the_four_questions(client: TestClient) -> None:
    text = client.get("/overview").text
    for heading in ("Who would send troops", "On what conditions", "if attacked", "Who would pay"):
        assert heading in text
    data = client.get("/api/overview").json()
    assert 0 <= data["who_sends_troops"]["p_requirement_met"]["without_us_backstop"] <= 1


def test_a_cell_opens_onto_its_quotes(client: TestClient) -> None:
    data = client.get("/api/board/cell?actor=France&option=ground_troops").json()
    assert data["actor"] == "FRA" and data["total"] == len(data["positions"]) > 0
    assert data["cell"]["positions"] == data["total"]
    html = client.get("/board/cell?actor=FRA&option=ground_troops", headers={"HX-Request": "true"})
    assert "<html" not in html.text  # a fragment for HTMX to swap in
    assert "France is ready to send troops" in html.text


def test_our_paraphrases_are_never_shown_as_quotes(client: TestClient) -> None:
    data = client.get("/api/board/cell?actor=FRA&option=ground_troops").json()
    ledger = [p for p in data["positions"] if p["kind"] == "ledger"]
    stored = [p for p in data["positions"] if p["kind"] == "store"]
    assert ledger and stored
    html = client.get("/board/cell?actor=FRA&option=ground_troops").text
    for p in ledger:
        assert f'<span class="paraphrase">{escape(p["quote"])}</span>' in html
        assert f"<q>{escape(p['quote'])}</q>" not in html
    assert f"<q>{escape(stored[0]['quote'])}</q>" in html


def test_planted_script_is_shown_as_text(client: TestClient) -> None:
    found = client.get("/api/evidence?q=pwned").json()
    assert found["total"] >= 1 and "<script>" in found["items"][0]["quote"]
    for path in ("/evidence?q=pwned", "/board/cell?actor=FRA&option=ground_troops"):
        html = client.get(path).text
        assert "&lt;script&gt;document.title=" in html
        assert "<script>document.title" not in html


def test_evidence_filters_narrow(client: TestClient) -> None:
    every = client.get("/api/evidence?limit=1").json()
    store = client.get("/api/evidence?kind=store&limit=200").json()
    assert 0 < store["total"] < every["total"]
    assert {i["kind"] for i in store["items"]} == {"store"}
    dated = client.get("/api/evidence?since=2025-03-04&until=2025-03-04").json()
    assert all(i["stated_on"] == "2025-03-04" for i in dated["items"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/actor/Narnia", 404),
        ("/actor/Narnia", 404),
        ("/api/evidence?option=bogus", 400),
        ("/api/evidence?since=yesterday", 400),
        ("/api/board/cell?actor=FRA&option=bogus", 422),
        ("/api/scenario?override=POL:ground_troops=2", 400),
        ("/api/compare?a=..%2Fetc", 422),
        ("/api/compare?a=nosuch", 404),
        ("/static/../desk.py", 404),
        ("/static/%2e%2e/desk.py", 404),
    ],
)
def test_bad_requests_are_named_not_crashes(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]


def test_static_htmx_is_served_from_the_package(client: TestClient) -> None:
    response = client.get("/static/htmx.min.js")
    assert response.status_code == 200 and "htmx" in response.text[:200]
    assert client.get("/static/htmx.LICENSE").status_code == 200
    assert re.search(r"https?://[^\"' ]*htmx", client.get("/overview").text) is None
