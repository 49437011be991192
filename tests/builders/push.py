"""Builders of the push tests (their fixtures are in tests/push/conftest.py)."""

from __future__ import annotations

import dataclasses

from app.context import Runtime
from models.push import FINAL_STATUSES, Delivery

# Short timings so retries and the sweep of a dead worker's jobs happen within a test.


FAST_PUSH = {"push_job_timeout_seconds": 3, "push_sweep_seconds": 1, "push_max_attempts": 3,
             "push_retry_base_seconds": 0.1, "push_retry_max_seconds": 0.5,
             "push_relay_interval_seconds": 0.05}


def fast_runtime(rt: Runtime, **overrides: object) -> Runtime:
    """The server's shared clients with the push timings above."""
    return dataclasses.replace(rt, settings=rt.settings.model_copy(update={**FAST_PUSH, **overrides}))


async def all_final(count: int | None = None) -> bool:
    """Every delivery is final (and there are ``count`` of them, or at least one)."""
    rows = await Delivery.all().values_list("status", flat=True)
    enough = len(rows) == count if count is not None else bool(rows)
    return enough and all(s in FINAL_STATUSES for s in rows)
