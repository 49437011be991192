"""Request ids, access logs and Prometheus metrics around every request."""

from __future__ import annotations

import functools
import os
import re
import time
from typing import Any

import structlog
from sanic import Request, Sanic
from sanic.constants import HTTP_METHODS
from sanic.response import HTTPResponse

from app.cors import add_response_headers as add_cors_headers
from app.metrics import HTTP_REQUEST_DURATION, HTTP_REQUESTS

log = structlog.get_logger("app.access")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")

# ``labels()`` takes a lock and checks its arguments on every call (~4 µs a request); the
# children are fixed per label values, so each is looked up once. The values are few: route
# patterns, statuses, and methods (any other token a client sends is counted as OTHER).
@functools.cache
def _request_counter(route: str, method: str, status: int) -> Any:
    return HTTP_REQUESTS.labels(route, _method_label(method), str(status))


@functools.cache
def _latency_histogram(route: str, method: str) -> Any:
    return HTTP_REQUEST_DURATION.labels(route, _method_label(method))


def _method_label(method: str) -> str:
    return method if method in HTTP_METHODS else "OTHER"


def request_id_of(request: Request) -> str:
    """The request id: the caller's X-Request-ID if it is sane, else a fresh one."""
    rid = getattr(request.ctx, "request_id", None)
    if rid is None:
        supplied = request.headers.get("x-request-id", "")
        # 32 random hex digits, as uuid4().hex gave, without building a UUID object.
        rid = supplied if _SAFE_REQUEST_ID.match(supplied) else os.urandom(16).hex()
        request.ctx.request_id = rid
    return rid


def install_middleware(app: Sanic[Any, Any], *, access_log: bool) -> None:
    """Attach the response middleware: request-id and CORS headers, metrics and access log.

    There is no request middleware: log lines get the request id from ``app.logging`` (Sanic
    knows the current request), and Sanic's HTTP/1 stream notes when the handler started."""

    @app.on_response(priority=100)
    async def finish(request: Request, response: HTTPResponse) -> None:
        response.headers["x-request-id"] = request_id_of(request)
        add_cors_headers(request, response)
        started = getattr(request.stream, "perft0", None)  # None under ASGI
        elapsed = time.perf_counter() - started if started else 0.0
        route = request.route.path if request.route else "unmatched"
        _request_counter(route, request.method, response.status).inc()
        _latency_histogram(route, request.method).observe(elapsed)
        if access_log:
            log.info("request", method=request.method, path=request.path, status=response.status,
                     duration_ms=round(elapsed * 1000, 2))
