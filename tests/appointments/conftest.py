"""A hall with an item group, its manager and clerk, and helpers to book over HTTP."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from models.catalog import ServiceItem
from models.organization import Hall
from models.staff import StaffMember, StaffRole, StaffRoleName
from tests.builders import (
    LoggedIn,
    login_resident,
    login_staff,
    make_hall,
    make_resident,
    make_service_item,
)


@dataclass
class Desk:
    """One hall ready for appointments."""

    hall: Hall
    item: ServiceItem
    manager: LoggedIn
    clerk: LoggedIn


async def hall_staff(rt, *, hall: Hall, role: StaffRoleName) -> LoggedIn:
    """A logged-in staff member with one role at a hall (no password: tokens come from a session)."""
    member = await StaffMember.create(username=f"staff-{secrets.token_hex(4)}", display_name="测试工作人员",
                                      password_hash="!no-password-login")
    await StaffRole.create(staff=member, role=role, hall=hall)
    return await login_staff(rt, member)


@pytest.fixture
async def desk(rt) -> Desk:
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1")
    manager = await hall_staff(rt, hall=hall, role=StaffRoleName.HALL_MANAGER)
    clerk = await hall_staff(rt, hall=hall, role=StaffRoleName.CLERK)
    return Desk(hall, item, manager, clerk)


async def resident_session(rt, *, realname: bool = True) -> LoggedIn:
    """A new resident (with a distinct ID number) and a live session."""
    id_number = "1101081990" + f"{secrets.randbelow(10**8):08d}"
    return await login_resident(rt, await make_resident(rt, realname=realname, id_number=id_number))


async def book(client, who: LoggedIn, *, item_id, slot_id, key: str | None = None):
    return await client.post("/api/v1/appointments",
                              json={"item_id": str(item_id), "slot_id": str(slot_id)},
                              headers={**who.headers, "idempotency-key": key or secrets.token_hex(8)})


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
