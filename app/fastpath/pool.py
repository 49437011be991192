"""The PostgreSQL engine Tortoise uses: asyncpg's client with a first-come, first-served pool.

Fenced (``app.fastpath``): it reads asyncpg's pool internals. ``app.db.tortoise_config`` names it
as the ``engine`` of PostgreSQL connections when the start-up self-check passed, Tortoise's own
``tortoise.backends.asyncpg`` otherwise; Tortoise loads ``client_class`` from this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from typing import Any

import asyncpg
import structlog
from tortoise.backends.asyncpg import AsyncpgDBClient

from app import fastpath
from app.metrics import DB_POOL_WAIT, DB_POOL_WAITING, FAST_PATH_RELEASE_FALLBACKS

log = structlog.get_logger("app.fastpath.pool")


def _release_fell_back(stage: str, exc: BaseException) -> None:
    FAST_PATH_RELEASE_FALLBACKS.labels(stage).inc()
    log.warning("fast_release_failed", stage=stage, error=repr(exc))

# asyncpg.Pool takes every option as a required keyword; create_pool holds their defaults.
_POOL_DEFAULTS = {name: parameter.default
                  for name, parameter in inspect.signature(asyncpg.create_pool).parameters.items()
                  if parameter.kind is parameter.KEYWORD_ONLY}


class PooledConnection(asyncpg.Connection):
    """Goes back to the pool without asyncpg's reset query (one more round trip per request):
    we never set session state (no LISTEN, session settings or session advisory locks), and an
    open transaction is rolled back on release regardless."""

    def get_reset_query(self) -> str:
        return ""

    def _cancel_current_command(self, waiter: Any, cancel_waiter: Any = None) -> None:
        """Close the connection instead of cancelling its statement (asyncpg calls this when a
        statement outlives ``command_timeout`` or its caller is cancelled).

        asyncpg would send a cancel request over a new connection and make the next use of this
        one (the ROLLBACK, the release) wait for it: against a hung server, another
        ``command_timeout``. On a live server the statement still ends: when it next writes to
        the closed connection, or at the session's ``statement_timeout`` (app.db). Scheduled, not
        called: the protocol still completes the statement's waiter with the timeout after this
        returns. (asyncpg internals; the version is pinned.)"""
        self._loop.call_soon(self.terminate)


class FairPool(asyncpg.Pool):
    """A pool that serves waiting requests in arrival order.

    asyncpg hands a released connection to whichever task asks next: a woken waiter that loses
    it to a newcomer goes back to the end of the line (``asyncio.Queue.get``), so under load a
    few requests wait many turns (16 clients on 2 connections: one saw 39 others served first). The
    semaphore admits at most ``max_size`` tasks to the pool, so none ever waits inside it, and
    asyncio's semaphore is FIFO: a newcomer queues behind every waiter.
    """

    def __init__(self, *connect_args: Any, acquire_timeout: float | None = None,
                 **options: Any) -> None:
        options = {**_POOL_DEFAULTS, **options}
        super().__init__(*connect_args, **options)
        self._turns = asyncio.Semaphore(options["max_size"])
        # Tortoise acquires without a timeout: this one applies then (docs/outages.md).
        self._acquire_timeout = acquire_timeout

    async def _acquire(self, timeout: float | None) -> Any:
        if timeout is None:
            timeout = self._acquire_timeout
        # One deadline for the whole wait: for a turn, then for the connection (opening it
        # included). None to asyncpg, which would bound it again with a task (wait_for).
        async with asyncio.timeout(timeout):
            await self._turns.acquire()
            try:
                return await super()._acquire(None)
            except BaseException:
                self._turns.release()
                raise

    async def release(self, connection: Any, *, timeout: float | None = None) -> None:
        try:
            try:
                in_place = self._releases_without_waiting(connection)
                if in_place:
                    holder = connection._holder
                    holder_timeout = holder._timeout if timeout is None else timeout
            except Exception as exc:  # an asyncpg internal changed: its own release still works
                _release_fell_back("check", exc)
                in_place = False
            if in_place:
                try:
                    # asyncpg shields every release in a task of its own, so that cancelling the
                    # caller cannot interrupt it halfway. An idle connection's release never waits
                    # (nothing to roll back, no reset query, nothing to close), so it cannot be
                    # interrupted: run it in place. The task cost ~20 µs of CPU per query.
                    connection._con._on_release()
                    await holder.release(holder_timeout)
                    fastpath.TAKEN["release_in_place"] += 1
                    return
                except Exception as exc:
                    _release_fell_back("in_place", exc)
            await self._release_publicly(connection, timeout)
        finally:
            self._turns.release()

    async def _release_publicly(self, connection: Any, timeout: float | None) -> None:
        """asyncpg's own release; should even that fail, the connection is closed, not kept."""
        try:
            await super().release(connection, timeout=timeout)
        except Exception as exc:
            if isinstance(exc, asyncpg.InternalClientError) and connection._holder._in_use is None:
                # The statement's caller was cancelled, and the terminate ``_cancel_current_command``
                # scheduled ran between asyncpg's release and its shielded task: it gave the holder
                # back already ("release() called on a free connection holder").
                return
            _release_fell_back("public", exc)
            with contextlib.suppress(Exception):  # already detached: asyncpg closed it
                connection.terminate()
            raise

    def _releases_without_waiting(self, connection: Any) -> bool:
        """True when asyncpg's ``PoolConnectionHolder.release`` would finish without awaiting
        anything: an idle, open connection of this pool and generation, below its query limit,
        no cancellation in progress and no reset hook. (asyncpg internals; the version is pinned.)"""
        if type(connection) is not asyncpg.pool.PoolConnectionProxy:
            return False
        holder, con = connection._holder, connection._con
        return (holder._pool is self and con is not None and self._reset is None
                and not con.is_closed() and not con.is_in_transaction() and con._top_xact is None
                and not con._protocol._is_cancelling()
                and con._protocol.queries_count < holder._max_queries
                and holder._generation == self._generation)


class MeteredFairPool(FairPool):
    """A ``FairPool`` that reports how long, and how many, queries wait for a connection."""

    async def _acquire(self, timeout: float | None) -> Any:
        started = time.perf_counter()
        DB_POOL_WAITING.inc()
        try:
            return await super()._acquire(timeout)
        finally:
            DB_POOL_WAITING.dec()
            DB_POOL_WAIT.observe(time.perf_counter() - started)


class FairAsyncpgClient(AsyncpgDBClient):
    """Tortoise's asyncpg client on a ``FairPool`` of ``PooledConnection``."""

    connection_class = PooledConnection

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        return await MeteredFairPool(None, **kwargs)


client_class = FairAsyncpgClient
