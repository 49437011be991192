"""Failure counters in Redis, shared by every worker (e.g. password attempts)."""

from __future__ import annotations

import redis.asyncio as redis

from app.errors import RateLimited

# Counts one attempt on every key (KEYS) at once, before the attempt is evaluated, so parallel
# attempts cannot all pass a check made before any of them is counted. When a key would pass its
# limit (ARGV[i + 1]), nothing is counted and the key's index and remaining seconds are returned;
# otherwise 0. A window (ARGV[1] seconds) starts at a key's first count and is not extended.
_ACQUIRE = """
local counts = {}
for i, key in ipairs(KEYS) do counts[i] = redis.call('incr', key) end
for i, key in ipairs(KEYS) do
  if counts[i] > tonumber(ARGV[i + 1]) then
    for _, k in ipairs(KEYS) do redis.call('decr', k) end
    return {i, redis.call('ttl', key)}
  end
end
for _, key in ipairs(KEYS) do
  if redis.call('ttl', key) < 0 then redis.call('expire', key, ARGV[1]) end
end
return 0
"""

# Gives one attempt back on a key whose window is still open (never below zero, never a new key).
_GIVE_BACK = """
if tonumber(redis.call('get', KEYS[1]) or '0') > 0 then redis.call('decr', KEYS[1]) end
return 0
"""


class FailureLimiter:
    """Blocks a key once it has ``limit`` counted attempts within ``window_seconds``.

    An attempt is counted (``acquire``) before it is evaluated; a failed one stays counted, one
    that succeeded is taken back (``reset`` clears a key, ``give_back`` returns the one attempt).
    """

    def __init__(self, client: redis.Redis, *, prefix: str, window_seconds: int) -> None:
        self.client = client
        self.prefix = prefix
        self.window_seconds = window_seconds

    def _key(self, key: str) -> str:
        return f"{self.prefix}:{key}"

    async def acquire(self, limits: dict[str, int]) -> None:
        """Count one attempt on every key of ``limits`` (key -> limit), or raise LOGIN_RATE_LIMITED
        and count nothing if that would take any key past its limit."""
        keys = list(limits)
        refused = await self.client.eval(_ACQUIRE, len(keys), *[self._key(k) for k in keys],
                                         self.window_seconds, *[limits[k] for k in keys])
        if refused:
            retry_after = max(int(refused[1]), 1)
            raise RateLimited(code="LOGIN_RATE_LIMITED", message="登录失败次数过多，请稍后再试",
                              details={"retry_after_seconds": retry_after})

    async def give_back(self, key: str) -> None:
        """Take back the attempt ``acquire`` counted on ``key`` (it did not fail)."""
        await self.client.eval(_GIVE_BACK, 1, self._key(key))

    async def reset(self, key: str) -> None:
        await self.client.delete(self._key(key))
