"""The dashboard's application: pages and their JSON twins, the three writes, the
static files shipped in the package (HTMX included: nothing comes from a CDN), the
security headers, and the one place ``GuarantorError`` becomes an HTTP status."""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from guarantor import __version__
from guarantor.errors import GuarantorError
from guarantor.web.desk import Desk
from guarantor.web.pages import read_routes
from guarantor.web.security import SecurityHeaders
from guarantor.web.twin import layout
from guarantor.web.writes import write_routes

__all__ = ["create_app", "templates"]

HERE = Path(__file__).resolve().parent
NAV = (
    ("/overview", "Overview"),
    ("/board", "Board"),
    ("/scenario", "Scenario"),
    ("/compare", "Compare"),
    ("/response", "Response"),
    ("/costs", "Costs"),
    ("/questionnaire", "Questionnaire"),
    ("/evidence", "Evidence"),
    ("/ingest", "Ingest"),
)


def templates() -> Jinja2Templates:
    """Jinja2 with autoescaping on for every template (quotes are never trusted)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["nav"] = NAV
    env.globals["version"] = __version__
    env.filters["pct"] = lambda v, digits=1: "-" if v is None else f"{float(v):.{digits}%}"
    env.filters["num"] = lambda v: "-" if v is None else f"{v:,.0f}"
    env.filters["hours"] = _hours
    return Jinja2Templates(env=env)


def _hours(value: float | None) -> str:
    if value is None:
        return "never"
    return f"{value:,.0f} h" if value < 72 else f"{value / 24:,.1f} d"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(desk: Desk) -> FastAPI:
    """The dashboard over ``desk`` (its store, scenario and token)."""
    app = FastAPI(
        title="guarantor",
        version=__version__,
        description="The analyst's desk: every page has a JSON twin under /api.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays
        redoc_url=None,
    )
    app.state.desk = desk
    pages = templates()
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(read_routes(pages.env))
    app.include_router(write_routes(pages))

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/overview")

    def error_page(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        context = {
            "data": {"error": message, "status": status},
            "title": "Error",
            "api": "",
            "layout": layout(request),
        }
        return pages.TemplateResponse(request, "error.html", context, status_code=status)

    @app.exception_handler(GuarantorError)
    async def guarantor_error(request: Request, exc: GuarantorError) -> Response:
        return error_page(request, exc.http_status, exc.render())

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_page(request, 422, f"{where}: {first.get('msg', 'invalid request')}")

    return app
