"""The push job queue: saq on Redis, the job options, and a rate limit shared by every worker."""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

import fakeredis
import orjson
import redis.asyncio as redis
from saq import Job
from saq.queue.redis import RedisQueue

from app.redis import connect_queue_redis
from config import Settings

QUEUE_NAME = "push"
EMBEDDED_POLL_SECONDS = 0.05

# One fixed one-second window per app, counted in Redis so every worker shares it. A bulk job
# asks for many slots in one call (ARGV[1]) and gets what is left of the window (ARGV[2] per
# second), 0 when it is full.
_TAKE_SLOTS = """
local wanted = tonumber(ARGV[1])
local count = redis.call('incrby', KEYS[1], wanted)
if count == wanted then redis.call('pexpire', KEYS[1], 2000) end
local over = math.min(math.max(count - tonumber(ARGV[2]), 0), wanted)
if over > 0 then redis.call('decrby', KEYS[1], over) end
return wanted - over
"""

# Leases on deliveries (push/bulk.py): each key is taken when free or already held by this
# holder (ARGV[1], a job key: a retry of the job owns its leases again), for ARGV[2] ms; returns
# the 1-based positions taken.
_LEASE = """
local taken = {}
for i, key in ipairs(KEYS) do
  local holder = redis.call('get', key)
  if holder == false or holder == ARGV[1] then
    redis.call('set', key, ARGV[1], 'PX', ARGV[2])
    taken[#taken + 1] = i
  end
end
return taken
"""
# Leases still held by ARGV[1] are released (ARGV[2] empty) or handed to ARGV[2] for ARGV[3] ms.
_RELEASE = """
for _, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then
    if ARGV[2] == '' then redis.call('del', key)
    else redis.call('set', key, ARGV[2], 'PX', ARGV[3]) end
  end
end
return 0
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
    # orjson, not saq's default json: a batch job carries a hundred events' payloads, written by
    # the relay and read by a worker (bench/RESULTS.md, "Push: 100,000 per-user notices"). The
    # same JSON either way, so jobs queued by either still read.
    queue_class = EmbeddedQueue if isinstance(client, fakeredis.FakeAsyncRedis) else RedisQueue
    return queue_class(client, name=QUEUE_NAME, dump=orjson.dumps, load=orjson.loads)


def scheduled_second(run_at: datetime | None) -> int:
    """The whole second saq runs a job due at ``run_at`` (0: at once)."""
    # Rounded up: a reminder must never go out before its due time.
    return math.ceil(run_at.timestamp()) if run_at else 0


def job(settings: Settings, function: str, key: str, *, run_at: datetime | None = None,
        timeout: int | None = None, **kwargs: Any) -> Job:
    """A push job: ``key`` makes enqueueing idempotent; retries back off exponentially with jitter.

    With ``run_at`` the job waits in the queue until then (saq schedules in whole seconds).
    """
    return Job(function, kwargs=kwargs, key=key, timeout=timeout or settings.push_job_timeout_seconds,
               retries=settings.push_max_attempts, retry_delay=settings.push_retry_base_seconds,
               retry_backoff=settings.push_retry_max_seconds or True, scheduled=scheduled_second(run_at))


def batch_key(event_ids: Sequence[str]) -> str:
    """The job key of a batch of events: the same events make the same key (two relays that read
    the same batch enqueue it once)."""
    return "events:" + hashlib.sha1(",".join(event_ids).encode()).hexdigest()[:24]


def batch_timeout(settings: Settings, messages: int) -> int:
    """A batch job's timeout: the single job's, plus the time the rate limit alone makes it wait."""
    return settings.push_job_timeout_seconds + math.ceil(messages / settings.push_rate_per_second)


async def take_send_slots(client: redis.Redis, *, app_id: str, per_second: int, wanted: int = 1) -> int:
    """Wait until this app may send at least one more message in the current second (all workers
    share the window); returns how many of ``wanted`` it may send now."""
    while True:
        second = int(time.time())
        granted = int(await client.eval(_TAKE_SLOTS, 1, f"push:rate:{app_id}:{second}", wanted, per_second))
        if granted:
            return granted
        await asyncio.sleep(max(second + 1 - time.time(), 0.001))


def lease_key(event_id: str, recipient: str) -> str:
    """The Redis key of the lease on one (event, recipient) delivery."""
    return f"push:lease:{event_id}:{recipient}"


async def lease(client: redis.Redis, keys: Sequence[str], *, holder: str, seconds: float) -> list[bool]:
    """Take the leases that are free or already ``holder``'s, in one round trip; which were taken."""
    if not keys:
        return []
    taken = await client.eval(_LEASE, len(keys), *keys, holder, int(seconds * 1000))
    positions = {int(position) for position in taken}
    return [n + 1 in positions for n in range(len(keys))]


async def release(client: redis.Redis, keys: Sequence[str], *, holder: str, to: str = "",
                  seconds: float = 0) -> None:
    """Release the leases ``holder`` still holds, or hand them to the holder ``to`` for ``seconds``."""
    if keys:
        await client.eval(_RELEASE, len(keys), *keys, holder, to, int(seconds * 1000))


QUEUE_STATES: tuple[Literal["queued", "active", "incomplete"], ...] = ("queued", "active", "incomplete")


async def depth(client: redis.Redis) -> dict[str, int]:
    """Jobs waiting to run now (queued), running (active) and not finished, scheduled ones
    included (incomplete), as saq counts them."""
    queue = RedisQueue(client, name=QUEUE_NAME)
    return {state: int(await queue.count(state)) for state in QUEUE_STATES}
