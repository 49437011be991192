"""Slot publishing by hall managers: templates, materialisation, exceptions, capacity, availability."""

from __future__ import annotations

from datetime import date, timedelta

from app.ids import to_local, utcnow
from models.staff import StaffRoleName
from services import calendar
from services.appointments.slots import local_window
from tests.builders import make_hall, make_slot, resident_session
from tests.builders.appointments import book, hall_staff

NINE = 9 * 60


def _today() -> date:
    return to_local(utcnow()).date()


async def _expected_days(hall_id, horizon: int = 14) -> list[date]:
    """Working days in the horizon whose 09:00 window has not started yet."""
    days = [_today() + timedelta(days=offset) for offset in range(horizon)]
    return [d for d in days if await calendar.is_working_day(day=d, hall_id=hall_id)
            and local_window(d, NINE, NINE + 30)[0] > utcnow()]


async def _publish_every_weekday(client, hall_id, headers, *, group: str = "G1", capacity: int = 3):
    for weekday in range(1, 8):
        response = await client.post(f"/api/v1/halls/{hall_id}/slot-templates", headers=headers, json={
            "appointment_group": group, "weekday": weekday, "start": "09:00", "end": "09:30",
            "capacity": capacity})
        assert response.status_code == 201, response.text


async def _slots(client, appointment_desk, day_from: date, day_to: date) -> list[dict]:
    response = await client.get(f"/api/v1/halls/{appointment_desk.hall.id}/slots",
                                headers=appointment_desk.manager.headers,
                                params={"day_from": day_from.isoformat(), "day_to": day_to.isoformat()})
    assert response.status_code == 200
    return response.json()["items"]


async def test_materialisation_follows_templates_and_working_days_and_is_idempotent(client, appointment_desk):
    await _publish_every_weekday(client, appointment_desk.hall.id, appointment_desk.manager.headers)
    url = f"/api/v1/halls/{appointment_desk.hall.id}/slots/materialize"

    first = await client.post(url, headers=appointment_desk.manager.headers)
    second = await client.post(url, headers=appointment_desk.manager.headers)

    expected = await _expected_days(appointment_desk.hall.id)
    assert first.json() == {"created": len(expected)}
    assert second.json() == {"created": 0}
    listed = await _slots(client, appointment_desk, _today(), _today() + timedelta(days=13))
    assert [date.fromisoformat(s["day"]) for s in listed] == expected
    assert all(s["starts_at"].endswith("T09:00:00+08:00") and s["capacity"] == 3 for s in listed)


async def test_the_cli_job_materialises_every_hall(client, rt, appointment_desk, cli):
    second_hall = await make_hall()
    second_manager = await hall_staff(rt, hall=second_hall, role=StaffRoleName.HALL_MANAGER)
    await _publish_every_weekday(client, appointment_desk.hall.id, appointment_desk.manager.headers)
    await _publish_every_weekday(client, second_hall.id, second_manager.headers, group="G2")

    first = cli("materialize-slots")
    again = cli("materialize-slots")

    total = len(await _expected_days(appointment_desk.hall.id)) + len(await _expected_days(second_hall.id))
    assert f"slots created: {total}" in first
    assert "slots created: 0" in again


async def test_only_the_halls_own_manager_publishes(client, rt, appointment_desk):
    other_hall = await make_hall()
    template = {"appointment_group": "G1", "weekday": 1, "start": "09:00", "end": "09:30", "capacity": 3}

    by_clerk = await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/slot-templates", json=template,
                                 headers=appointment_desk.clerk.headers)
    other = await client.post(f"/api/v1/halls/{other_hall.id}/slot-templates", json=template,
                              headers=appointment_desk.manager.headers)
    unknown = await client.post("/api/v1/halls/nope/slot-templates", json=template,
                                headers=appointment_desk.manager.headers)

    assert (by_clerk.status_code, other.status_code, unknown.status_code) == (403, 403, 404)
    assert unknown.json()["error"]["code"] == "HALL_NOT_FOUND"


async def test_bad_templates_are_refused(client, appointment_desk):
    url = f"/api/v1/halls/{appointment_desk.hall.id}/slot-templates"
    good = {"appointment_group": "G1", "weekday": 1, "start": "09:00", "end": "09:30", "capacity": 3}
    bad_cases = [{**good, "end": "08:00"}, {**good, "weekday": 8}, {**good, "start": "9am"},
                 {**good, "capacity": 0}, {**good, "extra": 1},
                 {**good, "valid_from": "2026-12-10", "valid_until": "2026-12-01"}]
    for bad in bad_cases:
        response = await client.post(url, json=bad, headers=appointment_desk.manager.headers)
        assert response.status_code == 422, bad
    assert (await client.post(url, json=good, headers=appointment_desk.manager.headers)).status_code == 201
    duplicate = await client.post(url, json=good, headers=appointment_desk.manager.headers)
    assert (duplicate.status_code, duplicate.json()["error"]["code"]) == (409, "SLOT_TEMPLATE_EXISTS")


