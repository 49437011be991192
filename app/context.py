"""The shared clients of a running process, opened once and handed to services."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as redis
from redis.asyncio import Redis

from app.cache import CatalogCache
from app.coalesce import Coalescer
from app.crypto import DataCipher
from app.envelope import KeyWrapper, LocalKeyWrapper
from app.fanout import ChannelFanout
from app.http import UpstreamHTTP
from app.keys import KeyRing
from app.mirror import TableMirror
from app.revocations import SessionRevocations
from app.storage import Storage, open_storage
from app.tokens import AccessTokens
from config import Settings
from wechat.pay import WeChatPayClient

KEY_PURPOSES = ("access", "qr", "ledger")


@dataclass
class Runtime:
    """Everything a service needs besides the database: settings, Redis, keys, HTTP, file storage."""

    settings: Settings
    redis: redis.Redis
    cipher: DataCipher
    wrapper: KeyWrapper  # wraps the data keys of forms, materials and certificates
    keyrings: dict[str, KeyRing]
    tokens: AccessTokens
    revocations: SessionRevocations
    http: UpstreamHTTP
    storage: Storage
    catalog_cache: CatalogCache
    oa_replies: TableMirror[Any]  # the OA's managed replies (services/oa/replies.py)
    wechatpay: WeChatPayClient  # WeChat Pay API v3 (services/payments/)
    boards: ChannelFanout  # the hall screens' updates (services/hall_floor/board.py)
    # The process's coalesced writes by name, made on first use by their owners (app/coalesce.py).
    coalescers: dict[str, Coalescer[Any, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings, redis_client: Redis) -> Runtime:
        """Load keys (generating them in development) and open the outbound HTTP client."""
        create_missing = settings.env != "production"
        keyrings = {p: KeyRing(settings.keys_dir, p, create_missing=create_missing)
                    for p in KEY_PURPOSES}
        http = UpstreamHTTP()
        return cls(
            settings=settings,
            redis=redis_client,
            cipher=DataCipher.from_settings(settings.field_key, settings.keys_dir),
            wrapper=LocalKeyWrapper.from_settings(settings),
            keyrings=keyrings,
            tokens=AccessTokens(keyrings["access"], settings.access_token_ttl_seconds),
            revocations=SessionRevocations(redis_client,
                                           cache_seconds=settings.session_check_cache_seconds),
            http=http,
            storage=open_storage(settings),
            catalog_cache=CatalogCache(redis_client, redis_ttl_seconds=settings.catalog_cache_seconds,
                                       local_ttl_seconds=settings.catalog_local_cache_seconds,
                                       local_max_entries=settings.catalog_local_cache_entries),
            oa_replies=TableMirror(redis_client, "oa-replies"),
            wechatpay=WeChatPayClient(settings, http),
            boards=ChannelFanout(redis_client, "hall-boards"),
        )

    def coalescer(self, name: str, handle: Callable[[list[Any]], Awaitable[Sequence[Any]]]) -> Coalescer[Any, Any]:
        """The process's coalescer called ``name``, made with ``handle`` on first use."""
        found = self.coalescers.get(name)
        if found is None:
            found = self.coalescers[name] = Coalescer(handle)
        return found

    def start(self) -> None:
        """Start the background listeners (revocations, catalog invalidations) of a server."""
        self.revocations.start()
        self.catalog_cache.start()
        self.oa_replies.start()
        self.boards.start()

    async def close(self) -> None:
        await self.catalog_cache.stop()
        await self.oa_replies.stop()
        await self.boards.stop()
        await self.revocations.stop()
        await self.storage.close()
        await self.http.close()
        await self.redis.aclose()
