"""The Redis client: redis-py's asyncio API, or an in-process stand-in when none is configured."""

from __future__ import annotations

import fakeredis
import redis.asyncio as redis
from redis.asyncio import BlockingConnectionPool

from config import Settings

# A burst of requests waits for a free pooled connection instead of failing with
# "Too many connections" (the default pool raises once its 100 connections are busy).
POOL_WAIT_SECONDS = 5


def connect_redis(settings: Settings) -> redis.Redis:
    """A client for REDIS_URL; without it, fakeredis so the service runs on a bare machine."""
    if settings.redis_url:
        pool = BlockingConnectionPool.from_url(
            settings.redis_url, max_connections=settings.redis_max_connections,
            timeout=POOL_WAIT_SECONDS, decode_responses=True, health_check_interval=30,
            socket_connect_timeout=2, socket_timeout=5)
        return redis.Redis.from_pool(pool)
    # One fake server per process: state is shared by everything in this process only,
    # which is what the embedded default (one worker) needs.
    return fakeredis.FakeAsyncRedis(server=_EMBEDDED_SERVER, decode_responses=True,
                                    connection_pool_class=BlockingConnectionPool,
                                    max_connections=settings.redis_max_connections,
                                    timeout=POOL_WAIT_SECONDS)


_EMBEDDED_SERVER = fakeredis.FakeServer()


def connect_queue_redis(settings: Settings) -> redis.Redis:
    """A bytes client for the job queue (saq stores serialised jobs), on the same server."""
    if settings.redis_url:
        return redis.Redis.from_url(settings.redis_url, health_check_interval=30,
                                    socket_connect_timeout=2)
    return fakeredis.FakeAsyncRedis(server=_EMBEDDED_SERVER)
