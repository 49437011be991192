"""Routes mounted only on the test server, to drive guards and the catch-all handler."""

import structlog
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import resident_required

bp = Blueprint("test_support", url_prefix="/_test")


@bp.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("db password=hunter2 at /srv/secret.py")


@bp.get("/realname-only")
@resident_required(realname=True)
async def realname_only(request: Request) -> HTTPResponse:
    return json({"ok": True})


@bp.get("/log-line")
@resident_required
async def log_line(request: Request) -> HTTPResponse:
    structlog.get_logger("tests.support").warning("support_line")
    return json({"ok": True})
