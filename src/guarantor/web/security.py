"""The dashboard's safety rules in one place: the write token, the response headers
(a strict Content-Security-Policy: scripts and styles from this server only, nothing
inline, nothing framed), and the upload limits."""

from __future__ import annotations

import hmac

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from guarantor.errors import ReadOnlyError, TokenError, TooLargeError, UnsupportedTypeError

__all__ = [
    "CSP",
    "TOKEN_FIELD",
    "TOKEN_HEADER",
    "UPLOAD_SUFFIXES",
    "SecurityHeaders",
    "check_token",
    "check_upload",
]

TOKEN_HEADER = "X-Guarantor-Token"
TOKEN_FIELD = "token"
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
UPLOAD_TYPES = (
    "text/plain",
    "text/markdown",
    "text/html",
    "application/jsonl",
    "application/x-ndjson",
    "application/octet-stream",  # what browsers send for an unknown suffix; the suffix decides
    "",
)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: every response carries the policy, whatever produced it (a plain
    ASGI wrapper, so it adds no task or thread per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


def check_token(expected: str | None, given: str | None) -> None:
    """Refuse a write unless the server has a token and ``given`` is it (constant time)."""
    if not expected:
        raise ReadOnlyError(
            "this dashboard is read-only: start it with 'guarantor serve --token TOKEN' to write"
        )
    if given is None or not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise TokenError(
            f"a write needs the server's token (header {TOKEN_HEADER} or form field "
            f"{TOKEN_FIELD!r})"
        )


def check_upload(name: str, content_type: str, size: int, limit: int) -> str:
    """The upload's suffix if its name, type and size are acceptable."""
    suffix = next((s for s in UPLOAD_SUFFIXES if name.lower().endswith(s)), None)
    if suffix is None:
        raise UnsupportedTypeError(
            f"upload {name!r}: expected a file ending in {', '.join(UPLOAD_SUFFIXES)}"
        )
    if content_type.split(";")[0].strip().lower() not in UPLOAD_TYPES:
        raise UnsupportedTypeError(f"upload {name!r}: content type {content_type!r} is not text")
    if size > limit:
        raise TooLargeError(f"upload {name!r} is over the {limit:,}-byte limit")
    return suffix
