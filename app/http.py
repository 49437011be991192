"""Outbound HTTP (WeChat, Beijing Pass, ledger witnesses): one aiohttp session per process.

aiohttp rather than httpx: on this project's hot paths (code2session at login, every push
send, every emulated WeChat callback) httpx cost about 2 ms of CPU per request against
aiohttp's 0.2-0.3 ms, measured on the 2-core bench machine (docs/architecture.md).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import orjson

from app.metrics import UPSTREAM_REQUEST_DURATION, UPSTREAM_REQUESTS

CONNECT_TIMEOUT_SECONDS = 3.0


class UpstreamError(Exception):
    """The request got no HTTP answer: refused, dropped, timed out."""


@dataclass(frozen=True)
class UpstreamResponse:
    status: int
    content: bytes
    # Case-insensitive; filled only when asked for (``with_headers``): no copy on the hot paths.
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


class UpstreamHTTP:
    """The process's outbound HTTP client; the session opens on first use, inside the event loop."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def request(self, method: str, url: str, *, timeout: float, params: dict[str, str] | None = None,
                      json: Any = None, data: dict[str, str] | None = None, content: bytes | None = None,
                      headers: dict[str, str] | None = None, service: str = "other",
                      with_headers: bool = False) -> UpstreamResponse:
        """Send one request and read the whole answer; raises UpstreamError without one.

        ``service`` (wechat, beijing_pass, ledger_witness) labels the call's metrics; ``with_headers``
        keeps the answer's headers (WeChat Pay's signature is in them)."""
        started = time.perf_counter()
        outcome = "unreachable"
        try:
            response = await self._send(method, url, timeout=timeout, params=params, json=json,
                                        data=data, content=content, headers=headers,
                                        with_headers=with_headers)
            outcome = "ok" if response.is_success else "http_error"
            return response
        except UpstreamError as exc:
            if isinstance(exc.__cause__, asyncio.TimeoutError):
                outcome = "timeout"
            raise
        finally:
            UPSTREAM_REQUESTS.labels(service, outcome).inc()
            UPSTREAM_REQUEST_DURATION.labels(service).observe(time.perf_counter() - started)

    async def _send(self, method: str, url: str, *, timeout: float, params: dict[str, str] | None,
                    json: Any, data: dict[str, str] | None, content: bytes | None,
                    headers: dict[str, str] | None, with_headers: bool) -> UpstreamResponse:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        sent_headers = dict(headers or {})
        body: Any = content if content is not None else data
        if json is not None:
            body = orjson.dumps(json)
            sent_headers["content-type"] = "application/json"
        try:
            async with self._session.request(
                    method, url, params=params, data=body, headers=sent_headers,
                    timeout=aiohttp.ClientTimeout(total=timeout, connect=CONNECT_TIMEOUT_SECONDS)) as answer:
                return UpstreamResponse(answer.status, await answer.read(),
                                        answer.headers if with_headers else {})
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise UpstreamError(type(exc).__name__) from exc

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
