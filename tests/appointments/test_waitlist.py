"""The waiting list (候补, docs/release.md): a cancellation reaches the first in line with a held
seat nobody else can take, a lapsed hold moves on, and bad input gets stable 4xx codes."""

from __future__ import annotations

from datetime import timedelta

from app import periodic
from app.ids import utcnow
from models.appointments import Slot, WaitlistEntry
from models.outbox import OutboxEvent
from tests.builders import make_slot, resident_session
from tests.builders.appointments import book


async def _full_slot(client, rt, desk) -> tuple[Slot, object, str]:
    """A slot of one seat, booked: its holder and the booking's id."""
    slot = await make_slot(hall=desk.hall, capacity=1)
    holder = await resident_session(rt)
    booked = await book(client, holder, item_id=desk.item.id, slot_id=slot.id)
    assert booked.status_code == 201
    return slot, holder, booked.json()["id"]


async def _join(client, who, **target):
    return await client.post("/api/v1/waitlist", json=target, headers=who.headers)


async def _mine(client, who) -> list[dict]:
    listed = await client.get("/api/v1/waitlist", headers=who.headers)
    assert listed.status_code == 200
    return listed.json()["items"]


async def _offers_to(resident_id: str) -> int:
    offers = await OutboxEvent.filter(event_type="waitlist.offered").values_list("payload", flat=True)
    return sum(payload["resident_id"] == resident_id for payload in offers)


async def test_a_cancellation_reaches_the_first_in_line_and_the_hold_keeps_the_seat(
        client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    first, second, outsider = [await resident_session(rt) for _ in range(3)]
    joined = await _join(client, first, item_id=str(desk.item.id), slot_id=str(slot.id))
    assert joined.status_code == 201 and joined.json()["position"] == 1
    # The second waits for any slot of the group that day: behind the first for this seat.
    second_joined = await _join(client, second, item_id=str(desk.item.id), hall_id=str(desk.hall.id),
                                day=slot.day.isoformat())
    assert second_joined.json()["position"] == 2

    cancelled = await client.post(f"/api/v1/appointments/{appointment_id}/cancel", headers=holder.headers)
    assert cancelled.status_code == 200

    [offer] = await _mine(client, first)
    assert offer["status"] == "offered" and offer["offered_slot_id"] == str(slot.id)
    assert offer["hold_until"] is not None
    assert await _offers_to(first.id) == 1 and await _offers_to(second.id) == 0
    assert (await _mine(client, second))[0]["position"] == 1
    # Held: the freed seat is not anyone else's to book.
    taken = await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)
    assert taken.json()["error"]["code"] == "APPOINTMENT_SLOT_FULL"

    accepted = await client.post(f"/api/v1/waitlist/{offer['id']}/accept", headers=first.headers)
    assert accepted.status_code == 201 and accepted.json()["slot_id"] == str(slot.id)
    again = await client.post(f"/api/v1/waitlist/{offer['id']}/accept", headers=first.headers)
    assert again.json()["id"] == accepted.json()["id"]
    await slot.refresh_from_db()
    assert slot.booked == 1
    assert await _mine(client, first) == []


