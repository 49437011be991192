"""Routes mounted only on the test server, to drive guards and the catch-all handler."""

import asyncio
import sqlite3
import tempfile
from pathlib import Path

import asyncpg
import redis.exceptions
import structlog
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json
from tortoise.exceptions import IntegrityError, OperationalError

from app.auth import resident_required

bp = Blueprint("test_support", url_prefix="/_test")


@bp.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("db password=hunter2 at /srv/secret.py")


@bp.get("/realname-only")
@resident_required(realname=True)
async def realname_only(request: Request) -> HTTPResponse:
    return json({"ok": True})


def _sqlite_locked() -> sqlite3.OperationalError:
    """A real "database is locked" from SQLite: a second writer that will not wait."""
    path = Path(tempfile.mkdtemp()) / "locked.sqlite3"
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        sqlite3.connect(path, timeout=0).execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        holder.close()
    raise AssertionError("SQLite did not refuse the second writer")


def _raised_while_handling(outage: BaseException, error: BaseException) -> BaseException:
    """``error`` as raised while handling ``outage`` (its ``__context__``)."""
    try:
        try:
            raise outage
        except BaseException:
            raise error  # noqa: B904 - chained on purpose: the outage must be the context
    except BaseException as exc:
        return exc


_FAILURES = {
    "pg-connection-lost": lambda: asyncpg.ConnectionDoesNotExistError(
        "connection was closed in the middle of operation"),
    "pg-shutting-down": lambda: asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    "refused": lambda: ConnectionRefusedError(111, "Connect call failed"),
    "timeout": TimeoutError,
    "redis-connection": lambda: redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:1"),
    "redis-timeout": lambda: redis.exceptions.TimeoutError("Timeout reading from socket"),
    "sqlite-locked": lambda: _raised_while_handling(_sqlite_locked(), OperationalError("database is locked")),
    "closed-after-timeout": lambda: _raised_while_handling(
        TimeoutError(), asyncpg.InterfaceError("cannot perform operation: connection is closed")),
    # The request's task cancelled mid-query (its client went away): the ROLLBACK finds the
    # connection asyncpg closed.
    "closed-after-cancel": lambda: _raised_while_handling(
        asyncio.CancelledError(), asyncpg.InterfaceError("cannot perform operation: connection is closed")),
    # Bugs, not outages:
    "integrity": lambda: IntegrityError("duplicate key value violates unique constraint"),
    "bad-sql": lambda: OperationalError("syntax error at or near \"SELEC\""),
    "redis-wrong-type": lambda: redis.exceptions.ResponseError("WRONGTYPE Operation against a key"),
    "interface-misuse": lambda: asyncpg.InterfaceError("the server expects 2 arguments, 1 was passed"),
    "missing-file": lambda: FileNotFoundError(2, "No such file or directory"),
}


@bp.get("/fail/<kind:str>")
async def fail(request: Request, kind: str) -> HTTPResponse:
    raise _FAILURES[kind]()
@bp.get("/log-line")
@resident_required
async def log_line(request: Request) -> HTTPResponse:
    structlog.get_logger("tests.support").warning("support_line")
    return json({"ok": True})
