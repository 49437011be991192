"""Push fixtures: a push worker (relay + job workers) on the test loop with short timings."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from app.context import Runtime
from models.push import FINAL_STATUSES, Delivery
from push.worker import PushProcess

# Short timings so retries and the sweep of a dead worker's jobs happen within a test.
FAST_PUSH = {"push_job_timeout_seconds": 3, "push_sweep_seconds": 1, "push_max_attempts": 3,
             "push_retry_base_seconds": 0.1, "push_retry_max_seconds": 0.5,
             "push_relay_interval_seconds": 0.05, "push_broadcast_chunk": 2}


def fast_runtime(rt: Runtime, **overrides: object) -> Runtime:
    """The server's shared clients with the push timings above."""
    return dataclasses.replace(rt, settings=rt.settings.model_copy(update={**FAST_PUSH, **overrides}))


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


async def all_final(count: int | None = None) -> bool:
    """Every delivery is final (and there are ``count`` of them, or at least one)."""
    rows = await Delivery.all().values_list("status", flat=True)
    enough = len(rows) == count if count is not None else bool(rows)
    return enough and all(s in FINAL_STATUSES for s in rows)
