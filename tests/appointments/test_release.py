"""Release at a set time: templates say when their slots open; booking before then is refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.ids import SHANGHAI, to_local, utcnow
from tests.builders import make_slot, resident_session
from tests.builders.appointments import book


async def test_a_template_release_time_is_materialised_on_each_slot(client, appointment_desk):
    hall = appointment_desk.hall.id
    headers = appointment_desk.manager.headers
    for weekday in range(1, 8):
        created = await client.post(f"/api/v1/halls/{hall}/slot-templates", headers=headers, json={
            "appointment_group": "G1", "weekday": weekday, "start": "09:00", "end": "09:30",
            "capacity": 3, "release_days_before": 7, "release_at": "07:00"})
        assert created.status_code == 201, created.text
        assert (created.json()["release_days_before"], created.json()["release_at"]) == (7, "07:00")

    await client.post(f"/api/v1/halls/{hall}/slots/materialize", headers=headers)

    today = to_local(utcnow()).date()
    listed = await client.get(f"/api/v1/halls/{hall}/slots", headers=headers, params={
        "day_from": today.isoformat(), "day_to": (today + timedelta(days=13)).isoformat()})
    rows = listed.json()["items"]
    assert rows
    for row in rows:
        day = date.fromisoformat(row["day"])
        expected = datetime.combine(day - timedelta(days=7), datetime.min.time(), tzinfo=SHANGHAI
                                    ) + timedelta(hours=7)
        assert datetime.fromisoformat(row["opens_at"]) == expected


async def test_booking_before_the_release_is_refused_with_the_time(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3),
                           opens_in=timedelta(hours=1))
    resident = await resident_session(rt)

    response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "APPOINTMENT_NOT_YET_OPEN"
    assert datetime.fromisoformat(error["details"]["opens_at"]) == slot.opens_at
    await slot.refresh_from_db()
    assert slot.booked == 0


async def test_availability_shows_when_a_slot_opens_and_booking_works_after(client, rt, appointment_desk):
    later = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3),
                            opens_in=timedelta(hours=1))
    released = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3, hours=1),
                               opens_in=-timedelta(minutes=1))
    day = to_local(later.starts_at).date().isoformat()

    response = await client.get("/api/v1/appointments/availability", params={
        "hall_id": str(appointment_desk.hall.id), "item_id": str(appointment_desk.item.id),
        "day_from": day, "day_to": day})

    rows = {r["id"]: r for r in response.json()["items"]}
    assert datetime.fromisoformat(rows[str(later.id)]["opens_at"]) == later.opens_at
    assert rows[str(later.id)]["opens_at"].endswith("+08:00")
    resident = await resident_session(rt)
    booked = await book(client, resident, item_id=appointment_desk.item.id, slot_id=released.id)
    assert booked.status_code == 201
