"""Every page has a JSON twin built from the same data object: one view function
returns the dict; ``twin`` registers it as ``/api/PATH`` (JSON) and as ``/PATH``
(the same dict rendered by a template), so the API and the page cannot disagree.
A rendered page is kept per store revision (``Desk.page``): a page is a pure
function of the revision, its path, its query and whether HTMX asked for it."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

__all__ = ["HTML_ERRORS", "JSON_ERRORS", "ErrorBody", "View", "layout", "twin"]

View = Callable[..., dict[str, Any]]


class ErrorBody(BaseModel):
    """What the API answers for a GuarantorError: its message and HTTP status."""

    error: str
    status: int


_STATUSES = {
    400: "bad request (a value named in the message)",
    401: "a write without the server's token",
    403: "a write to a read-only server",
    404: "a named thing does not exist",
    413: "an upload over the size limit",
    415: "an upload of a type guarantor does not read",
    422: "a value of the wrong form",
    503: "the database refused",
}
JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "model": ErrorBody}
    for code, text in _STATUSES.items()
    if code != 422
}
HTML_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"text/html": {}}} for code, text in _STATUSES.items()
}


def layout(request: Request) -> str:
    """A whole page; its title and content when HTMX swaps it into the page's main; only
    its content when HTMX swaps it into a part of a page (a board cell's quotes)."""
    if request.headers.get("HX-Request") != "true":
        return "base.html"
    return "main.html" if request.headers.get("HX-Target") == "main" else "fragment.html"


def twin(
    router: APIRouter, templates: jinja2.Environment, path: str, template: str, title: str
) -> Callable[[View], View]:
    """Register ``view`` at ``/api{path}`` and, rendered with ``template``, at ``path``."""

    def register(view: View) -> View:
        summary = (view.__doc__ or title).strip().splitlines()[0]
        router.add_api_route(
            "/api" + path,
            view,
            methods=["GET"],
            summary=summary,
            name=f"api_{view.__name__}",
            responses=JSON_ERRORS,
        )
        signature = inspect.signature(view, eval_str=True)

        def page(request: Request, **kwargs: Any) -> HTMLResponse:
            query = f"?{request.url.query}" if request.url.query else ""
            chosen = layout(request)

            def render() -> bytes:
                context = {
                    "request": request,
                    "data": view(**kwargs),
                    "title": title,
                    "api": f"/api{request.url.path}{query}",
                    "layout": chosen,
                }
                return templates.get_template(template).render(context).encode("utf-8")

            desk = request.app.state.desk
            return HTMLResponse(desk.page((request.url.path, query, chosen), render))

        params = [
            inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
            *(
                p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
                for p in signature.parameters.values()
            ),
        ]
        page.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=params, return_annotation=HTMLResponse
        )
        router.add_api_route(
            path,
            page,
            methods=["GET"],
            response_class=HTMLResponse,
            summary=f"{summary} (HTML page)",
            name=view.__name__,
            responses=HTML_ERRORS,
        )
        return view

    return register
