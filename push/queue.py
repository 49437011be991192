"""The push job queue: saq on Redis, the job options, and a rate limit shared by every worker."""

from __future__ import annotations

import asyncio
import math
import time
from datetime import datetime
from typing import Any, Literal

import fakeredis
import redis.asyncio as redis
from saq import Job
from saq.queue.redis import RedisQueue

from app.redis import connect_queue_redis
from config import Settings

QUEUE_NAME = "push"
EMBEDDED_POLL_SECONDS = 0.05

# One fixed one-second window per app, counted in Redis so every worker shares it.
_TAKE_SLOT = """
local count = redis.call('incr', KEYS[1])
if count == 1 then redis.call('pexpire', KEYS[1], 2000) end
return count
"""


class EmbeddedQueue(RedisQueue):
    """The queue over the in-process Redis stand-in, which cannot block on BLMOVE: poll instead."""

    async def dequeue(self, timeout: float = 0.0, poll_interval: float = 0.0) -> Job | None:
        job_id = await self.redis.lmove(self._queued, self._active, "LEFT", "RIGHT")
        if job_id is None:
            await asyncio.sleep(EMBEDDED_POLL_SECONDS)
            return None
        return await self._get_job_by_id(job_id)


def open_queue(settings: Settings) -> RedisQueue:
    """The push queue on REDIS_URL, or on the in-process stand-in without one."""
    client = connect_queue_redis(settings)
    if isinstance(client, fakeredis.FakeAsyncRedis):
        return EmbeddedQueue(client, name=QUEUE_NAME)
    return RedisQueue(client, name=QUEUE_NAME)


def job(settings: Settings, function: str, key: str, *, run_at: datetime | None = None,
        **kwargs: Any) -> Job:
    """A push job: ``key`` makes enqueueing idempotent; retries back off exponentially with jitter.

    With ``run_at`` the job waits in the queue until then (saq schedules in whole seconds).
    """
    # Rounded up: a reminder must never go out before its due time.
    scheduled = math.ceil(run_at.timestamp()) if run_at else 0
    return Job(function, kwargs=kwargs, key=key, timeout=settings.push_job_timeout_seconds,
               retries=settings.push_max_attempts, retry_delay=settings.push_retry_base_seconds,
               retry_backoff=settings.push_retry_max_seconds or True, scheduled=scheduled)


async def take_send_slot(client: redis.Redis, *, app_id: str, per_second: int) -> None:
    """Wait until this app may send one more message in the current second (all workers share it)."""
    while True:
        second = int(time.time())
        count = await client.eval(_TAKE_SLOT, 1, f"push:rate:{app_id}:{second}")
        if int(count) <= per_second:
            return
        await asyncio.sleep(max(second + 1 - time.time(), 0.001))


QUEUE_STATES: tuple[Literal["queued", "active", "incomplete"], ...] = ("queued", "active", "incomplete")


async def depth(client: redis.Redis) -> dict[str, int]:
    """Jobs waiting to run now (queued), running (active) and not finished, scheduled ones
    included (incomplete), as saq counts them."""
    queue = RedisQueue(client, name=QUEUE_NAME)
    return {state: int(await queue.count(state)) for state in QUEUE_STATES}
