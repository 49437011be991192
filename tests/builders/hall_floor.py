"""Builders of the hall-floor tests: a hall with windows and clerks, tickets in bulk."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from app.ids import SHANGHAI, utcnow
from models.hall_floor import HallWindow, Ticket, TicketKind
from models.organization import Hall
from models.staff import StaffRoleName
from services.appointments import qr
from tests.builders import LoggedIn, make_appointment, make_hall, make_resident, make_service_item, make_slot
from tests.builders.appointments import hall_staff


@dataclass
class Floor:
    """A hall whose windows each have an open clerk; ``manager`` runs the hall."""

    hall: Hall
    manager: LoggedIn
    windows: list[HallWindow] = field(default_factory=list)
    clerks: list[LoggedIn] = field(default_factory=list)


async def make_floor(client, rt, *, windows: int = 1, groups: tuple[str, ...] = ("G1",)) -> Floor:
    """A hall with ``windows`` windows serving ``groups``, each opened over HTTP by its own clerk."""
    hall = await make_hall()
    floor = Floor(hall, await hall_staff(rt, hall=hall, role=StaffRoleName.HALL_MANAGER))
    for index in range(windows):
        created = await client.post(f"/api/v1/halls/{floor.hall.id}/windows", headers=floor.manager.headers,
                                    json={"number": str(index + 1), "groups": list(groups)})
        assert created.status_code == 201, created.text
        clerk = await hall_staff(rt, hall=floor.hall, role=StaffRoleName.CLERK)
        opened = await client.post(f"/api/v1/hall-windows/{created.json()['id']}/open", headers=clerk.headers)
        assert opened.status_code == 200, opened.text
        floor.windows.append(await HallWindow.get(id=created.json()["id"]))
        floor.clerks.append(clerk)
    return floor


async def check_in_booking_in_its_window(client, rt, floor: Floor) -> dict:
    """A booking of group G1 whose slot began five minutes ago, checked in by the first clerk:
    the check-in's answer (its ``queue_number``)."""
    item = await make_service_item(appointment_group="G1")
    slot = await make_slot(hall=floor.hall, starts_in=timedelta(minutes=-5))
    appointment = await make_appointment(resident=await make_resident(rt), item=item, slot=slot)
    scanned = await client.post(f"/api/v1/halls/{floor.hall.id}/check-ins", headers=floor.clerks[0].headers,
                                json={"token": qr.issue(rt=rt, appointment=appointment)})
    assert scanned.status_code == 200, scanned.text
    return scanned.json()


async def make_tickets(hall: Hall, count: int, *, group: str = "G1", start: int = 1,
                       apart: timedelta = timedelta(seconds=1)) -> list[Ticket]:
    """``count`` waiting walk-in tickets, numbered from ``start``, the last joined ``apart`` ago and
    each one ``apart`` before the next."""
    now = utcnow()
    base = now - apart * (start + count)
    rows = [Ticket(hall=hall, day=now.astimezone(SHANGHAI).date(), appointment_group=group, number=n,
                   label=f"{group}{n:03d}", kind=TicketKind.WALKIN, queued_at=base + apart * n,
                   sort_at=base + apart * n) for n in range(start, start + count)]
    await Ticket.bulk_create(rows)
    return rows
