"""The no-show sweep: run as the CLI job, idempotent, events recorded."""

from __future__ import annotations

from datetime import timedelta

from models.appointments import Appointment, AppointmentStatus
from models.outbox import OutboxEvent
from models.users import User
from tests.builders import make_appointment, make_slot, resident_session
from tests.builders.appointments import book


async def test_sweep_marks_missed_appointments_once_and_leaves_others(client, rt, appointment_desk, cli):
    missed_slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=-2))
    missed_owner = await resident_session(rt)
    missed = await make_appointment(resident=await User.get(id=missed_owner.id), item=appointment_desk.item,
                                    slot=missed_slot)
    checked_in = await make_appointment(resident=await User.get(id=(await resident_session(rt)).id),
                                        item=appointment_desk.item, slot=missed_slot,
                                        status=AppointmentStatus.CHECKED_IN)
    upcoming_owner = await resident_session(rt)
    upcoming_slot = await make_slot(hall=appointment_desk.hall)
    upcoming = (await book(client, upcoming_owner, item_id=appointment_desk.item.id, slot_id=upcoming_slot.id)).json()

    first = cli("sweep-no-shows")
    second = cli("sweep-no-shows")

    assert "no-shows marked: 1" in first and "no-shows marked: 0" in second
    shown = await client.get(f"/api/v1/appointments/{missed.id}", headers=missed_owner.headers)
    assert shown.json()["status"] == "no_show" and shown.json()["qr_token"] is None
    await checked_in.refresh_from_db()
    assert checked_in.status is AppointmentStatus.CHECKED_IN
    still = await client.get(f"/api/v1/appointments/{upcoming['id']}", headers=upcoming_owner.headers)
    assert still.json()["status"] == "booked"
    assert await OutboxEvent.filter(aggregate_id=str(missed.id),
                                    event_type="appointment.no_show").count() == 1


async def test_a_booking_on_a_day_the_hall_closed_ends_cancelled_not_as_a_no_show(client, rt, appointment_desk, cli):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=-2))
    owner = await resident_session(rt)
    flagged = await make_appointment(resident=await User.get(id=owner.id), item=appointment_desk.item, slot=slot)
    await Appointment.filter(id=flagged.id).update(calendar_conflict=True)

    swept = cli("sweep-no-shows")

    assert "no-shows marked: 0" in swept
    shown = (await client.get(f"/api/v1/appointments/{flagged.id}", headers=owner.headers)).json()
    assert (shown["status"], shown["calendar_conflict"]) == ("cancelled", True)
    assert [e.payload["reason"] for e in await OutboxEvent.filter(aggregate_id=str(flagged.id))] == ["hall_closed"]
    # Not counted against the resident: the item can be booked again at once.
    again = await book(client, owner, item_id=appointment_desk.item.id,
                       slot_id=(await make_slot(hall=appointment_desk.hall)).id)
    assert again.status_code == 201, again.text