async def test_a_lapsed_hold_moves_to_the_next_and_a_late_accept_is_refused(
        client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    first, second = [await resident_session(rt) for _ in range(2)]
    for who in (first, second):
        assert (await _join(client, who, item_id=str(desk.item.id), slot_id=str(slot.id))).status_code == 201
    await client.post(f"/api/v1/appointments/{appointment_id}/cancel", headers=holder.headers)
    [offer] = await _mine(client, first)

    await WaitlistEntry.filter(id=offer["id"]).update(hold_until=utcnow() - timedelta(seconds=1))
    await periodic.sweep_waitlist(rt)

    late = await client.post(f"/api/v1/waitlist/{offer['id']}/accept", headers=first.headers)
    assert late.status_code == 409 and late.json()["error"]["code"] == "WAITLIST_HOLD_LAPSED"
    [moved] = await _mine(client, second)
    assert moved["status"] == "offered" and await _offers_to(second.id) == 1
    accepted = await client.post(f"/api/v1/waitlist/{moved['id']}/accept", headers=second.headers)
    assert accepted.status_code == 201
    await slot.refresh_from_db()
    assert slot.booked == 1


async def test_a_declined_seat_with_nobody_waiting_goes_back_to_everyone(
        client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    first, outsider = [await resident_session(rt) for _ in range(2)]
    await _join(client, first, item_id=str(desk.item.id), slot_id=str(slot.id))
    await client.post(f"/api/v1/appointments/{appointment_id}/cancel", headers=holder.headers)
    [offer] = await _mine(client, first)

    declined = await client.post(f"/api/v1/waitlist/{offer['id']}/decline", headers=first.headers)

    assert declined.json()["status"] == "declined"
    assert (await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)).status_code == 201


async def test_an_offer_for_a_slot_closed_meanwhile_is_refused(client, rt, appointment_desk):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    first = await resident_session(rt)
    await _join(client, first, item_id=str(desk.item.id), slot_id=str(slot.id))
    await client.post(f"/api/v1/appointments/{appointment_id}/cancel", headers=holder.headers)
    [offer] = await _mine(client, first)
    await Slot.filter(id=slot.id).update(is_closed=True)

    refused = await client.post(f"/api/v1/waitlist/{offer['id']}/accept", headers=first.headers)

    assert refused.status_code == 409 and refused.json()["error"]["code"] == "WAITLIST_SLOT_CLOSED"
    await slot.refresh_from_db()
    assert slot.booked == 0


async def test_bad_joins_get_stable_codes(client, rt, appointment_desk):
    desk = appointment_desk
    open_slot = await make_slot(hall=desk.hall, capacity=2, starts_in=timedelta(hours=4))
    past = await make_slot(hall=desk.hall, starts_in=timedelta(hours=-2))
    slot, _, _ = await _full_slot(client, rt, desk)
    who = await resident_session(rt)
    item = str(desk.item.id)

    async def code(**target) -> tuple[int, str]:
        answer = await _join(client, who, **target)
        return answer.status_code, answer.json()["error"]["code"]

    assert await code(item_id=item, slot_id=str(open_slot.id)) == (409, "WAITLIST_SLOT_OPEN")
    assert await code(item_id=item, slot_id=str(past.id)) == (409, "APPOINTMENT_SLOT_PAST")
    assert await code(item_id=item) == (422, "WAITLIST_TARGET_INVALID")
    assert await code(item_id=item, hall_id=str(desk.hall.id),
                      day=(utcnow() - timedelta(days=2)).date().isoformat()) == (422, "WAITLIST_DAY_PAST")
    assert (await _join(client, who, item_id=item, slot_id=str(slot.id))).status_code == 201
    assert await code(item_id=item, slot_id=str(slot.id)) == (409, "WAITLIST_DUPLICATE")
    assert await WaitlistEntry.filter(resident_id=who.id).count() == 1


async def test_added_capacity_is_offered_to_the_line(client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot, _, _ = await _full_slot(client, rt, desk)
    first, outsider = [await resident_session(rt) for _ in range(2)]
    await _join(client, first, item_id=str(desk.item.id), hall_id=str(desk.hall.id), day=slot.day.isoformat())

    raised = await client.patch(f"/api/v1/slots/{slot.id}", json={"capacity": 2},
                                headers=desk.manager.headers)

    assert raised.status_code == 200
    [offer] = await _mine(client, first)
    assert offer["status"] == "offered" and offer["offered_slot_id"] == str(slot.id)
    taken = await book(client, outsider, item_id=desk.item.id, slot_id=slot.id)
    assert taken.json()["error"]["code"] == "APPOINTMENT_SLOT_FULL"


async def test_a_reschedule_away_offers_the_seat_skipping_who_booked_the_item_meanwhile(
        client, rt, appointment_desk, booking_gate):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    later = await make_slot(hall=desk.hall, capacity=3, starts_in=timedelta(hours=4))
    served, first = [await resident_session(rt) for _ in range(2)]
    for who in (served, first):
        await _join(client, who, item_id=str(desk.item.id), slot_id=str(slot.id))
    assert (await book(client, served, item_id=desk.item.id, slot_id=later.id)).status_code == 201

    moved = await client.post(f"/api/v1/appointments/{appointment_id}/reschedule",
                              json={"slot_id": str(later.id)}, headers=holder.headers)

    assert moved.status_code == 200
    assert await _mine(client, served) == []
    [offer] = await _mine(client, first)
    assert offer["status"] == "offered" and await _offers_to(served.id) == 0


async def test_the_sweep_command_passes_a_lapsed_hold_on(client, rt, appointment_desk, cli):
    desk = appointment_desk
    slot, holder, appointment_id = await _full_slot(client, rt, desk)
    first, second = [await resident_session(rt) for _ in range(2)]
    for who in (first, second):
        await _join(client, who, item_id=str(desk.item.id), slot_id=str(slot.id))
    await client.post(f"/api/v1/appointments/{appointment_id}/cancel", headers=holder.headers)
    [offer] = await _mine(client, first)
    await WaitlistEntry.filter(id=offer["id"]).update(hold_until=utcnow() - timedelta(seconds=1))

    assert "waiting-list entries changed: 1" in cli("sweep-waitlist")

    assert (await _mine(client, second))[0]["status"] == "offered"
    assert await _mine(client, first) == []
