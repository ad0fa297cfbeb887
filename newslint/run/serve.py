"""``newslint serve``: an HTTP API (``POST /v1/check``, ``GET /v1/rules``, ``/healthz``, OpenAPI at
``/openapi.json``) and a web page at ``/``, on FastAPI and uvicorn (the ``serve`` extra)."""

from __future__ import annotations

import argparse
import asyncio
import hmac
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newslint import __version__
from newslint.run.checking import Checker, RequestError, describe, format_of, server_config, warm
from newslint.run.session import UsageError

TOKEN_ENV = "NEWSLINT_SERVE_TOKEN"
ASSETS = {"app.js": "text/javascript", "app.css": "text/css"}


@dataclass
class Limits:
    body: int = 2 << 20  # bytes in a request body
    seconds: float = 10.0  # to read a body, and to lint and fix it
    concurrent: int = 64  # checks admitted at once (running or waiting for a worker); more get 429
    workers: int = 2  # threads that lint
    admitted: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    pool: ThreadPoolExecutor = field(init=False)

    def __post_init__(self) -> None:
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="newslint-check")

    def admit(self) -> bool:
        """Count one more check in, unless the server is full."""
        with self._lock:
            if self.admitted >= self.concurrent:
                return False
            self.admitted += 1
            return True

    def leave(self, _: object = None) -> None:
        with self._lock:
            self.admitted -= 1


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article as stored")
    format: Literal["md", "html", "txt"] | None = Field(None, description="default: from filename, else txt")
    filename: str | None = Field(None, max_length=255, description="only its extension is read (for the format)")
    select: list[str] | None = Field(None, description="rule ids or prefixes to run instead of the configured set")
    ignore: list[str] = Field(default_factory=list, description="rule ids or prefixes not to run")
    unsafe_fixes: bool = Field(False, description="apply unsafe fixes too in fixed_text")

    @field_validator("text")
    @classmethod
    def _unicode(cls, text: str) -> str:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("not valid Unicode (a lone surrogate)") from None
        return text


class Span(BaseModel):
    start: int
    end: int
    fix_start: int
    fix_end: int


class CheckResponse(BaseModel):
    software: dict[str, Any]
    findings: list[dict[str, Any]] = Field(description="as `newslint check --format json` prints them")
    spans: list[Span] = Field(description="each finding's offsets in `text`, in code points, end exclusive")
    fixed_text: str
    fixes_applied: int


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


