"""The application factory."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

from sanic import Sanic
from sanic_ext.extensions.http.extension import HTTPExtension

from app import fastpath
from app.context import Runtime
from app.db import register_database
from app.errors import install_error_handlers
from app.headers import install_security_headers
from app.logging import configure_logging
from app.metrics import worker_exiting
from app.middleware import install_middleware
from app.openapi import docs_blueprint, install_path_types
from app.origins import OriginPolicy
from app.periodic import install_periodic
from app.redis import connect_redis
from config import Settings, load_settings
from push.worker import install_push
from routes import BLUEPRINTS
from services.appointments import gate
from services.calendar import notices

API_TITLE = "海淀通 API"
API_DESCRIPTION = """海淀通后端接口。错误统一为 `{"error": {"code", "message", "details", "request_id"}}`，
错误码见 docs/errors.md；时间为 ISO 8601（+08:00）；需要登录的接口使用 `Authorization: Bearer <access_token>`。"""


def create_app(settings: Settings | None = None, *, name: str = "haidiantong") -> Sanic[Any, Any]:
    """Build the Sanic app: config, shared clients, database, middleware, errors, routes."""
    settings = settings or load_settings()
    configure_logging(level=settings.log_level, as_json=settings.log_json)
    app = Sanic(name, configure_logging=False)
    app.config.update(
        REQUEST_MAX_SIZE=settings.max_request_bytes,
        PROXIES_COUNT=settings.proxies_count,
        FALLBACK_ERROR_FORMAT="json",
        ACCESS_LOG=False,
        CORS=False,
        HEALTH=False,
        # sanic-ext would add HEAD and OPTIONS twins of every route one by one at start-up, each
        # re-finalising the router (quadratic: tens of seconds on a loaded 2-core machine, past
        # the worker start-up timeout). Clients use GET; CORS preflights are answered by app.cors.
        HTTP_AUTO_HEAD=False,
        HTTP_AUTO_OPTIONS=False,
    )
    # Only the extensions we use. The built-in dependency injection would run a signal handler on
    # every request, for nothing: handlers get their inputs from app.api.endpoint.
    app.extend(built_in_extensions=False, extensions=[HTTPExtension])
    app.ctx.settings = settings
    app.ctx.origins = OriginPolicy.of(settings)

    # Once per process, before the ORM is configured: the fenced fast path or the plain one.
    fastpath.decide(hidden=settings.fast_path_hidden)
    register_database(app, settings.database_url)

    @app.before_server_start
    async def open_runtime(app: Sanic[Any, Any]) -> None:
        app.ctx.runtime = Runtime.open(settings, connect_redis(settings))
        app.ctx.runtime.start()

    @app.before_server_start
    async def rebuild_booking_gates(app: Sanic[Any, Any]) -> None:
        # A process that died holding a gate's seat left that count low; each gate is rebuilt
        # from the database on its next booking (services/appointments/gate.py).
        await gate.forget_all(rt=app.ctx.runtime)

    # Start-up work runs before the worker listens (before_server_start), not after: a request
    # that reaches a listening worker finds it ready, and waits for no start-up pause.
    @app.before_server_start
    async def start_calendar_report(app: Sanic[Any, Any]) -> None:
        app.ctx.calendar_report = asyncio.create_task(notices.watch_provisional())

    # Last: everything start-up loads is frozen. (The ignore: sanic types this decorator as if it
    # were always given the listener, not only its priority.)
    @app.before_server_start(priority=-1)  # type: ignore[arg-type,call-arg]
    async def freeze_startup_heap(app: Sanic[Any, Any]) -> None:
        # The routes, models, schemas and libraries loaded at start-up are about 380,000
        # long-lived objects; every full collection walked them all (80-140 ms, stalling every
        # request in flight: the p99 of GET /me). Frozen, they are never scanned again.
        gc.collect()
        gc.freeze()

    @app.before_server_stop
    async def stop_calendar_report(app: Sanic[Any, Any]) -> None:
        app.ctx.calendar_report.cancel()

    @app.before_server_stop
    async def end_board_streams(app: Sanic[Any, Any]) -> None:
        # A connected hall screen would hold the stop for Sanic's whole graceful timeout
        # (app/event_streams.py); ended now, it reconnects to a worker that is up.
        app.ctx.runtime.boards.end_listeners()

    @app.after_server_stop
    async def close_runtime(app: Sanic[Any, Any]) -> None:
        await app.ctx.runtime.close()
        worker_exiting()

    if settings.push_in_process:
        install_push(app)
    if settings.periodic_in_process:
        install_periodic(app)

    install_middleware(app, access_log=settings.access_log)
    install_security_headers(app)
    install_error_handlers(app)
    install_path_types(app)
    for blueprint in BLUEPRINTS:
        app.blueprint(blueprint)
    app.blueprint(docs_blueprint(title=API_TITLE, description=API_DESCRIPTION))
    return app
