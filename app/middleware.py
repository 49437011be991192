"""Request ids, access logs and Prometheus metrics around every request."""

from __future__ import annotations

import functools
import os
import re
import time
from typing import Any

import structlog
from prometheus_client import Counter, Histogram
from sanic import Request, Sanic
from sanic.constants import HTTP_METHODS
from sanic.response import HTTPResponse

log = structlog.get_logger("app.access")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")

REQUESTS = Counter("hdt_http_requests_total", "HTTP requests", ["route", "method", "status"])
LATENCY = Histogram("hdt_http_request_seconds", "HTTP request latency", ["route"],
                    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))


# ``labels()`` takes a lock and checks its arguments on every call (~4 µs a request); the
# children are fixed per label values, so each is looked up once. The values are few: route
# patterns, statuses, and methods (any other token a client sends is counted as OTHER).
@functools.cache
def _request_counter(route: str, method: str, status: int) -> Any:
    return REQUESTS.labels(route, method if method in HTTP_METHODS else "OTHER", str(status))


@functools.cache
def _latency_histogram(route: str) -> Any:
    return LATENCY.labels(route)


def request_id_of(request: Request) -> str:
    """The request id: the caller's X-Request-ID if it is sane, else a fresh one."""
    rid = getattr(request.ctx, "request_id", None)
    if rid is None:
        supplied = request.headers.get("x-request-id", "")
        # 32 random hex digits, as uuid4().hex gave, without building a UUID object.
        rid = supplied if _SAFE_REQUEST_ID.match(supplied) else os.urandom(16).hex()
        request.ctx.request_id = rid
    return rid


def install_middleware(app: Sanic, *, access_log: bool) -> None:
    """Attach the response middleware: request-id header, metrics and access log.

    There is no request middleware: log lines get the request id from ``app.logging`` (Sanic
    knows the current request), and Sanic's HTTP/1 stream notes when the handler started."""

    @app.on_response(priority=100)
    async def finish(request: Request, response: HTTPResponse) -> None:
        response.headers["x-request-id"] = request_id_of(request)
        started = getattr(request.stream, "perft0", None)  # None under ASGI
        elapsed = time.perf_counter() - started if started else 0.0
        route = request.route.path if request.route else "unmatched"
        _request_counter(route, request.method, response.status).inc()
        _latency_histogram(route).observe(elapsed)
        if access_log:
            log.info("request", method=request.method, path=request.path, status=response.status,
                     duration_ms=round(elapsed * 1000, 2))
