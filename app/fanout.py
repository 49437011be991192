"""One Redis pub/sub channel fanned out to the local listeners of a worker, by key.

Every worker follows the channel once (``app.redis.ChannelListener``) however many clients it
serves (the hall screens: one server-sent-event stream each), and hands each message to the
queues registered under its key. After every (re)subscription each queue receives ``None``:
messages may have been missed, the listener should reload the whole state. When the server
stops, ``end_listeners`` sets ``ending`` and wakes every queue (with ``None``), so long-lived
listeners (event streams) end instead of holding the stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as redis

from app.redis import ChannelListener, channel_of

QUEUE_SIZE = 16


class ChannelFanout:
    """Publish ``(key, data)`` from any worker; receive it in every worker's listeners of ``key``."""

    def __init__(self, client: redis.Redis, name: str) -> None:
        self._client = client
        self._name = name
        self._queues: dict[str, set[asyncio.Queue[str | None]]] = {}
        self._listener: ChannelListener | None = None
        self.ending = asyncio.Event()

    def start(self) -> None:
        if self._listener is None:
            self._listener = ChannelListener(self._client, self._name, on_subscribed=self._resync,
                                             on_message=self._deliver, on_lost=lambda: None)
            self._listener.start()

    async def stop(self) -> None:
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None

    def end_listeners(self) -> None:
        """The server is stopping: tell every listener to end now (``ending``), and wake it."""
        self.ending.set()
        self._resync_all()

    async def publish(self, key: str, data: str) -> None:
        await self._client.publish(channel_of(self._client, self._name), f"{key}\n{data}")

    @asynccontextmanager
    async def listen(self, key: str) -> AsyncIterator[asyncio.Queue[str | None]]:
        """A queue of the messages for ``key`` while the block runs."""
        queue: asyncio.Queue[str | None] = asyncio.Queue(QUEUE_SIZE)
        self._queues.setdefault(key, set()).add(queue)
        try:
            yield queue
        finally:
            listeners = self._queues.get(key, set())
            listeners.discard(queue)
            if not listeners:
                self._queues.pop(key, None)

    @staticmethod
    def _offer(queue: asyncio.Queue[str | None], item: str | None) -> None:
        # A listener that fell behind is told to reload instead of being sent a backlog.
        if queue.full():
            while not queue.empty():
                queue.get_nowait()
            item = None
        queue.put_nowait(item)

    def _deliver(self, message: str | bytes) -> None:
        text = message.decode() if isinstance(message, bytes) else message
        key, _, data = text.partition("\n")
        for queue in self._queues.get(key, ()):
            self._offer(queue, data)

    async def _resync(self) -> None:
        self._resync_all()

    def _resync_all(self) -> None:
        for listeners in self._queues.values():
            for queue in listeners:
                self._offer(queue, None)
