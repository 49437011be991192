"""CORS for the front ends' origins (app.origins): response headers and preflight answers.

sanic-ext's CORS is not used: it needs an OPTIONS twin of every route (``HTTP_AUTO_OPTIONS``,
which app.factory turns off for its quadratic start-up) and it never refuses a preflight, it only
leaves headers out. Here a preflight reaches no route (none accepts OPTIONS), so the router's
``MethodNotAllowed`` carries the path's methods and app.errors answers it with ``preflight``.
Nothing reads cookies on a cross-origin call (pages send ``Authorization: Bearer``; the login
cookie travels only on top-level navigations), so credentials are never allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sanic import Request
from sanic.response import HTTPResponse

from app.origins import OriginPolicy

# What a front end sends: the token, JSON bodies, booking retries, ETag revalidation, its own ids,
# and the device id that booking, draw entries and reschedules count for their rate limit.
ALLOWED_REQUEST_HEADERS = frozenset({"authorization", "content-type", "idempotency-key",
                                     "if-none-match", "x-request-id", "x-device-id"})
ALLOWED_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
# What a page may read besides the safelisted headers: request ids for support, when to retry
# after an outage, cache validators, and a document's file name.
EXPOSED_HEADERS = "X-Request-ID, Retry-After, ETag, Content-Disposition"
PREFLIGHT_MAX_AGE_SECONDS = 600


@dataclass(frozen=True)
class Preflight:
    """The answer to a preflight: its headers, or why it is refused."""

    refused: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def is_preflight(request: Request) -> bool:
    """An OPTIONS request a browser sends before a cross-origin call."""
    return (request.method == "OPTIONS" and "origin" in request.headers
            and "access-control-request-method" in request.headers)


def preflight(request: Request, path_methods: Iterable[str]) -> Preflight:
    """Allow the announced method and headers on this path for an allowed origin, or refuse."""
    policy: OriginPolicy = request.app.ctx.origins
    if not policy.may_call_api(request.headers["origin"]):
        return Preflight("origin_not_allowed")
    methods = ALLOWED_METHODS.intersection(path_methods)
    if request.headers["access-control-request-method"] not in methods:
        return Preflight("method_not_allowed")
    announced = {name.strip().lower()
                 for name in request.headers.get("access-control-request-headers", "").split(",")}
    announced.discard("")
    if not announced <= ALLOWED_REQUEST_HEADERS:
        return Preflight("header_not_allowed")
    return Preflight(headers={
        "access-control-allow-origin": request.headers["origin"],
        "access-control-allow-methods": ", ".join(sorted(methods)),
        "access-control-allow-headers": ", ".join(sorted(ALLOWED_REQUEST_HEADERS)),
        "access-control-max-age": str(PREFLIGHT_MAX_AGE_SECONDS),
        "vary": "Origin",
    })


def add_response_headers(request: Request, response: HTTPResponse) -> None:
    """Let an allowed origin read this answer, errors and outages included (not preflights)."""
    if request.method == "OPTIONS":
        return  # a preflight's answer carries its own headers, a refusal none
    vary = response.headers.get("vary")
    # The answer depends on Origin even when it has no CORS headers: caches must keep them apart.
    response.headers["vary"] = f"{vary}, Origin" if vary else "Origin"
    origin = request.headers.get("origin")
    if origin and request.app.ctx.origins.may_call_api(origin):
        response.headers["access-control-allow-origin"] = origin
        response.headers["access-control-expose-headers"] = EXPOSED_HEADERS
