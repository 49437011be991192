"""A hall with an item group, its manager and clerk, and helpers to book over HTTP."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import pytest

from models.catalog import ServiceItem
from models.organization import Hall
from tests.builders import (
    LoggedIn,
    login_resident,
    login_staff,
    make_hall,
    make_resident,
    make_service_item,
    make_staff,
)


@dataclass
class Desk:
    """One hall ready for appointments."""

    hall: Hall
    item: ServiceItem
    manager: LoggedIn
    clerk: LoggedIn


@pytest.fixture
async def desk(rt) -> Desk:
    hall = await make_hall()
    item = await make_service_item(appointment_group="G1")
    manager = await login_staff(rt, await make_staff(rt, roles=[f"hall_manager@{hall.code}"]))
    clerk = await login_staff(rt, await make_staff(rt, roles=[f"clerk@{hall.code}"]))
    return Desk(hall, item, manager, clerk)


async def resident_session(rt, *, realname: bool = True) -> LoggedIn:
    """A new resident (with a distinct ID number) and a live session."""
    id_number = "1101081990" + f"{secrets.randbelow(10**8):08d}"
    return await login_resident(rt, await make_resident(rt, realname=realname, id_number=id_number))


async def book(client, who: LoggedIn, *, item_id, slot_id, key: str | None = None):
    return await client.post("/api/v1/appointments",
                              json={"item_id": str(item_id), "slot_id": str(slot_id)},
                              headers={**who.headers, "idempotency-key": key or secrets.token_hex(8)})
