"""Background loops stop when asked, though a library swallowed the request on the way."""

from __future__ import annotations

import asyncio

import pytest

from app.tasks import raise_if_cancelled


async def test_a_loop_whose_cancellation_was_swallowed_stops_at_its_next_round():
    """On Python 3.11 asyncio.wait_for returns a result that completes as the cancellation
    arrives, and the CancelledError never reaches the loop (here: caught, as such a call does).
    A push relay that went on after it outlived its stop and hung the test run at its end."""
    rounds = 0

    async def call_that_swallows_the_cancellation() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            pass

    async def loop() -> None:
        nonlocal rounds
        while True:
            rounds += 1
            await call_that_swallows_the_cancellation()
            raise_if_cancelled()

    task = asyncio.create_task(loop())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 10)
    assert task.cancelled() and rounds == 1
