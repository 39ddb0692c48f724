"""The dashboard in a real browser: Playwright driving Debian's Chromium against a live
server on loopback. Skipped (with the reason) where /usr/bin/chromium is absent, except
in CI, where GUARANTOR_REQUIRE_BROWSER=1 makes its absence a failure.

Set GUARANTOR_SCREENSHOTS=DIR to keep a screenshot of each main page (docs/screenshots/
is made this way)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    if os.environ.get("GUARANTOR_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"GUARANTOR_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install chromium)"
        )
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
uvicorn = pytest.importorskip("uvicorn")

from web_world import PLANTED, TOKEN, make_desk  # noqa: E402

from guarantor.web import create_app  # noqa: E402

Page = playwright_api.Page
expect = playwright_api.expect
expect.set_options(timeout=60_000)  # the first run of the models on a slow CI machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    desk = make_desk(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    config = uvicorn.Config(create_app(desk), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    desk.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.set_default_timeout(60_000)
    yield opened
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def _shot(page: Page, name: str) -> None:
    folder = os.environ.get("GUARANTOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.locator("h1").scroll_into_view_if_needed()
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def _upload_planted(page: Page) -> None:
    page.goto("/ingest")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "planted.txt", "mimeType": "text/plain", "buffer": PLANTED.encode()}],
    )
    page.fill("#upload-form input[name=token]", TOKEN)
    page.click("#upload")
    expect(page.locator("#written")).to_contain_text("stored")


def test_overview_loads_with_htmx_from_the_package(page: Page) -> None:
    page.goto("/overview")
    expect(page.locator("#q-troops")).to_contain_text("P(requirement met)")
    assert page.evaluate("typeof window.htmx") == "object"  # the CSP let our own script run
    _shot(page, "overview")


def test_a_board_cell_opens_onto_its_quotes(page: Page) -> None:
    _upload_planted(page)
    page.goto("/board")
    page.click("#cell-FRA-ground_troops")
    detail = page.locator("#cell #cell-detail")
    expect(detail).to_contain_text("FRA · ground_troops")
    expect(detail.locator("q").first).to_be_visible()
    assert page.url.endswith("/board")  # swapped in by HTMX, not a new page
    _shot(page, "board")


def test_a_planted_script_does_not_run_and_shows_as_text(page: Page) -> None:
    _upload_planted(page)
    page.goto("/evidence?q=pwned")
    expect(page.locator("#evidence")).to_contain_text("<script>document.title='pwned'</script>")
    assert page.title() != "pwned"
    page.goto("/board")
    page.click("#cell-FRA-ground_troops")
    expect(page.locator("#cell-detail")).to_contain_text("<script>")
    assert page.title() != "pwned"
    page.goto("/evidence")
    _shot(page, "evidence")


def test_changing_a_condition_changes_the_answer(page: Page) -> None:
    page.goto("/scenario")
    before = page.locator("#answer .figure").get_attribute("data-value")
    page.fill("#scenario-form input[name=requirement]", "2000")
    page.fill("#scenario-form input[name=us_backstop]", "1")
    page.click("#rerun")
    expect(page.locator("#compare")).to_contain_text("2,000")
    after = page.locator("#answer .figure").get_attribute("data-value")
    assert before is not None and after is not None and float(after) > float(before)
    _shot(page, "scenario")


def test_a_questionnaire_answer_with_the_token_shows_in_the_summary(page: Page) -> None:
    page.goto("/questionnaire")
    expect(page.locator("#respondents")).not_to_contain_text("DNK")
    page.fill("#answer-form input[name=respondents] >> nth=0", "Denmark")
    page.select_option("#answer-form select[name='troops.deploy']", "conditional")
    page.fill("#answer-form input[name='troops.number']", "800")
    page.check("#answer-form input[value='us_backstop']")
    page.fill("#answer-form input[name=token]", TOKEN)
    page.click("#submit-answer")
    expect(page.locator("#written")).to_contain_text("DNK")
    page.reload()
    expect(page.locator("#respondents")).to_contain_text("DNK")
    _shot(page, "questionnaire")


def test_actor_page(page: Page) -> None:
    page.goto("/actor/France")
    expect(page.locator("main h2")).to_contain_text("France (FRA)")
    _shot(page, "actor")
