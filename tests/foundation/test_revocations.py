"""Session revocation: mirrored in every started worker's memory as soon as it is announced;
without the mirror, seen at once by the revoking worker and within the cache bound by others;
with Redis gone, answered by the last mirror, or failed where there never was one."""

import asyncio
import contextlib
from types import SimpleNamespace

import pytest

from app.ids import new_id
from app.redis import REDIS_FAILURES, connect_redis
from app.revocations import REVOKED_SESSION_KEY, SessionRevocations
from tests.support.private_servers import REDIS_SERVER, PrivateRedis


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


async def test_with_redis_gone_the_last_mirror_answers(settings):
    if REDIS_SERVER is None:
        pytest.skip("no redis-server on PATH")
    server = PrivateRedis()
    await server.start()
    client = connect_redis(settings.model_copy(update={"redis_url": server.url}))
    revoked, live = new_id(), new_id()
    try:
        async with started_worker(SimpleNamespace(redis=client)) as worker:
            await worker.revoke(revoked, ttl_seconds=60)
            server.kill()
            for _ in range(200):  # the listener notices the closed connection (bounded wait)
                if worker._mirror is None:
                    break
                await asyncio.sleep(0.02)
            assert worker._mirror is None, "the subscription was never lost"
            # Twice: once after Redis refused, once within the back-off without asking it.
            for _ in range(2):
                assert await worker.is_revoked(revoked)
                assert not await worker.is_revoked(live)
    finally:
        server.close()
        await client.aclose()


async def test_a_worker_that_never_had_a_mirror_fails_the_check_without_redis(settings):
    # Started while Redis was down, it knows no revocation: the check fails (503), not passes.
    client = connect_redis(settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}))
    try:
        with pytest.raises(REDIS_FAILURES):
            await SessionRevocations(client, cache_seconds=3600).is_revoked(new_id())
    finally:
        await client.aclose()
