"""Two-tier cache of catalog reads (items, guides, halls, the calendar, and what booking needs of
an item or a slot): a small per-worker memory tier in front of Redis. Each process's ``Runtime``
owns one.

Every catalog change bumps one Redis version key and publishes the new version; each worker
listens and drops its memory tier, and Redis entries of older versions simply expire. The
memory tier is only trusted while the worker's subscription is live; when Redis is
unreachable, reads go straight to the database for a short back-off instead of failing.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import redis.asyncio as redis
import structlog
from pydantic import TypeAdapter

from app.redis import REDIS_FAILURES, ChannelListener, channel_of, text

log = structlog.get_logger("app.cache")

VERSION_KEY = "catalog:version"
CHANNEL = "catalog:invalidate"
# After a Redis failure, skip Redis for this long so every request does not pay a timeout.
REDIS_BACKOFF_SECONDS = 5.0
# A cache read slower than this is treated as a failure: the database answers instead.
REDIS_READ_TIMEOUT_SECONDS = 0.25

FactsT = TypeVar("FactsT")


@dataclass(frozen=True)
class CachedDocument:
    """A serialised JSON response, encoded once (as it is sent), and its entity tag."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: str) -> CachedDocument:
        encoded = body.encode()
        return cls(body=encoded, etag='"' + hashlib.blake2b(encoded, digest_size=12).hexdigest() + '"')


