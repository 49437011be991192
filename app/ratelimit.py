"""Failure counters in Redis, shared by every worker (e.g. password attempts)."""

from __future__ import annotations

import redis.asyncio as redis

from app.errors import RateLimited


class FailureLimiter:
    """Blocks a key once it has ``limit`` failures within ``window_seconds``."""

    def __init__(self, client: redis.Redis, *, prefix: str, window_seconds: int) -> None:
        self.client = client
        self.prefix = prefix
        self.window_seconds = window_seconds

    def _key(self, key: str) -> str:
        return f"{self.prefix}:{key}"

    async def ensure_allowed(self, limits: dict[str, int]) -> None:
        """Raise RATE_LIMITED if any key has reached its limit; ``limits`` maps key -> limit."""
        keys = list(limits)
        counts = await self.client.mget([self._key(k) for k in keys])
        for key, count in zip(keys, counts, strict=True):
            if count is not None and int(count) >= limits[key]:
                retry_after = max(await self.client.ttl(self._key(key)), 1)
                raise RateLimited(code="LOGIN_RATE_LIMITED", message="登录失败次数过多，请稍后再试",
                                  details={"retry_after_seconds": retry_after})

    async def record_failure(self, keys: list[str]) -> None:
        async with self.client.pipeline(transaction=True) as pipe:
            for key in keys:
                # The window starts at the first failure and is not extended by later ones.
                pipe.incr(self._key(key))
                pipe.expire(self._key(key), self.window_seconds, nx=True)
            await pipe.execute()

    async def reset(self, key: str) -> None:
        await self.client.delete(self._key(key))
