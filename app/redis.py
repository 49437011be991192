"""The Redis client: redis-py's asyncio API, or an in-process stand-in when none is configured."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any

import fakeredis
import redis.asyncio as redis
import structlog
from redis.asyncio import BlockingConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.metrics import REDIS_ERRORS
from app.tasks import raise_if_cancelled
from config import Settings

log = structlog.get_logger("app.redis")

# A burst of requests waits for a free pooled connection instead of failing with
# "Too many connections" (the default pool raises once its 100 connections are busy).
POOL_WAIT_SECONDS = 5
# A Redis that does not accept a connection, or answer a command, within these is treated as
# down (503, docs/outages.md); a healthy one answers in well under a millisecond.
CONNECT_TIMEOUT_SECONDS = 2
COMMAND_TIMEOUT_SECONDS = 2


def text(value: bytes | str) -> str:
    """A reply as text: our clients decode replies (``decode_responses``), redis-py types them as either."""
    return value.decode() if isinstance(value, bytes) else value


def connect_redis(settings: Settings) -> redis.Redis:
    """A client for REDIS_URL; without it, fakeredis so the service runs on a bare machine."""
    if settings.redis_url:
        pool = BlockingConnectionPool.from_url(
            settings.redis_url, max_connections=settings.redis_max_connections,
            timeout=POOL_WAIT_SECONDS, decode_responses=True, health_check_interval=30,
            socket_connect_timeout=CONNECT_TIMEOUT_SECONDS, socket_timeout=COMMAND_TIMEOUT_SECONDS)
        # The ignore: typeshed's Hashable check trips on redis-py's __hash__; a class is hashable.
        pool.connection_class = _bounded_by_asyncio_timeout(pool.connection_class)  # type: ignore[arg-type]
        return redis.Redis.from_pool(pool)
    # One fake server per process: state is shared by everything in this process only,
    # which is what the embedded default (one worker) needs.
    return fakeredis.FakeAsyncRedis(server=_EMBEDDED_SERVER, decode_responses=True,
                                    connection_pool_class=BlockingConnectionPool,
                                    max_connections=settings.redis_max_connections,
                                    timeout=POOL_WAIT_SECONDS)


_EMBEDDED_SERVER = fakeredis.FakeServer()


def channel_of(client: redis.Redis, name: str) -> str:
    """The pub/sub channel ``name`` of the client's database: channels are server-wide, so
    deployments (or test runs) on other databases of one Redis must not hear ours."""
    return f"{name}:{client.connection_pool.connection_kwargs.get('db', 0)}"


REDIS_FAILURES = (RedisError, OSError, asyncio.TimeoutError)


class ChannelListener:
    """Follows the pub/sub channel ``name`` in a background task, for state a worker mirrors in
    memory. It subscribes, then awaits ``on_subscribed()`` to load that state (loading after
    subscribing, no change can fall in between), then calls ``on_message(data)`` for each message.
    Whenever the subscription is lost it calls ``on_lost()`` (the mirror may be stale from then
    on) and subscribes again a second later."""

    def __init__(self, client: redis.Redis, name: str, *, on_subscribed: Callable[[], Awaitable[None]],
                 on_message: Callable[[str], None], on_lost: Callable[[], None]) -> None:
        self._client = client
        self._name = name
        self._on_subscribed, self._on_message, self._on_lost = on_subscribed, on_message, on_lost
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._follow())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _follow(self) -> None:
        while True:
            pubsub = self._client.pubsub()
            try:
                await pubsub.subscribe(channel_of(self._client, self._name))
                await self._on_subscribed()
                while True:
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                    if message is not None:
                        self._on_message(message["data"])
                    raise_if_cancelled()
            except REDIS_FAILURES as exc:
                log.warning("channel_listener_down", channel=self._name, error=type(exc).__name__)
            finally:
                self._on_lost()
                try:
                    await pubsub.aclose()
                except REDIS_FAILURES:
                    pass
            await asyncio.sleep(1.0)


def connect_queue_redis(settings: Settings) -> redis.Redis:
    """A bytes client for the job queue (saq stores serialised jobs), on the same server."""
    if settings.redis_url:
        return redis.Redis.from_url(settings.redis_url, health_check_interval=30,
                                    socket_connect_timeout=2)
    return fakeredis.FakeAsyncRedis(server=_EMBEDDED_SERVER)


def _count_failure(exc: BaseException) -> None:
    """Count a failure once, though it passes through connect() and then send_packed_command()."""
    if not getattr(exc, "_hdt_counted", False):
        REDIS_ERRORS.labels(type(exc).__name__).inc()
        exc._hdt_counted = True  # type: ignore[attr-defined]


@functools.cache
def _bounded_by_asyncio_timeout(connection_class: Any) -> Any:
    """``connection_class`` (plain, TLS or Unix socket, as the URL chose) counting its failures
    in ``hdt_redis_errors_total`` and writing each command
    under ``asyncio.timeout``: with a ``socket_timeout`` redis-py bounds every write with
    ``asyncio.wait_for``, which on Python 3.11 runs it as a task of its own (~15 µs of CPU per
    command, a tenth of a catalog cache miss's Redis work). Reads keep redis-py's own bound."""

    class Connection(connection_class):
        socket_timeout: float | None  # declared for the type checker: the base is known at run time only

        async def connect(self) -> None:
            try:
                await super().connect()
            except REDIS_FAILURES as exc:
                _count_failure(exc)
                raise

        async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
            timeout, self.socket_timeout = self.socket_timeout, None
            try:
                async with asyncio.timeout(timeout):
                    await super().send_packed_command(command, check_health)
            except TimeoutError:
                await self.disconnect(nowait=True)
                REDIS_ERRORS.labels("TimeoutError").inc()
                raise RedisTimeoutError("Timeout writing to socket") from None
            except REDIS_FAILURES as exc:
                _count_failure(exc)
                raise
            finally:
                self.socket_timeout = timeout

        async def read_response(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return await super().read_response(*args, **kwargs)
            except (TimeoutError, RedisConnectionError, RedisTimeoutError, OSError) as exc:
                _count_failure(exc)
                raise

    Connection.__qualname__ = Connection.__name__ = f"TimeoutBounded{connection_class.__name__}"
    return Connection
