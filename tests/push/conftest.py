"""Push fixtures: a push worker (relay + job workers) on the test loop with short timings."""

from __future__ import annotations

import asyncio
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


@pytest.fixture(autouse=True)
async def no_push_task_outlives_its_test() -> AsyncIterator[None]:
    """A relay or job worker left running races later tests' relays and holds the run's end
    (app/tasks.py): every push process a test starts is stopped by its end."""
    yield
    left = [task.get_name() for task in asyncio.all_tasks()
            if task.get_name() in {"push-relay", "push-worker"} and not task.done()]
    assert left == [], f"push tasks still running after the test: {left}"
