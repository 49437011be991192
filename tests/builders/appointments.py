"""Builders of the appointments tests (their fixtures are in tests/appointments/conftest.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from models.catalog import ServiceItem
from models.organization import Hall
from models.staff import StaffMember, StaffRole, StaffRoleName
from tests.builders import (
    LoggedIn,
    login_staff,
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




async def book(client, who: LoggedIn, *, item_id, slot_id, key: str | None = None):
    return await client.post("/api/v1/appointments",
                              json={"item_id": str(item_id), "slot_id": str(slot_id)},
                              headers={**who.headers, "idempotency-key": key or secrets.token_hex(8)})
