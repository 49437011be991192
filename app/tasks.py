"""What every long-running background loop (relay, schedules, channel listeners) must honour."""

from __future__ import annotations

import asyncio


def raise_if_cancelled() -> None:
    """Raise CancelledError when this task was asked to stop though the request never surfaced.

    On Python 3.11 ``asyncio.wait_for`` (inside redis-py and fakeredis) returns an awaitable's
    result when it completes as the cancellation arrives, swallowing the CancelledError (fixed in
    3.12). A loop that logs errors and goes on then outlives its stop: a push relay did, and the
    test run hung at its end waiting for it. A loop calls this once per round."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError
