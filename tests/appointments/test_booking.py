"""Booking over HTTP: rules, idempotency, cancel, reschedule, my list."""

from __future__ import annotations

from datetime import timedelta

from app.ids import utcnow
from models.appointments import AppointmentStatus, Slot
from models.outbox import OutboxEvent
from models.users import User
from services.appointments import rules
from tests.builders import (
    make_appointment,
    make_service_item,
    make_slot,
    resident_session,
)
from tests.builders.appointments import book


async def _slot_state(client, appointment_desk, slot):
    day = slot.day.isoformat()
    response = await client.get(f"/api/v1/halls/{appointment_desk.hall.id}/slots",
                                params={"day_from": day, "day_to": day}, headers=appointment_desk.manager.headers)
    assert response.status_code == 200
    return next(s for s in response.json()["items"] if s["id"] == str(slot.id))


async def test_booking_holds_a_seat_and_records_confirmation_and_reminders(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=2))
    resident = await resident_session(rt)

    response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "booked" and body["slot_id"] == str(slot.id)
    assert body["starts_at"].endswith("+08:00") and body["qr_token"].count(".") == 2
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 1
    events = await OutboxEvent.filter(aggregate_id=body["id"]).values_list("event_type", "payload")
    kinds = sorted(e[0] if e[0] != "appointment.reminder" else e[1]["reminder"] for e in events)
    assert kinds == ["appointment.confirmed", "evening_before", "hour_before"]


async def test_retry_with_the_same_key_returns_the_same_booking(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)

    first = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="retry-key-1")
    again = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="retry-key-1")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 1


async def test_key_reused_for_another_item_is_refused(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    other_item = await make_service_item(appointment_group="G1")
    resident = await resident_session(rt)
    await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="shared-key-1")

    response = await book(client, resident, item_id=other_item.id, slot_id=slot.id, key="shared-key-1")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"


async def test_key_reused_for_another_slot_is_refused(client, rt, appointment_desk):
    slot, later = await make_slot(hall=appointment_desk.hall), await make_slot(
        hall=appointment_desk.hall, starts_in=timedelta(hours=4))
    resident = await resident_session(rt)
    await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="shared-key-2")

    response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=later.id, key="shared-key-2")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert (await _slot_state(client, appointment_desk, later))["booked"] == 0


async def test_key_reused_to_book_for_someone_else_is_refused(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)
    await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="shared-key-3")

    response = await client.post("/api/v1/appointments",
                                 headers={**resident.headers, "idempotency-key": "shared-key-3"},
                                 json={"item_id": str(appointment_desk.item.id), "slot_id": str(slot.id),
                                       "represented": {"name": "李四", "id_number": "110102198506124562",
                                                       "relation": "family"}})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"


async def test_idempotency_key_is_required_and_checked(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)
    payload = {"item_id": str(appointment_desk.item.id), "slot_id": str(slot.id)}

    missing = await client.post("/api/v1/appointments", json=payload, headers=resident.headers)
    bad = await client.post("/api/v1/appointments", json=payload,
                            headers={**resident.headers, "idempotency-key": "x y"})

    assert (missing.status_code, missing.json()["error"]["code"]) == (400, "IDEMPOTENCY_KEY_REQUIRED")
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "IDEMPOTENCY_KEY_INVALID")


async def test_one_active_booking_per_item(client, rt, appointment_desk):
    first_slot, second_slot = await make_slot(hall=appointment_desk.hall), await make_slot(
        hall=appointment_desk.hall, starts_in=timedelta(hours=4))
    resident = await resident_session(rt)
    await book(client, resident, item_id=appointment_desk.item.id, slot_id=first_slot.id)

    response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=second_slot.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "APPOINTMENT_DUPLICATE"
    assert (await _slot_state(client, appointment_desk, second_slot))["booked"] == 0


async def test_daily_limit(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=10)
    items = [await make_service_item(appointment_group="G1") for _ in range(3)]
    resident = await resident_session(rt)
    for item in items[:2]:
        assert (await book(client, resident, item_id=item.id, slot_id=slot.id)).status_code == 201

    response = await book(client, resident, item_id=items[2].id, slot_id=slot.id)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "APPOINTMENT_DAILY_LIMIT" and error["details"]["limit"] == 2


async def test_a_visit_checked_in_still_counts_towards_the_daily_limit(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=10, starts_in=timedelta(minutes=10))
    items = [await make_service_item(appointment_group="G1") for _ in range(3)]
    resident = await resident_session(rt)
    first = (await book(client, resident, item_id=items[0].id, slot_id=slot.id)).json()
    assert (await book(client, resident, item_id=items[1].id, slot_id=slot.id)).status_code == 201
    scanned = await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/check-ins",
                                json={"token": first["qr_token"]}, headers=appointment_desk.clerk.headers)
    assert scanned.status_code == 200, scanned.text

    response = await book(client, resident, item_id=items[2].id, slot_id=slot.id)

    assert response.json()["error"]["code"] == "APPOINTMENT_DAILY_LIMIT"
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 2


async def test_real_name_is_required_per_item(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    open_item = await make_service_item(appointment_group="G1", requires_realname=False)
    anonymous = await resident_session(rt, realname=False)

    refused = await book(client, anonymous, item_id=appointment_desk.item.id, slot_id=slot.id)
    allowed = await book(client, anonymous, item_id=open_item.id, slot_id=slot.id)

    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "REALNAME_REQUIRED")
    assert allowed.status_code == 201


async def test_unbookable_slots_are_refused_and_counts_stay_exact(client, rt, appointment_desk):
    full = await make_slot(hall=appointment_desk.hall, capacity=1, booked=1)
    past = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=-2))
    closed = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=4), is_closed=True)
    other_group = await make_slot(hall=appointment_desk.hall, appointment_group="G2")
    unbookable_item = await make_service_item(appointment_group=None)
    resident = await resident_session(rt)

    cases = [
        (full.id, appointment_desk.item.id, 409, "APPOINTMENT_SLOT_FULL"),
        (past.id, appointment_desk.item.id, 409, "APPOINTMENT_SLOT_PAST"),
        (closed.id, appointment_desk.item.id, 409, "APPOINTMENT_SLOT_CLOSED"),
        (other_group.id, appointment_desk.item.id, 422, "SLOT_NOT_FOR_ITEM"),
        ("no-such-slot", appointment_desk.item.id, 404, "SLOT_NOT_FOUND"),
        (full.id, "no-such-item", 404, "ITEM_NOT_FOUND"),
        (full.id, unbookable_item.id, 422, "ITEM_NOT_BOOKABLE"),
    ]
    for slot_id, item_id, status, code in cases:
        response = await book(client, resident, item_id=item_id, slot_id=slot_id)
        assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert (await _slot_state(client, appointment_desk, full))["booked"] == 1
    assert (await _slot_state(client, appointment_desk, past))["booked"] == 0


async def _book_after_no_shows(client, rt, appointment_desk, *, days_ago: tuple[int, ...]):
    """A resident with a no-show that many days ago for each entry books a fresh slot."""
    resident = await resident_session(rt)
    user = await User.get(id=resident.id)
    for days in days_ago:
        past = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=-days))
        item = await make_service_item(appointment_group="G1")
        await make_appointment(resident=user, item=item, slot=past, status=AppointmentStatus.NO_SHOW)
    slot = await make_slot(hall=appointment_desk.hall)
    return await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)


async def test_repeated_no_shows_block_booking_with_the_reason(client, rt, appointment_desk):
    response = await _book_after_no_shows(client, rt, appointment_desk, days_ago=(5, 10, 20))

    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "APPOINTMENT_BLOCKED_NO_SHOW"
    assert error["details"]["no_shows"] == 3 and error["details"]["blocked_until"].endswith("+08:00")


async def test_cancel_returns_the_seat(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    resident, other = await resident_session(rt), await resident_session(rt)
    booking = (await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)).json()

    not_yours = await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=other.headers)
    cancelled = await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=resident.headers)
    twice = await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=resident.headers)

    assert (not_yours.status_code, not_yours.json()["error"]["code"]) == (404, "APPOINTMENT_NOT_FOUND")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled" and cancelled.json()["qr_token"] is None
    assert (twice.status_code, twice.json()["error"]["code"]) == (409, "APPOINTMENT_NOT_ACTIVE")
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 0
    assert (await book(client, other, item_id=appointment_desk.item.id, slot_id=slot.id)).status_code == 201
    assert await OutboxEvent.filter(aggregate_id=booking["id"],
                                    event_type="appointment.cancelled").count() == 1


async def test_cancel_after_the_cutoff_is_refused(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(minutes=30))
    resident = await resident_session(rt)
    booking = (await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)).json()

    response = await client.post(f"/api/v1/appointments/{booking['id']}/cancel", headers=resident.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "APPOINTMENT_CHANGE_CUTOFF")
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 1


async def test_reschedule_moves_the_seat_and_reissues_the_code(client, rt, appointment_desk):
    old_slot = await make_slot(hall=appointment_desk.hall)
    new_slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=5))
    full_slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(hours=6), capacity=1, booked=1)
    resident = await resident_session(rt)
    booking = (await book(client, resident, item_id=appointment_desk.item.id, slot_id=old_slot.id)).json()
    url = f"/api/v1/appointments/{booking['id']}/reschedule"

    refused = await client.post(url, json={"slot_id": str(full_slot.id)}, headers=resident.headers)
    moved = await client.post(url, json={"slot_id": str(new_slot.id)}, headers=resident.headers)

    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "APPOINTMENT_SLOT_FULL")
    assert moved.status_code == 200
    assert moved.json()["slot_id"] == str(new_slot.id) and moved.json()["id"] == booking["id"]
    assert moved.json()["qr_token"] != booking["qr_token"]
    assert (await _slot_state(client, appointment_desk, old_slot))["booked"] == 0
    assert (await _slot_state(client, appointment_desk, new_slot))["booked"] == 1
    assert (await _slot_state(client, appointment_desk, full_slot))["booked"] == 1


async def test_my_appointments_are_paginated_newest_first(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=10)
    resident, other = await resident_session(rt), await resident_session(rt)
    items = [await make_service_item(appointment_group="G1", requires_realname=False) for _ in range(3)]
    booked = []
    for index, item in enumerate(items):
        later_slot = slot if index < 2 else await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=2))
        booked.append((await book(client, resident, item_id=item.id, slot_id=later_slot.id)).json()["id"])
    await book(client, other, item_id=items[0].id, slot_id=slot.id)

    first = (await client.get("/api/v1/appointments", params={"limit": 2}, headers=resident.headers)).json()
    second = (await client.get("/api/v1/appointments", params={"limit": 2, "cursor": first["next_cursor"]},
                               headers=resident.headers)).json()

    assert [a["id"] for a in first["items"] + second["items"]] == booked[::-1]
    assert second["next_cursor"] is None
    garbage = await client.get("/api/v1/appointments", params={"cursor": "bm90LWEtdXVpZA"},
                               headers=resident.headers)
    assert (garbage.status_code, garbage.json()["error"]["code"]) == (422, "INVALID_CURSOR")


async def test_retry_is_answered_after_the_slot_filled_closed_or_started(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    resident, latecomer = await resident_session(rt), await resident_session(rt)
    first = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="retry-after-1")
    # The latecomer's refusal also leaves the "slot full" hint in Redis.
    refused = await book(client, latecomer, item_id=appointment_desk.item.id, slot_id=slot.id)
    full_retry = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="retry-after-1")
    await Slot.filter(id=slot.id).update(is_closed=True, starts_at=utcnow() - timedelta(minutes=1))
    past_retry = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="retry-after-1")

    assert (first.status_code, refused.status_code) == (201, 409)
    assert (full_retry.status_code, past_retry.status_code) == (200, 200)
    assert full_retry.json()["id"] == past_retry.json()["id"] == first.json()["id"]


async def test_no_shows_older_than_the_window_do_not_block(client, rt, appointment_desk):
    response = await _book_after_no_shows(client, rt, appointment_desk, days_ago=(5, 10, 95))

    assert response.status_code == 201


async def test_daily_limit_counts_active_bookings_of_that_day_only(client, rt, appointment_desk):
    today, tomorrow = await make_slot(hall=appointment_desk.hall), await make_slot(
        hall=appointment_desk.hall, starts_in=timedelta(days=1, hours=3))
    items = [await make_service_item(appointment_group="G1") for _ in range(4)]
    resident = await resident_session(rt)
    user = await User.get(id=resident.id)
    await make_appointment(resident=user, item=items[0], slot=today)
    await make_appointment(resident=user, item=items[1], slot=today, status=AppointmentStatus.CANCELLED)
    await make_appointment(resident=user, item=items[2], slot=tomorrow)

    same_day = await book(client, resident, item_id=items[3].id, slot_id=today.id)

    assert same_day.status_code == 201


async def test_duplicate_caught_by_the_unique_constraint_is_reported_as_duplicate(
        client, rt, appointment_desk, monkeypatch):
    first_slot, second_slot = await make_slot(hall=appointment_desk.hall), await make_slot(
        hall=appointment_desk.hall, starts_in=timedelta(hours=4))
    resident = await resident_session(rt)
    await book(client, resident, item_id=appointment_desk.item.id, slot_id=first_slot.id)
    # As if the rules query raced with the other booking (several SQLite processes, no row lock).
    monkeypatch.setattr(rules, "bookings_for_rules", _sees_nothing)

    response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=second_slot.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "APPOINTMENT_DUPLICATE"
    assert (await _slot_state(client, appointment_desk, second_slot))["booked"] == 0


async def test_retry_caught_by_the_unique_key_constraint_is_answered_with_the_booking(
        client, rt, appointment_desk, monkeypatch):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)
    first = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="raced-key-1")
    monkeypatch.setattr(rules, "bookings_for_rules", _sees_nothing)

    again = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="raced-key-1")

    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert (await _slot_state(client, appointment_desk, slot))["booked"] == 1


async def _sees_nothing(**_: object) -> list:
    return []
