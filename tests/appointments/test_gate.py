"""The admission gate in Redis (docs/release.md): exact capacity with the gate on and off, seats
given back by failed bookings, a rebuild after a flush, and losers answered without the database."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from app import periodic
from tests.builders import login_resident, make_appointment, make_resident, make_slot, resident_session
from tests.builders.appointments import book
from tests.support.statements import logged_statements


async def _race(client, rt, desk, slot, residents: int) -> Counter:
    sessions = [await resident_session(rt) for _ in range(residents)]
    responses = await asyncio.gather(*(book(client, r, item_id=desk.item.id, slot_id=slot.id)
                                       for r in sessions))
    return Counter(r.status_code if r.status_code != 409 else r.json()["error"]["code"]
                   for r in responses)


async def test_a_failed_booking_gives_its_seat_back(client, rt, appointment_desk, booking_gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    elsewhere = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=1))
    duplicate = await make_resident(rt, realname=True)
    await make_appointment(resident=duplicate, item=appointment_desk.item, slot=elsewhere)
    holder = await login_resident(rt, duplicate)

    # Passes the gate (a seat is taken there), then the transaction refuses: one booking per item.
    refused = await book(client, holder, item_id=appointment_desk.item.id, slot_id=slot.id)
    assert refused.json()["error"]["code"] == "APPOINTMENT_DUPLICATE"

    assert await _race(client, rt, appointment_desk, slot, 20) == {201: 1, "APPOINTMENT_SLOT_FULL": 19}
    await slot.refresh_from_db()
    assert slot.booked == 1


async def test_after_a_redis_flush_the_gate_is_rebuilt_and_books_exactly_the_capacity(
        client, rt, appointment_desk, booking_gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=10)
    assert await _race(client, rt, appointment_desk, slot, 4) == {201: 4}

    await rt.redis.flushdb()

    assert await _race(client, rt, appointment_desk, slot, 60) == {201: 6, "APPOINTMENT_SLOT_FULL": 54}
    await slot.refresh_from_db()
    assert slot.booked == 10


async def test_a_cancelled_seat_goes_back_through_the_gate(client, rt, appointment_desk, booking_gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    first = await resident_session(rt)
    booked = await book(client, first, item_id=appointment_desk.item.id, slot_id=slot.id)
    assert await _race(client, rt, appointment_desk, slot, 3) == {"APPOINTMENT_SLOT_FULL": 3}

    cancelled = await client.post(f"/api/v1/appointments/{booked.json()['id']}/cancel",
                                  headers=first.headers)

    assert cancelled.status_code == 200
    assert await _race(client, rt, appointment_desk, slot, 3) == {201: 1, "APPOINTMENT_SLOT_FULL": 2}


async def test_a_capacity_change_reaches_the_gate(client, rt, appointment_desk, booking_gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    assert await _race(client, rt, appointment_desk, slot, 2) == {201: 1, "APPOINTMENT_SLOT_FULL": 1}

    raised = await client.patch(f"/api/v1/slots/{slot.id}", json={"capacity": 3},
                                headers=appointment_desk.manager.headers)

    assert raised.status_code == 200
    assert await _race(client, rt, appointment_desk, slot, 5) == {201: 2, "APPOINTMENT_SLOT_FULL": 3}


async def test_a_slot_closed_after_its_facts_were_kept_is_refused_as_closed(client, rt, appointment_desk,
                                                                           booking_gate):
    """A booking the gate admits takes the slot's unchanging facts from memory and leaves whether it
    is closed to the seat update: a day closed after the slot's first booking was cancelled is
    still refused as closed, and the seat goes back to the gate."""
    slot = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=3), capacity=2)
    first = await resident_session(rt)
    booked = await book(client, first, item_id=appointment_desk.item.id, slot_id=slot.id)
    await client.post(f"/api/v1/appointments/{booked.json()['id']}/cancel", headers=first.headers)
    closed = await client.post(f"/api/v1/halls/{appointment_desk.hall.id}/slot-exceptions",
                               json={"day": slot.day.isoformat(), "kind": "closed"},
                               headers=appointment_desk.manager.headers)
    assert closed.status_code == 201

    # One after another: each is admitted (the gate has seats), refused, and gives its seat back.
    for _ in range(3):
        refused = await book(client, await resident_session(rt), item_id=appointment_desk.item.id, slot_id=slot.id)
        assert (refused.status_code, refused.json()["error"]["code"]) == (409, "APPOINTMENT_SLOT_CLOSED")
    await slot.refresh_from_db()
    assert (slot.booked, slot.is_closed) == (0, True)


async def test_a_full_slot_is_answered_without_the_database_when_the_gate_is_on(
        client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    await _race(client, rt, appointment_desk, slot, 2)
    loser = await resident_session(rt)

    with logged_statements() as sql:
        response = await book(client, loser, item_id=appointment_desk.item.id, slot_id=slot.id)

    assert response.json()["error"]["code"] == "APPOINTMENT_SLOT_FULL"
    assert sql == []


async def test_the_winner_retrying_after_the_slot_filled_gets_its_booking(client, rt, appointment_desk,
                                                                          booking_gate):
    slot = await make_slot(hall=appointment_desk.hall, capacity=1)
    winner = await resident_session(rt)
    first = await book(client, winner, item_id=appointment_desk.item.id, slot_id=slot.id, key="winner-key-1")

    again = await book(client, winner, item_id=appointment_desk.item.id, slot_id=slot.id, key="winner-key-1")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]


async def test_a_stale_full_gate_is_reconciled_from_the_database(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=2)
    assert await _race(client, rt, appointment_desk, slot, 3) == {201: 2, "APPOINTMENT_SLOT_FULL": 1}
    # A seat freed in the database alone, as when the cancellation could not reach Redis.
    slot.booked = 1
    await slot.save(update_fields=["booked"])
    assert await _race(client, rt, appointment_desk, slot, 2) == {"APPOINTMENT_SLOT_FULL": 2}

    # The job production runs from cron (``reconcile-booking-gates``); the embedded Redis lives
    # in this process, so the test runs it here rather than as a command.
    await periodic.reconcile_booking_gates(rt)

    assert await _race(client, rt, appointment_desk, slot, 2) == {201: 1, "APPOINTMENT_SLOT_FULL": 1}
