"""Waiting in tests for an outcome that arrives asynchronously (a queue, a pub/sub message)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

EVENTUALLY_SECONDS = 30


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Wait until ``check()`` holds; fail, naming ``what``, if it never does."""
    deadline = time.monotonic() + EVENTUALLY_SECONDS
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        await asyncio.sleep(0.05)
