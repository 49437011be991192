"""Session revocation: mirrored in every started worker's memory as soon as it is announced;
without the mirror, seen at once by the revoking worker and within the cache bound by others."""

import asyncio
import contextlib

from app.ids import new_id
from app.revocations import REVOKED_SESSION_KEY, SessionRevocations


@contextlib.asynccontextmanager
async def started_worker(rt):
    """A worker's revocations, started, once its mirror answers (bounded wait)."""
    worker = SessionRevocations(rt.redis, cache_seconds=3600)
    worker.start()
    try:
        for _ in range(200):
            # A revocation whose key is gone at once: only a mirror that heard it knows it.
            probe = new_id()
            await SessionRevocations(rt.redis, cache_seconds=0).revoke(probe, ttl_seconds=60)
            await rt.redis.delete(REVOKED_SESSION_KEY.format(probe))
            await asyncio.sleep(0.02)
            if await worker.is_revoked(probe):
                break
        assert await worker.is_revoked(probe), "the mirror never came up"
        yield worker
    finally:
        await worker.stop()


async def test_a_revocation_reaches_every_started_worker_without_a_redis_read(rt):
    session = new_id()
    async with started_worker(rt) as one, started_worker(rt) as other:
        assert not await one.is_revoked(session) and not await other.is_revoked(session)
        await one.revoke(session, ttl_seconds=60)
        assert await one.is_revoked(session)
        for _ in range(200):  # delivery to the other worker is asynchronous
            if await other.is_revoked(session):
                break
            await asyncio.sleep(0.02)
        assert await other.is_revoked(session)
        # Answered from memory: the key is gone, the answer stands until the revocation expires.
        await rt.redis.delete(REVOKED_SESSION_KEY.format(session))
        assert await other.is_revoked(session)


async def test_a_worker_starting_later_loads_the_revocations_already_made(rt):
    earlier, expired = new_id(), new_id()
    await SessionRevocations(rt.redis, cache_seconds=0).revoke(earlier, ttl_seconds=60)
    await rt.redis.set(REVOKED_SESSION_KEY.format(expired), "1.0", ex=60)  # its expiry has passed
    async with started_worker(rt) as worker:
        assert await worker.is_revoked(earlier)
        assert not await worker.is_revoked(expired)
        assert not await worker.is_revoked(new_id())


async def test_unstarted_own_revocation_is_seen_at_once_even_after_a_live_answer_was_cached(rt):
    worker = SessionRevocations(rt.redis, cache_seconds=3600)
    session = new_id()
    assert not await worker.is_revoked(session)
    await worker.revoke(session, ttl_seconds=60)
    assert await worker.is_revoked(session)


async def test_unstarted_another_workers_revocation_is_seen_once_the_cached_answer_lapses(rt):
    session = new_id()
    trusting = SessionRevocations(rt.redis, cache_seconds=3600)
    asking = SessionRevocations(rt.redis, cache_seconds=0)
    assert not await trusting.is_revoked(session) and not await asking.is_revoked(session)
    await SessionRevocations(rt.redis, cache_seconds=0).revoke(session, ttl_seconds=60)
    assert await asking.is_revoked(session)
    # Still inside its cache interval: the documented bound, not a leak.
    assert not await trusting.is_revoked(session)
