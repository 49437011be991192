"""Revoked login sessions: kept in Redis, with a short per-worker memory of sessions found live."""

from __future__ import annotations

import time
import uuid

import redis.asyncio as redis

REVOKED_SESSION_KEY = "revoked-session:{}"


class SessionRevocations:
    """Answers "is this session revoked?" for every authenticated request.

    A "not revoked" answer from Redis is trusted for ``cache_seconds``, so a busy client costs one
    Redis round trip per session and interval instead of one per request; a revocation made by
    this worker is seen at once, one made by another worker within ``cache_seconds``.
    """

    MAX_ENTRIES = 10_000

    def __init__(self, client: redis.Redis, *, cache_seconds: float) -> None:
        self._redis = client
        self._cache_seconds = cache_seconds
        self._live_until: dict[uuid.UUID, float] = {}

    async def is_revoked(self, session_id: uuid.UUID) -> bool:
        """True when the session was revoked (by logout or refresh-token reuse)."""
        now = time.monotonic()
        if self._live_until.get(session_id, 0.0) > now:
            return False
        if await self._redis.exists(REVOKED_SESSION_KEY.format(session_id)):
            return True
        if self._cache_seconds > 0:
            if len(self._live_until) >= self.MAX_ENTRIES:
                del self._live_until[next(iter(self._live_until))]
            self._live_until.pop(session_id, None)  # re-inserted last, so eviction stays oldest-first
            self._live_until[session_id] = now + self._cache_seconds
        return False

    async def revoke(self, session_id: uuid.UUID, *, ttl_seconds: int) -> None:
        """Refuse the session's access tokens from now on (they all expire within ``ttl_seconds``)."""
        await self._redis.set(REVOKED_SESSION_KEY.format(session_id), "1", ex=ttl_seconds)
        self._live_until.pop(session_id, None)
