"""Revoked login sessions: kept in Redis and mirrored in each worker's memory."""

from __future__ import annotations

import asyncio
import time
import uuid

import redis.asyncio as redis

from app.redis import REDIS_FAILURES, ChannelListener, channel_of, text

REVOKED_SESSION_KEY = "revoked-session:{}"
CHANNEL = "revoked-sessions"
# A revocation written before its expiry time was stored in the key (an older release wrote "1")
# is kept this long: longer than any access token lives.
UNKNOWN_EXPIRY_SECONDS = 3600
# While the subscription is down, a check slower than this counts as Redis being unreachable,
# and after such a failure Redis is not asked again for a while: the last mirror answers.
REDIS_CHECK_TIMEOUT_SECONDS = 0.5
REDIS_BACKOFF_SECONDS = 5.0


class SessionRevocations:
    """Answers "is this session revoked?" for every authenticated request.

    A revocation is a Redis key that expires with the session's last access token, written
    together with a message on a channel. A started worker subscribes, then loads the keys, and
    from then on answers from memory: every worker refuses a revoked session as soon as the
    message arrives, with no Redis round trip per request (one per new session was 8.6 % of a
    booking's worker CPU in a profile). While the subscription is down, and in processes that
    never start it, the answer comes from Redis, and a "not revoked" one is trusted for
    ``cache_seconds``. When Redis cannot answer either, the mirror as it was when the
    subscription went down answers (no revocation can be written meanwhile, as it needs Redis);
    a worker that never had a mirror fails the check (docs/outages.md).
    """

    MAX_ENTRIES = 10_000

    def __init__(self, client: redis.Redis, *, cache_seconds: float) -> None:
        self._redis = client
        self._cache_seconds = cache_seconds
        self._live_until: dict[uuid.UUID, float] = {}
        # Revoked sessions by their expiry (epoch seconds): only while subscribed, else None.
        self._mirror: dict[uuid.UUID, float] | None = None
        # The mirror as it was when the subscription was lost, for while Redis is unreachable.
        self._last_mirror: dict[uuid.UUID, float] | None = None
        self._redis_down_until = 0.0
        self._listener = ChannelListener(client, CHANNEL, on_subscribed=self._load,
                                         on_message=self._heard, on_lost=self._lose_mirror)

    def start(self) -> None:
        """Mirror revocations in this worker's memory (one listener per worker)."""
        self._listener.start()

    async def stop(self) -> None:
        await self._listener.stop()

    async def is_revoked(self, session_id: uuid.UUID) -> bool:
        """True when the session was revoked (by logout or refresh-token reuse)."""
        if self._mirror is not None:
            return self._mirror.get(session_id, 0.0) > time.time()
        now = time.monotonic()
        if self._live_until.get(session_id, 0.0) > now:
            return False
        if now < self._redis_down_until and self._last_mirror is not None:
            return self._last_mirror.get(session_id, 0.0) > time.time()
        try:
            async with asyncio.timeout(REDIS_CHECK_TIMEOUT_SECONDS):
                revoked = await self._redis.exists(REVOKED_SESSION_KEY.format(session_id))
        except REDIS_FAILURES:
            if self._last_mirror is None:
                # Nothing known: a logged-out token would pass, so the request fails (503).
                raise
            self._redis_down_until = time.monotonic() + REDIS_BACKOFF_SECONDS
            return self._last_mirror.get(session_id, 0.0) > time.time()
        if revoked:
            return True
        if self._cache_seconds > 0:
            if len(self._live_until) >= self.MAX_ENTRIES:
                del self._live_until[next(iter(self._live_until))]
            self._live_until.pop(session_id, None)  # re-inserted last, so eviction stays oldest-first
            self._live_until[session_id] = now + self._cache_seconds
        return False

    async def revoke(self, session_id: uuid.UUID, *, ttl_seconds: int) -> None:
        """Refuse the session's access tokens from now on (they all expire within ``ttl_seconds``)."""
        expires = time.time() + ttl_seconds
        # One MULTI: a key without its message would stay unseen by every mirroring worker.
        async with self._redis.pipeline(transaction=True) as both:
            both.set(REVOKED_SESSION_KEY.format(session_id), repr(expires), ex=ttl_seconds)
            both.publish(channel_of(self._redis, CHANNEL), f"{session_id} {expires!r}")
            await both.execute()
        self._live_until.pop(session_id, None)
        self._remember(session_id, expires)

    def _remember(self, session_id: uuid.UUID, expires: float) -> None:
        # Unsubscribed, a revocation made here still joins the last mirror, which may answer later.
        mirror = self._mirror if self._mirror is not None else self._last_mirror
        if mirror is None:
            return
        if len(mirror) >= self.MAX_ENTRIES:
            # Only expired entries may go: a revocation is never forgotten while it matters.
            now = time.time()
            for stale in [sid for sid, until in mirror.items() if until <= now]:
                del mirror[stale]
        mirror[session_id] = max(expires, mirror.get(session_id, 0.0))

    async def _load(self) -> None:
        self._mirror = await self._stored_revocations()

    def _heard(self, data: str) -> None:
        session, _, expires = data.partition(" ")
        self._remember(uuid.UUID(session), float(expires))

    def _lose_mirror(self) -> None:
        if self._mirror is not None:
            self._last_mirror = self._mirror
        self._mirror = None

    async def _stored_revocations(self) -> dict[uuid.UUID, float]:
        keys = [key async for key in self._redis.scan_iter(REVOKED_SESSION_KEY.format("*"), count=1000)]
        values = await self._redis.mget(keys) if keys else []
        stored = {}
        for key, value in zip(keys, values, strict=True):
            if value is not None:  # expired between SCAN and MGET
                stored[uuid.UUID(key.rpartition(":")[2])] = _expiry(text(value))
        return stored


def _expiry(stored: str) -> float:
    try:
        return float(stored)
    except ValueError:
        return time.time() + UNKNOWN_EXPIRY_SECONDS
