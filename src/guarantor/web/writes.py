"""The three writes: an article upload, a questionnaire answer, a saved scenario.

Each needs the server's token (header or form field, compared in constant time);
a server started without one refuses them all. Each is registered twice, as
``/api/PATH`` answering JSON and as ``/PATH`` answering the same dict as an HTML
fragment for the page's HTMX form. No request value ever names a file: uploads are
read from memory, scenario names are checked against a pattern and a folder.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from guarantor.errors import TooLargeError, UsageError
from guarantor.questionnaire.book import file_response
from guarantor.questionnaire.read import parse_response
from guarantor.runs import IngestSummary, ingest_paths, store_extractor
from guarantor.web.desk import Desk
from guarantor.web.security import TOKEN_FIELD, TOKEN_HEADER, check_token, check_upload
from guarantor.web.twin import HTML_ERRORS, JSON_ERRORS
from guarantor.web.views.questionnaire import response_yaml
from guarantor.web.views.scenario import apply_edit, edit_from_form, save_scenario

__all__ = ["UPLOAD_LIMIT", "write_routes"]

UPLOAD_LIMIT = 2_000_000  # bytes of one uploaded article (the CLI's file limit is 20 MB)
FORM_FIELDS = 200
Write = Callable[[Desk, FormData], Awaitable[dict[str, Any]]]


async def _form(request: Request, desk: Desk) -> FormData:
    """The submitted form, after the size and token checks."""
    declared = request.headers.get("content-length", "")
    if not declared.isdigit():  # a streamed body of unknown size could fill the disk
        raise UsageError("a write needs a Content-Length header")
    if int(declared) > UPLOAD_LIMIT + 64_000:
        raise TooLargeError(f"request body over the {UPLOAD_LIMIT:,}-byte upload limit")
    header = request.headers.get(TOKEN_HEADER)
    if not desk.token:
        check_token(None, header)
    form = await request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=64_000)
    given = header if header is not None else form.get(TOKEN_FIELD)
    check_token(desk.token, given if isinstance(given, str) else None)
    return form


def _lists(form: FormData) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str) and key != TOKEN_FIELD:
            found.setdefault(key, []).append(value)
    return found


async def upload(desk: Desk, form: FormData) -> dict[str, Any]:
    """Ingest one uploaded article (text, Markdown, HTML or JSON Lines) from memory."""
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise UsageError("an upload needs a file in the form field 'file'")
    data = await file.read(UPLOAD_LIMIT + 1)
    check_upload(file.filename or "", file.content_type or "", len(data), UPLOAD_LIMIT)
    settings = desk.settings
    failures: list[str] = []

    def run() -> IngestSummary:
        with desk.writing() as store:
            extractor, name = store_extractor(store, settings.extractor, settings.stance_threshold)
            return ingest_paths(
                ["-"],
                store,
                settings=settings,
                extractor=extractor,
                extractor_name=name,
                stdin=io.BytesIO(data),
                on_failure=lambda error: failures.append(error.render()),
            )

    summary = await run_in_threadpool(run)
    return {
        "file": file.filename,
        "run": summary.run_id,
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "failed": summary.failed,
        "failures": failures,
    }


async def answer(desk: Desk, form: FormData) -> dict[str, Any]:
    """File a government's answer from the web form, validated as a YAML file would be."""
    today = date.today()
    text = response_yaml(_lists(form), today)
    response = parse_response(text, Path("web-form.yaml"), desk.actors, today)
    with desk.writing() as store:
        outcome = await run_in_threadpool(file_response, store, response, "web form")
    return {
        "status": outcome.status,
        "response": outcome.response_id,
        "respondents": list(outcome.respondents),
    }


async def save(desk: Desk, form: FormData) -> dict[str, Any]:
    """Save the edited scenario under a name, as a scenario file in the scenarios folder."""
    name = str(form.get("name") or "").strip()
    scenario = apply_edit(desk.scenario, edit_from_form(_lists(form)), desk.actors)
    with desk.writing():
        save_scenario(desk.scenarios_dir, name, scenario)
    return {"saved": name, "requirement": scenario.requirement}


def _register(router: APIRouter, templates: Jinja2Templates, path: str, write: Write) -> None:
    summary = (write.__doc__ or path).strip().splitlines()[0]

    async def as_json(request: Request) -> Response:
        desk = request.app.state.desk
        return JSONResponse(await write(desk, await _form(request, desk)))

    async def as_html(request: Request) -> Response:
        desk = request.app.state.desk
        data = await write(desk, await _form(request, desk))
        return templates.TemplateResponse(request, "written.html", {"data": data})

    router.add_api_route(
        "/api" + path,
        as_json,
        methods=["POST"],
        summary=summary,
        name=f"api_{write.__name__}",
        responses=JSON_ERRORS,
    )
    router.add_api_route(
        path,
        as_html,
        methods=["POST"],
        summary=f"{summary} (HTML fragment)",
        response_class=HTMLResponse,
        name=write.__name__,
        responses=HTML_ERRORS,
    )


def write_routes(templates: Jinja2Templates) -> APIRouter:
    router = APIRouter()
    _register(router, templates, "/ingest", upload)
    _register(router, templates, "/questionnaire", answer)
    _register(router, templates, "/scenario/save", save)
    return router
