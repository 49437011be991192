"""Liveness, readiness, metrics and published public keys."""

from __future__ import annotations

import asyncio

from prometheus_client import CONTENT_TYPE_LATEST
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from tortoise import connections

from app.api import JsonWebKeySet, endpoint, jwks_response, respond
from app.auth import public
from app.errors import error_response
from app.metrics import exposition
from app.outages import RETRY_AFTER_SECONDS
from app.shapes import Schema
from services import telemetry

bp = Blueprint("health")
# Each probe gives up after this long. An outer timeout returns only once the cancelled call has
# unwound, which against a hung PostgreSQL used to wait for it (asyncpg's cancel request); now a
# cancelled statement's connection is closed at once (app/fastpath/pool.py), and the clients' own bounds
# (connect, acquire, statement; Redis's socket timeouts) fire by themselves (docs/outages.md).
PROBE_TIMEOUT_SECONDS = 2.0


class Health(Schema):
    status: str


class Readiness(Schema):
    status: str
    database: str
    redis: str


async def _probe(check) -> str:
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_SECONDS):
            await check()
        return "ok"
    except Exception as exc:  # any failure means not ready; the kind is reported
        return f"down: {type(exc).__name__}"


@bp.get("/healthz")
@endpoint(summary="进程存活检查", tag="运维", response=Health)
@public
async def healthz(request: Request) -> HTTPResponse:
    return respond(Health(status="ok"))


@bp.get("/readyz")
@endpoint(summary="就绪检查：数据库与 Redis 可用", tag="运维", response=Readiness,
          errors=[(503, "NOT_READY")])
@public
async def readyz(request: Request) -> HTTPResponse:
    # Side by side: the answer takes as long as the slower probe, not both.
    database, redis_state = await asyncio.gather(
        _probe(lambda: connections.get("default").execute_query("SELECT 1")),
        _probe(request.app.ctx.runtime.redis.ping))
    if database != "ok" or redis_state != "ok":
        return error_response(request, 503, "NOT_READY", "服务未就绪",
                              {"database": database, "redis": redis_state},
                              headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return respond(Readiness(status="ready", database=database, redis=redis_state))


@bp.get("/metrics")
@public
async def metrics(request: Request) -> HTTPResponse:
    body = await exposition(telemetry.scrape_gauges(rt=request.app.ctx.runtime))
    return HTTPResponse(body, content_type=CONTENT_TYPE_LATEST)


@bp.get("/.well-known/jwks.json")
@endpoint(summary="访问令牌公钥 (JWKS)", tag="身份认证", response=JsonWebKeySet)
@public
async def jwks(request: Request) -> HTTPResponse:
    return jwks_response(request.app.ctx.runtime.keyrings["access"])
