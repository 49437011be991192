"""Pieces shared by the local emulators of external services: clock, fault injection, serving.

The emulators (``emulators.wechat``, ``emulators.bjpass``) are real HTTP servers on loopback. Each
has a controllable clock (to expire codes and tokens without waiting), a fault plan (the next N
calls to a path answer an error, wait, or drop the connection), and a reset. Control endpoints
live under ``/_emulator/`` and are documented in docs/identity.md.
"""

from __future__ import annotations

import asyncio
import html
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, Field, ValidationError
from sanic import Request, Sanic
from sanic.response import HTTPResponse, json
from sanic.response import html as html_response
from sanic.server import AsyncioServer

# Pages a developer opens on a phone or in a phone-sized window: one column, large targets.
PAGE_STYLE = (
    "body{font:16px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "margin:0 auto;max-width:30rem;padding:1rem;color:#222}"
    "h1{font-size:1.25rem}h2{font-size:1rem;margin-top:1.5rem}"
    "ul{list-style:none;padding:0}li{margin:.5rem 0}form{margin:0}"
    "a.choice,button,input,select{display:block;box-sizing:border-box;width:100%;font:inherit;"
    "padding:.7rem;margin:.35rem 0;border-radius:.5rem;border:1px solid #ccc;text-align:left}"
    "a.choice{color:inherit;text-decoration:none}"
    "button{background:#07c160;color:#fff;border:0;text-align:center}"
    "button.deny,a.deny{background:#f2f2f2;color:#c00;text-align:center}"
    "label{display:block;margin-top:.5rem;font-size:.9rem;color:#555}"
)


def emulator_page(title: str, body: str, status: int = 200) -> HTTPResponse:
    """An emulator's HTML page that works at phone width (viewport, one column)."""
    return html_response(
        "<!doctype html><html lang=zh-CN><meta charset=utf-8>"
        "<meta name=viewport content=\"width=device-width, initial-scale=1\">"
        f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style>"
        f"<h1>{html.escape(title)}</h1>{body}", status=status)


class EmulatorClock:
    """Wall-clock time plus an offset that tests and developers can move forward."""

    def __init__(self) -> None:
        self.offset_seconds = 0.0

    def now(self) -> float:
        return time.time() + self.offset_seconds

    def advance(self, seconds: float) -> None:
        self.offset_seconds += seconds


class FaultRule(BaseModel):
    """What the next ``times`` calls to ``path`` do instead of (or before) their normal answer,
    once ``after`` calls have passed untouched (to fail a call in the middle of a sequence)."""

    path: str = Field(pattern=r"^/")
    after: int = Field(0, ge=0, le=10_000)
    times: int = Field(1, ge=1, le=10_000)
    status: int = Field(200, ge=200, le=599)
    body: dict[str, Any] | None = None
    latency_ms: int = Field(0, ge=0, le=60_000)
    drop_connection: bool = False


@dataclass
class FaultPlan:
    """Pending faults by path, consumed one call at a time; and how often each path was called."""

    rules: list[FaultRule] = field(default_factory=list)
    calls: Counter[str] = field(default_factory=Counter)

    def take(self, path: str) -> FaultRule | None:
        """The first pending rule for ``path``, with one use consumed."""
        for rule in self.rules:
            if rule.path == path:
                if rule.after:
                    rule.after -= 1
                    return None
                rule.times -= 1
                if rule.times == 0:
                    self.rules.remove(rule)
                return rule
        return None


class ClockAdvance(BaseModel):
    advance_seconds: float = Field(gt=0, le=366 * 24 * 3600)


class ControlError(Exception):
    """A bad call to a control endpoint (not part of the emulated protocol); answered as JSON."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_control(model: type[ModelT], request: Request) -> ModelT:
    """Validate a control endpoint's JSON body."""
    try:
        return model.model_validate_json(request.body or b"{}")
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise ControlError(400, f"{'.'.join(map(str, error['loc']))}: {error['msg']}") from exc


def install_controls(app: Sanic, *, clock: EmulatorClock, faults: FaultPlan,
                     reset: Callable[[], None]) -> None:
    """Add the fault middleware and the shared ``/_emulator/{faults,calls,clock,reset}`` endpoints.

    ``app.ctx.reset_emulator()`` does what ``POST /_emulator/reset`` does (for in-process tests).
    """

    def reset_everything() -> None:
        faults.rules.clear()
        faults.calls.clear()
        clock.offset_seconds = 0.0
        reset()

    app.ctx.reset_emulator = reset_everything

    @app.exception(ControlError)
    async def control_error(request: Request, exc: ControlError) -> HTTPResponse:
        return json({"error": str(exc)}, status=exc.status, ensure_ascii=False)

    @app.on_request
    async def inject_fault(request: Request) -> HTTPResponse | None:
        if request.path.startswith("/_emulator/"):
            return None
        faults.calls[request.path] += 1
        rule = faults.take(request.path)
        if rule is None:
            return None
        if rule.latency_ms:
            await asyncio.sleep(rule.latency_ms / 1000)
        if rule.drop_connection:
            # Abort (RST, no response) so the client sees what a network failure looks like.
            request.transport.abort()
            return HTTPResponse(status=204)
        if rule.body is None and rule.status == 200:
            return None  # latency only: carry on with the normal answer
        return json(rule.body or {}, status=rule.status, ensure_ascii=False)

    @app.post("/_emulator/faults")
    async def add_fault(request: Request) -> HTTPResponse:
        faults.rules.append(parse_control(FaultRule, request))
        return json({"pending": [r.model_dump() for r in faults.rules]})

    @app.get("/_emulator/faults")
    async def list_faults(request: Request) -> HTTPResponse:
        return json({"pending": [r.model_dump() for r in faults.rules]})

    @app.get("/_emulator/calls")
    async def list_calls(request: Request) -> HTTPResponse:
        return json({"calls": dict(faults.calls)})

    @app.post("/_emulator/clock")
    async def advance_clock(request: Request) -> HTTPResponse:
        advance = parse_control(ClockAdvance, request)
        clock.advance(advance.advance_seconds)
        return json({"offset_seconds": clock.offset_seconds, "now": clock.now()})

    @app.post("/_emulator/reset")
    async def reset_all(request: Request) -> HTTPResponse:
        reset_everything()
        return json({"status": "reset"})


def new_emulator_app(name: str) -> Sanic:
    """A bare Sanic app for an emulator: no access log, JSON errors, no OpenAPI pages."""
    app = Sanic(name, configure_logging=False)
    app.config.update(ACCESS_LOG=False, FALLBACK_ERROR_FORMAT="json", OAS=False, HEALTH=False,
                      CORS=False, MOTD=False,
                      # TouchUp rewrites shared protocol code once per process; a second app
                      # in the same process (the service and both emulators in tests) must skip it.
                      TOUCHUP=False)
    return app


@dataclass
class RunningServer:
    """A Sanic app serving on the current event loop."""

    app: Sanic
    server: AsyncioServer
    base_url: str

    async def stop(self) -> None:
        await self.server.before_stop()
        await self.server.close()
        await self.server.after_stop()


async def serve_on_loop(app: Sanic, *, host: str, port: int) -> RunningServer:
    """Start ``app`` on the running loop (no worker processes) and return a handle to stop it."""
    server = await app.create_server(host=host, port=port, return_asyncio_server=True,
                                     access_log=False)
    if server is None:
        raise RuntimeError(f"could not start {app.name} on {host}:{port}")
    await server.startup()
    await server.before_start()
    await server.after_start()
    return RunningServer(app, server, f"http://{host}:{port}")
