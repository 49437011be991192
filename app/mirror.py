"""A worker's in-memory copy of a small table, dropped on every worker when it changes.

The pattern of ``app.cache.CatalogCache`` for state small enough to hold whole (the OA's
managed replies): a change bumps a Redis version key and publishes it; each worker's
``ChannelListener`` drops its copy, and the next read loads the table again. The copy is only
trusted while the subscription is live, so a worker that lost Redis reads the database.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import redis.asyncio as redis
import structlog

from app.redis import REDIS_FAILURES, ChannelListener, channel_of

log = structlog.get_logger("app.mirror")
T = TypeVar("T")


class TableMirror(Generic[T]):
    """What ``load()`` returned, kept in memory while this worker listens for ``name`` changes."""

    def __init__(self, client: redis.Redis, name: str) -> None:
        self._client = client
        self.version_key, self.channel = f"{name}:version", f"{name}:invalidate"
        self._listening = False
        self._copy: T | None = None
        self._generation = 0  # bumped on every drop, so a load begun before one is not kept
        self._listener: ChannelListener | None = None

    def start(self) -> None:
        """Listen for changes in the background (one listener per worker)."""
        if self._listener is None:
            async def subscribed() -> None:
                self._drop()
                self._listening = True

            self._listener = ChannelListener(self._client, self.channel, on_subscribed=subscribed,
                                             on_message=lambda _: self._drop(), on_lost=self._lost)
            self._listener.start()

    async def stop(self) -> None:
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None
        self._lost()

    @property
    def listening(self) -> bool:
        """Whether changes reach this worker (only then is the copy kept)."""
        return self._listening

    def _drop(self) -> None:
        self._copy, self._generation = None, self._generation + 1

    def _lost(self) -> None:
        self._drop()
        self._listening = False

    async def get(self, load: Callable[[], Awaitable[T]]) -> T:
        """The copy, loading it first if a change dropped it (or on every call while not listening)."""
        if self._listening and self._copy is not None:
            return self._copy
        generation = self._generation
        loaded = await load()
        if self._listening and generation == self._generation:
            self._copy = loaded
        return loaded

    async def invalidate(self) -> None:
        """Call after the table changed and committed: every worker drops its copy."""
        self._drop()
        try:
            version = await self._client.incr(self.version_key)
            await self._client.publish(channel_of(self._client, self.channel), str(version))
        except REDIS_FAILURES as exc:
            # Workers that cannot hear the change cannot be listening either: they read the DB.
            log.warning("mirror_invalidate_failed", name=self.version_key, error=type(exc).__name__)
