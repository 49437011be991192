"""Bookings are counted in /metrics by outcome: booked, replayed, or the refusal's code."""

from __future__ import annotations

from tests.builders import make_slot, resident_session
from tests.builders.appointments import book
from tests.support.metrics import growth


async def test_bookings_are_counted_by_outcome(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)
    before = (await client.get("/metrics")).text

    assert (await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="metric-key-1")
            ).status_code == 201
    assert (await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="metric-key-1")
            ).status_code == 200
    duplicate = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id, key="metric-key-2")
    assert duplicate.status_code == 409
    after = (await client.get("/metrics")).text

    assert growth(before, after, "hdt_bookings_total", outcome="booked") == 1
    assert growth(before, after, "hdt_bookings_total", outcome="replayed") == 1
    assert growth(before, after, "hdt_bookings_total",
                  outcome=duplicate.json()["error"]["code"]) == 1
