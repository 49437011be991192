"""Push fixtures: a push worker (relay + job workers) on the test loop with short timings."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.context import Runtime
from push.worker import PushProcess

# Short timings so retries and the sweep of a dead worker's jobs happen within a test.
from tests.builders.push import fast_runtime


@pytest.fixture
def push_rt(rt: Runtime) -> Runtime:
    return fast_runtime(rt)


@pytest.fixture
async def push_worker(push_rt: Runtime) -> AsyncIterator[PushProcess]:
    """A running relay and four job workers; stopped after the test (without a grace period)."""
    process = PushProcess(push_rt, concurrency=4, grace_seconds=0)
    await process.start()
    yield process
    await process.stop()
