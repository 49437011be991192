"""Which failures mean the database or Redis is down or hung, so a request answers 503, not 500.

Only failures to reach a server, or to hear from it in time, count (docs/outages.md). A query or
command the server refused (a constraint, bad SQL, a wrong Redis type) is a bug and stays a 500.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from types import TracebackType
from typing import Literal

import asyncpg
import redis.exceptions
from tortoise.exceptions import DBConnectionError, OperationalError, TransactionManagementError

Dependency = Literal["database", "redis", "unknown"]

# Seconds a client is asked to wait (Retry-After) before trying again.
RETRY_AFTER_SECONDS = 5

_REDIS_DOWN = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
_DATABASE_DOWN = (
    asyncpg.PostgresConnectionError,  # class 08 and a connection lost mid-statement
    asyncpg.OperatorInterventionError,  # class 57: shutting down, starting up, statement_timeout
    asyncpg.InsufficientResourcesError,  # class 53: too many connections, disk full
    DBConnectionError,
)
# Neither the server nor the address: refused, reset, unresolvable, or no answer in time.
_UNREACHABLE = (ConnectionError, TimeoutError, socket.gaierror)
# SQLite result codes (low byte of the extended code) of a file that cannot be used right now.
_SQLITE_DOWN = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN,
                sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL}
# Errors that only say a connection is unusable; they mean an outage when raised while
# handling one (asyncpg refusing the ROLLBACK on a connection closed after a timeout).
_SECONDARY = (asyncpg.InterfaceError, TransactionManagementError, OperationalError)


def unavailable_dependency(exc: BaseException) -> Dependency | None:
    """Which server ``exc`` says is unavailable (for the log), or None when it is no outage."""
    if isinstance(exc, _REDIS_DOWN):
        return "redis"
    if isinstance(exc, _DATABASE_DOWN):
        return "database"
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", 0)  # set on errors from SQLite itself
        return "database" if code & 0xFF in _SQLITE_DOWN else None
    if isinstance(exc, _UNREACHABLE):
        return _dependency_in(exc.__traceback__)
    if isinstance(exc, _SECONDARY):
        cause = exc.__cause__ or exc.__context__
        return unavailable_dependency(cause) if cause is not None else None
    return None


def cancelled_mid_query(exc: BaseException) -> bool:
    """Whether ``exc`` only says that the request's task was cancelled inside a transaction (its
    client went away, the server is stopping): asyncpg closes a connection whose query was
    interrupted, and the ROLLBACK then finds it closed. No outage and no bug."""
    return isinstance(exc, _SECONDARY) and isinstance(exc.__cause__ or exc.__context__, asyncio.CancelledError)


def _dependency_in(traceback: TracebackType | None) -> Dependency:
    """The client library the error was raised in (the innermost frame that names one)."""
    found: Dependency = "unknown"
    while traceback is not None:
        module = traceback.tb_frame.f_globals.get("__name__", "")
        if module.startswith("redis"):
            found = "redis"
        elif module.startswith(("asyncpg", "tortoise", "aiosqlite", "app.fastpath")):
            found = "database"
        traceback = traceback.tb_next
    return found
