"""A hall with an item group, its manager and clerk, and helpers to book over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from models.staff import StaffRoleName
from tests.builders import (
    make_hall,
    make_service_item,
)
from tests.builders.appointments import Desk, hall_staff


@pytest.fixture
async def appointment_desk(rt) -> Desk:
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1")
    manager = await hall_staff(rt, hall=hall, role=StaffRoleName.HALL_MANAGER)
    clerk = await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK)
    return Desk(hall, item, manager, clerk)


@pytest.fixture(params=["gate_on", "gate_off"])
def booking_gate(request: pytest.FixtureRequest, rt) -> Iterator[bool]:
    """The test runs twice: with the admission gate in Redis (docs/release.md), and without."""
    original = rt.settings
    rt.settings = original.model_copy(update={"appointment_gate": request.param == "gate_on"})
    yield request.param == "gate_on"
    rt.settings = original


@pytest.fixture
def cli(settings) -> Callable[..., str]:
    """Run ``python -m app <args>`` against the test database; returns its stdout."""
    env = {**os.environ, "HDT_ENV": "test", "HDT_DATABASE_URL": settings.database_url,
           "HDT_KEYS_DIR": str(settings.keys_dir), "HDT_LOG_LEVEL": "WARNING"}
    if settings.redis_url:
        env["HDT_REDIS_URL"] = settings.redis_url

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True,
                              text=True, timeout=120, check=True)
        return done.stdout

    return run