class BodyLimit:
    """A body over ``limit`` bytes, or not sent within ``seconds``, gets a 413 or 408 before the app reads it."""

    def __init__(self, app: ASGIApp, limits: Limits):
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limits.body:
            return await self._reject(scope, receive, send, 413, f"body over {self.limits.body} bytes")
        try:
            body = await self._read(receive)
        except _Abort as exc:
            return await self._reject(scope, receive, send, exc.status, exc.message)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # the disconnect, when it comes
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, receive: Receive) -> bytes:
        """The whole body, within the size and time limits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.seconds
        parts: list[bytes] = []
        size = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise _Abort(408, f"body not received within {self.limits.seconds:g} s") from None
            if message["type"] == "http.disconnect":
                raise _Abort(400, "client disconnected")
            parts.append(message.get("body", b""))
            size += len(parts[-1])
            if size > self.limits.body:
                raise _Abort(413, f"body over {self.limits.body} bytes")
            if not message.get("more_body", False):
                return b"".join(parts)

    async def _reject(self, scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
        await _error(status, message)(scope, receive, send)


class _Abort(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def create_app(
    checker: Checker, limits: Limits | None = None, token: str | None = None, cors: Sequence[str] = ()
) -> Any:
    """The ASGI application."""
    limits = limits or Limits()
    app = FastAPI(title="newslint", version=__version__, description="Lint news articles over HTTP.")
    _routes(app, checker, limits)
    _errors(app)

    @app.middleware("http")
    async def bearer(request: Request, call_next: Any) -> Response:
        public = request.url.path in ("/healthz", "/", "/openapi.json", "/docs") or request.url.path.startswith(
            "/assets/"
        )
        if token and not public and request.method != "OPTIONS":
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return _error(401, "missing or wrong bearer token")
        return await call_next(request)

    if cors:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors), allow_methods=["GET", "POST"], allow_headers=["*"])
    return BodyLimit(app, limits)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [_problem(e) for e in exc.errors()[:5]]
        return _error(422, "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))


def _problem(e: Any) -> str:
    """One validation error as ``field: what is wrong``."""
    if e.get("type") == "json_invalid":
        return "body: not valid JSON"
    where = ".".join(str(p) for p in e["loc"][1:] if not isinstance(p, int) or len(e["loc"]) > 2)
    return f"{where or 'body'}: {e['msg']}"


def _routes(app: FastAPI, checker: Checker, limits: Limits) -> None:
    by_id = {r.id: r for r in checker.rules}

    @app.post("/v1/check", response_model=CheckResponse)
    async def check(req: CheckRequest) -> Any:
        try:
            fmt = format_of(req.format, req.filename)
            checker.linter(req.select, req.ignore)
        except RequestError as exc:
            return _error(422, str(exc))
        if not limits.admit():
            return _error(429, f"more than {limits.concurrent} checks at once; try again")
        work = limits.pool.submit(_run, checker, req, fmt)
        work.add_done_callback(limits.leave)  # the slot is freed when the work ends, not at the time limit
        try:
            done = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(work)), limits.seconds)
        except RequestError as exc:
            return _error(422, str(exc))
        except TimeoutError:
            work.cancel()  # when still waiting for a worker
            return _error(408, f"check took longer than {limits.seconds:g} s")
        return {"software": {"name": "newslint", "version": __version__}, **done}

    @app.get("/v1/rules")
    async def rules() -> list[dict[str, Any]]:
        return [describe(r) for r in checker.rules]

    @app.get("/v1/rules/{rule_id}")
    async def rule(rule_id: str) -> dict[str, Any]:
        if rule_id not in by_id:
            raise HTTPException(404, f"no rule {rule_id!r}")
        return describe(by_id[rule_id])

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(_asset("index.html"))

    @app.get("/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in ASSETS:
            raise HTTPException(404, "no such asset")
        return Response(_asset(name), media_type=ASSETS[name])


def _run(checker: Checker, req: CheckRequest, fmt: str) -> dict[str, Any]:
    """Lint and fix, in a worker thread."""
    done = checker.check(req.text, fmt, req.select, req.ignore, req.unsafe_fixes)
    return {
        "findings": done.findings,
        "spans": done.spans,
        "fixed_text": done.fixed,
        "fixes_applied": done.applied,
    }


def _asset(name: str) -> str:
    return resources.files("newslint.run").joinpath("web", name).read_text(encoding="utf-8")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslint serve", description="Serve the newslint API and web page.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    p.add_argument("--config", type=Path, help="configuration file (default: the one found from this folder)")
    p.add_argument("--token", help=f"require 'Authorization: Bearer TOKEN' (default: ${TOKEN_ENV} when set)")
    p.add_argument("--cors-origin", action="append", default=[], help="allow this browser origin (repeatable)")
    p.add_argument("--max-body", type=int, default=2 << 20, help="largest request body in bytes (default: 2 MiB)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to receive and check a request (default 10)")
    p.add_argument(
        "--max-concurrent", type=int, default=64, help="checks admitted at once, running or queued; more get 429"
    )
    p.add_argument("--workers", type=int, default=2, help="threads that lint (default 2)")
    return p


def serve_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    import uvicorn

    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: not a file")
    checker = Checker(server_config(args.config, Path.cwd()))
    warm(checker)
    limits = Limits(args.max_body, args.timeout, args.max_concurrent, args.workers)
    token = args.token or os.environ.get(TOKEN_ENV) or None
    app = create_app(checker, limits, token, args.cors_origin)
    uvicorn.run(app, host=args.host, port=args.port, timeout_keep_alive=5, log_level="warning")
    return 0