async def test_closing_a_day_closes_free_slots_and_refuses_booked_ones(client, rt, appointment_desk):
    free = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3))
    busy = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=4))
    resident = await resident_session(rt)
    assert (await book(client, resident, item_id=appointment_desk.item.id, slot_id=busy.id)).status_code == 201
    url = f"/api/v1/halls/{appointment_desk.hall.id}/slot-exceptions"

    closed = await client.post(url, json={"day": free.day.isoformat(), "kind": "closed", "reason": "停电检修"},
                               headers=appointment_desk.manager.headers)
    refused = await client.post(url, json={"day": busy.day.isoformat(), "kind": "closed"},
                                headers=appointment_desk.manager.headers)

    assert closed.status_code == 201
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "SLOT_HAS_BOOKINGS")
    assert [s["is_closed"] for s in await _slots(client, appointment_desk, free.day, free.day)] == [True]
    assert [s["is_closed"] for s in await _slots(client, appointment_desk, busy.day, busy.day)] == [False]


async def test_an_extra_session_is_bookable_at_once(client, rt, appointment_desk):
    day = _today() + timedelta(days=2)
    url = f"/api/v1/halls/{appointment_desk.hall.id}/slot-exceptions"

    response = await client.post(url, headers=appointment_desk.manager.headers, json={
        "day": day.isoformat(), "kind": "extra", "appointment_group": "G1",
        "window": {"start": "18:00", "end": "19:00", "capacity": 2}})
    incomplete = await client.post(url, headers=appointment_desk.manager.headers,
                                   json={"day": day.isoformat(), "kind": "extra"})

    assert response.status_code == 201 and incomplete.status_code == 422
    [slot] = await _slots(client, appointment_desk, day, day)
    assert slot["starts_at"].endswith("T18:00:00+08:00") and slot["capacity"] == 2


async def test_capacity_cannot_go_below_what_is_booked(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=3)
    for _ in range(2):
        assert (await book(client, await resident_session(rt), item_id=appointment_desk.item.id,
                           slot_id=slot.id)).status_code == 201
    url = f"/api/v1/slots/{slot.id}"

    below = await client.patch(url, json={"capacity": 1}, headers=appointment_desk.manager.headers)
    equal = await client.patch(url, json={"capacity": 2}, headers=appointment_desk.manager.headers)
    by_clerk = await client.patch(url, json={"capacity": 5}, headers=appointment_desk.clerk.headers)
    other_manager = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.HALL_MANAGER)
    by_other_hall = await client.patch(url, json={"capacity": 5}, headers=other_manager.headers)

    assert (below.status_code, below.json()["error"]["code"]) == (409, "SLOT_CAPACITY_BELOW_BOOKED")
    assert below.json()["error"]["details"]["booked"] == 2
    assert equal.status_code == 200 and equal.json()["capacity"] == 2
    assert by_clerk.status_code == 403 and by_other_hall.status_code == 403


async def test_availability_lists_open_future_slots_with_remaining_seats(client, rt, appointment_desk):
    open_slot = await make_slot(hall=appointment_desk.hall, capacity=4, booked=1)
    await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=4), is_closed=True)
    await make_slot(hall=appointment_desk.hall, starts_in=timedelta(minutes=-40))
    await make_slot(hall=appointment_desk.hall, appointment_group="G2", starts_in=timedelta(hours=5))
    today = _today()
    params = {"hall_id": str(appointment_desk.hall.id), "item_id": str(appointment_desk.item.id),
              "day_from": today.isoformat(), "day_to": (today + timedelta(days=1)).isoformat()}

    response = await client.get("/api/v1/appointments/availability", params=params)
    too_long = await client.get("/api/v1/appointments/availability",
                                params={**params, "day_to": (today + timedelta(days=40)).isoformat()})

    assert response.status_code == 200
    assert [(s["id"], s["remaining"]) for s in response.json()["items"]] == [(str(open_slot.id), 3)]
    assert (too_long.status_code, too_long.json()["error"]["code"]) == (422, "INVALID_DATE_RANGE")


async def test_template_capacity_follows_to_future_slots_all_or_nothing(client, rt, appointment_desk):
    await _publish_every_weekday(client, appointment_desk.hall.id, appointment_desk.manager.headers, capacity=3)
    await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/slots/materialize",
                      headers=appointment_desk.manager.headers)
    listed = await _slots(client, appointment_desk, _today(), _today() + timedelta(days=13))
    target = listed[0]
    templates = (await client.get(f"/api/v1/halls/{appointment_desk.hall.id}/slot-templates",
                                  headers=appointment_desk.manager.headers)).json()["items"]
    weekday = date.fromisoformat(target["day"]).isoweekday()
    template = next(t for t in templates if t["weekday"] == weekday)
    for _ in range(2):
        assert (await book(client, await resident_session(rt), item_id=appointment_desk.item.id,
                           slot_id=target["id"])).status_code == 201
    url = f"/api/v1/slot-templates/{template['id']}"

    refused = await client.patch(url, json={"capacity": 1}, headers=appointment_desk.manager.headers)
    unchanged = await _slots(client, appointment_desk, _today(), _today() + timedelta(days=13))
    grown = await client.patch(url, json={"capacity": 6}, headers=appointment_desk.manager.headers)
    after = await _slots(client, appointment_desk, _today(), _today() + timedelta(days=13))

    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "SLOT_CAPACITY_BELOW_BOOKED")
    assert refused.json()["error"]["details"]["slots"] == [{"slot_id": target["id"], "booked": 2}]
    assert {s["capacity"] for s in unchanged} == {3}
    assert grown.status_code == 200 and grown.json()["capacity"] == 6
    same_weekday = [s for s in after if date.fromisoformat(s["day"]).isoweekday() == weekday]
    assert {s["capacity"] for s in same_weekday} == {6}
    assert {s["capacity"] for s in after if s not in same_weekday} <= {3}
