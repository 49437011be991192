"""Session revocation: seen at once by the revoking worker, within the cache bound by the others."""

from app.ids import new_id
from app.revocations import SessionRevocations


async def test_own_revocation_is_seen_at_once_even_after_a_live_answer_was_cached(rt):
    worker = SessionRevocations(rt.redis, cache_seconds=3600)
    session = new_id()
    assert not await worker.is_revoked(session)
    await worker.revoke(session, ttl_seconds=60)
    assert await worker.is_revoked(session)


async def test_another_workers_revocation_is_seen_once_the_cached_answer_lapses(rt):
    session = new_id()
    trusting = SessionRevocations(rt.redis, cache_seconds=3600)
    asking = SessionRevocations(rt.redis, cache_seconds=0)
    assert not await trusting.is_revoked(session) and not await asking.is_revoked(session)
    await SessionRevocations(rt.redis, cache_seconds=0).revoke(session, ttl_seconds=60)
    assert await asking.is_revoked(session)
    # Still inside its cache interval: the documented bound, not a leak.
    assert not await trusting.is_revoked(session)