class CatalogCache:
    """The per-process cache, held by the process's ``Runtime``."""

    def __init__(self, client: redis.Redis, *, redis_ttl_seconds: int = 300,
                 local_ttl_seconds: float = 30.0, local_max_entries: int = 4096) -> None:
        self._client = client
        self._local: OrderedDict[str, tuple[str, float, CachedDocument]] = OrderedDict()
        # Item summaries (JSON) by item id, with when they expire; cleared with the memory tier.
        self._summaries: dict[str, tuple[float, str]] = {}
        self._version: str | None = None  # known only while subscribed
        self._redis_down_until = 0.0
        self._listener: ChannelListener | None = None
        self._stores: set[asyncio.Task[None]] = set()  # Redis writes under way (held: tasks are weak)
        self.redis_ttl_seconds = redis_ttl_seconds
        self.local_ttl_seconds = local_ttl_seconds
        self.local_max_entries = local_max_entries

    def start(self) -> None:
        """Listen for invalidations in the background (one listener per worker)."""
        client = self._client
        if self._listener is None:
            async def read_version() -> None:
                self._drop_local(text(await client.get(VERSION_KEY) or "0"))

            self._listener = ChannelListener(
                client, CHANNEL, on_subscribed=read_version, on_message=self._drop_local,
                on_lost=lambda: self._drop_local(None))
            self._listener.start()

    async def stop(self) -> None:
        """Stop listening and forget everything cached in memory."""
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None
        self._drop_local(None)

    @property
    def keeps_in_memory(self) -> bool:
        """Whether this process keeps documents in memory now: only while it hears of changes."""
        return self._version is not None

    def _drop_local(self, version: str | None) -> None:
        self._local.clear()
        self._summaries.clear()
        self._version = version

    def _redis_usable(self) -> bool:
        return time.monotonic() >= self._redis_down_until

    def _redis_failed(self, exc: BaseException) -> None:
        log.warning("catalog_cache_redis_down", error=type(exc).__name__)
        self._redis_down_until = time.monotonic() + REDIS_BACKOFF_SECONDS

    async def get_or_load(self, key: str, load: Callable[[], Awaitable[str]],
                          *, shared: bool = True) -> CachedDocument:
        """The cached document for ``key``, loading (and caching) it from the database if absent.

        ``shared=False`` keeps it in this worker's memory tier only: for reads whose keys are
        mostly seen once (search queries), where a Redis read that misses and a write nobody
        reads again cost the worker about as much as the database query they could save."""
        version = self._version
        if version is not None:
            hit = self._local.get(key)
            if hit is not None and hit[0] == version and hit[1] > time.monotonic():
                return hit[2]
        document: CachedDocument | None = None
        redis_key = None
        if shared and self._redis_usable():
            try:
                # asyncio.timeout, not wait_for: no extra task per read.
                async with asyncio.timeout(REDIS_READ_TIMEOUT_SECONDS):
                    if version is None:
                        version = text(await self._client.get(VERSION_KEY) or "0")
                    redis_key = f"catalog:{version}:{key}"
                    stored = await self._client.get(redis_key)
                if stored is not None:
                    etag, _, body = text(stored).partition("\n")
                    document = CachedDocument(body=body.encode(), etag=etag)
            except REDIS_FAILURES as exc:
                self._redis_failed(exc)
                redis_key = None
        if document is None:
            document = CachedDocument.of(await load())
            if redis_key is not None:
                # The response need not wait for this write: losing it only costs a later miss.
                store = asyncio.create_task(self._store(redis_key, document))
                self._stores.add(store)
                store.add_done_callback(self._stores.discard)
        if version is not None and version == self._version:
            self._local[key] = (version, time.monotonic() + self.local_ttl_seconds, document)
            self._local.move_to_end(key)
            while len(self._local) > self.local_max_entries:
                self._local.popitem(last=False)
        return document

    async def memory_facts(self, key: str, adapter: TypeAdapter[FactsT],
                           load: Callable[[], Awaitable[FactsT]]) -> FactsT:
        """What a hot path needs of a row (a frozen dataclass ``adapter`` writes and reads as JSON),
        from this worker's memory tier only, ``load``-ed on a miss: a release's burst made the
        shared tier's reads time out, and each timeout sent every booking of the next seconds to
        the database."""
        async def load_json() -> str:
            return adapter.dump_json(await load()).decode()

        return adapter.validate_json((await self.get_or_load(key, load_json, shared=False)).body)

    async def summaries(self, ids: list[str],
                        load: Callable[[list[str]], Awaitable[dict[str, str]]]) -> list[str]:
        """The summaries of the items ``ids``, in that order, from this worker's memory; those it
        lacks come from one ``load`` call (summaries by id). An id ``load`` does not return (the
        item went away in between) is left out. Kept for the current catalog version while the
        worker listens for changes, like the memory tier, but as long as Redis keeps a document
        (``redis_ttl_seconds``), not ``local_ttl_seconds``: every page needs its items' summaries,
        and reloading each one every half minute raised a search miss's worker CPU from ~310 µs
        to 370–490 µs (10,000 items). At most one entry per item, so the catalog's size bounds them."""
        version = self._version
        now = time.monotonic()
        found: dict[str, str] = {}
        if version is not None:
            for item_id in ids:
                entry = self._summaries.get(item_id)
                if entry is not None and entry[0] > now:
                    found[item_id] = entry[1]
        if len(found) < len(ids):
            loaded = await load([item_id for item_id in ids if item_id not in found])
            found.update(loaded)
            if version is not None and version == self._version:
                expires = time.monotonic() + self.redis_ttl_seconds
                self._summaries.update((item_id, (expires, summary))
                                       for item_id, summary in loaded.items())
        return [found[item_id] for item_id in ids if item_id in found]

    async def _store(self, redis_key: str, document: CachedDocument) -> None:
        try:
            await self._client.set(redis_key, document.etag.encode() + b"\n" + document.body,
                             ex=self.redis_ttl_seconds)
        except REDIS_FAILURES as exc:
            self._redis_failed(exc)

    async def invalidate(self) -> None:
        """Call after a catalog change has committed: every worker drops what it cached."""
        self._drop_local(None)
        try:
            version = await self._client.incr(VERSION_KEY)
            await self._client.publish(channel_of(self._client, CHANNEL), str(version))
        except REDIS_FAILURES as exc:
            # Redis entries are keyed by the old version and expire on their own.
            self._redis_failed(exc)

