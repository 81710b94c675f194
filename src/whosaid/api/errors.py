"""One JSON error shape for every API error: ``{"error": {"code", "message", "detail"}}``.

404s, validation errors, authorisation failures and unexpected 500s all leave the
API in this shape, so a client needs one code path for failures. Codes are the
stable ``whosaid.errors`` codes (``not-found``, ``usage``, ``empty`` ...) plus the
HTTP-level ones below. Pages outside ``/api`` get the same information as HTML.

Example:
    >>> error_body("not-found", "no article 'x'")
    {'error': {'code': 'not-found', 'message': "no article 'x'", 'detail': None}}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from whosaid.errors import InputRejected, NotFound, UsageError, WhosaidError

log = logging.getLogger(__name__)

#: HTTP status -> error code, for errors raised by the framework rather than by whosaid.
HTTP_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "read-only",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-parameter",
    500: "internal",
}


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not-found, invalid-parameter.")
    message: str = Field(description="What went wrong, for a person.")
    detail: Any = Field(None, description="Extra context: the invalid parameters, the missing id ...")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorInfo


#: ``responses=`` for every API route, so the error schema is in the OpenAPI document.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Unknown id or name"},
    422: {"model": ErrorResponse, "description": "Invalid parameter (malformed date, limit too large ...)"},
    500: {"model": ErrorResponse, "description": "Unexpected server error"},
}


class APIError(Exception):
    """An error an API route raises on purpose, with its HTTP status and code."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def _status_for(exc: WhosaidError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, (UsageError, InputRejected)):
        return 422
    return 500


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def _describe_validation(errors: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """A one-line message naming each bad parameter, and a JSON-safe detail list."""
    detail, parts = [], []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        name = ".".join(loc) or "request"
        msg = err.get("msg", "invalid")
        value = err.get("input")
        if not isinstance(value, (str, int, float, bool, type(None))):
            value = None
        detail.append({"parameter": name, "message": msg, "input": value})
        parts.append(f"{name}: {msg}")
    return "invalid parameter — " + "; ".join(parts), detail


def install_error_handlers(app: FastAPI, render_html_error=None) -> None:
    """Route every error through one shape; ``render_html_error(request, status, body)`` for pages."""

    def respond(request: Request, status: int, body: dict[str, Any], headers=None) -> Response:
        if render_html_error is not None and _wants_html(request):
            return render_html_error(request, status, body)
        return JSONResponse(body, status_code=status, headers=headers)

    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> Response:
        return respond(request, exc.status, error_body(exc.code, exc.message, exc.detail))

    @app.exception_handler(WhosaidError)
    async def _whosaid_error(request: Request, exc: WhosaidError) -> Response:
        status = _status_for(exc)
        if status == 500:
            log.error("store or pipeline error on %s: %s", request.url.path, exc)
        detail = None
        if isinstance(exc, NotFound):
            detail = {"kind": exc.kind, "key": exc.key}
        return respond(request, status, error_body(exc.code, exc.message, detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        message, detail = _describe_validation(list(exc.errors()))
        return respond(request, 422, error_body("invalid-parameter", message, detail))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, "http-error")
        message = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path!r}"
        return respond(request, exc.status_code, error_body(code, message), getattr(exc, "headers", None))

    app.add_middleware(_CatchUnexpected, respond=respond)


class _CatchUnexpected:
    """Answer any unexpected exception in the error shape.

    A plain ASGI middleware rather than an ``Exception`` handler: Starlette re-raises
    after running those, and the client must get the error shape, never a bare 500.
    """

    def __init__(self, app, respond):
        self.app = app
        self.respond = respond

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracking(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception:  # noqa: BLE001 - logged with traceback, answered in the error shape
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            request = Request(scope, receive)
            response = self.respond(request, 500, error_body("internal", "unexpected server error; see the server log"))
            await response(scope, receive, send)
