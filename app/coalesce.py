"""Small writes that arrive together are made together, as a database's group commit does.

WeChat reports every template message it delivered with its own callback request
(TEMPLATESENDJOBFINISH): a broadcast to 100,000 followers is 100,000 callbacks, each one UPDATE
(bench/RESULTS.md, "Push"). A ``Coalescer`` hands the items submitted while its previous batch
was being written to one call of its handler. Batches grow with the load and need no timer: a
lone item is written at once, and under a burst each round trip carries everything that arrived
during the last one. The handler answers each item: a value, or the exception its submitter raises.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Answer = TypeVar("Answer")


class Coalescer(Generic[Item, Answer]):
    """``await submit(item)`` returns the item's answer once a call of ``handle`` that included it
    has returned (its answers in the items' order), and raises the item's exception or what that
    call raised: a caller never acknowledges what was not written."""

    def __init__(self, handle: Callable[[list[Item]], Awaitable[Sequence[Answer | Exception]]], *,
                 max_batch: int = 500) -> None:
        self._handle = handle
        self._max_batch = max_batch
        self._pending: list[tuple[Item, asyncio.Future[Answer]]] = []
        self._runner: asyncio.Task[None] | None = None

    @property
    def idle(self) -> bool:
        """Nothing waiting and nothing being written."""
        return self._runner is None and not self._pending

    async def submit(self, item: Item) -> Answer:
        done: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._pending.append((item, done))
        if self._runner is None:
            self._runner = asyncio.create_task(self._run())
        return await done

    async def _run(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending[:self._max_batch], self._pending[self._max_batch:]
                await self._write(batch)
        finally:
            self._runner = None
            # Left only when this task was cancelled (the process stopping): nobody writes them.
            for _, done in self._pending:
                done.cancel()
            self._pending = []

    async def _write(self, batch: list[tuple[Item, asyncio.Future[Answer]]]) -> None:
        try:
            answers = await self._handle([item for item, _ in batch])
        except Exception as exc:
            for _, done in batch:
                if not done.done():
                    done.set_exception(exc)
            return
        except BaseException:
            for _, done in batch:
                done.cancel()
            raise
        for (_, done), answer in zip(batch, answers, strict=True):
            if done.done():
                continue  # its submitter was cancelled
            if isinstance(answer, Exception):
                done.set_exception(answer)
            else:
                done.set_result(answer)
