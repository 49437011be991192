"""Bookings the gate let in, written for a slot in groups (services/appointments/group_commit.py):
each gets its own booking and messages, the rules still hold one resident and one person at a
time, and a group the database refuses is decided again booking by booking."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest

from models.appointments import Appointment, AppointmentStatus, Slot
from models.outbox import OutboxEvent
from services.events import EventType
from tests import backends
from tests.builders import (
    distinct_id_number,
    login_resident,
    make_appointment,
    make_resident,
    make_service_item,
    make_slot,
    resident_session,
)
from tests.builders.appointments import book
from tests.support.metrics import growth

pytestmark = pytest.mark.skipif(backends.POSTGRES_URL is None,
                                reason="groups are written on PostgreSQL's fast path; SQLite books one at a time")


@pytest.fixture(autouse=True)
def gate_on(rt) -> Iterator[None]:
    original = rt.settings
    rt.settings = original.model_copy(update={"appointment_gate": True})
    yield
    rt.settings = original


def _outcome(response) -> int | str:
    return response.status_code if response.status_code < 400 else response.json()["error"]["code"]


async def test_concurrent_bookings_of_a_slot_are_written_in_groups_each_with_its_own_messages(
        client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=40)
    residents = [await resident_session(rt) for _ in range(40)]
    before = (await client.get("/metrics")).text

    responses = await asyncio.gather(*(book(client, r, item_id=appointment_desk.item.id, slot_id=slot.id)
                                       for r in residents))

    assert Counter(map(_outcome, responses)) == {201: 40}
    after = (await client.get("/metrics")).text
    in_groups = growth(before, after, "hdt_booking_group_size_sum")
    groups = growth(before, after, "hdt_booking_group_size_count")
    assert groups >= 1 and in_groups > groups  # some were written together, many to a transaction
    booked = {r.json()["id"] for r in responses}
    stored = await Appointment.filter(slot_id=slot.id)
    assert {str(a.id) for a in stored} == booked
    assert {str(a.resident_id) for a in stored} == {str(r.id) for r in residents}
    confirmed = await OutboxEvent.filter(event_type=EventType.APPOINTMENT_CONFIRMED.value,
                                         aggregate_id__in=list(booked)).count()
    assert confirmed == 40
    assert (await Slot.get(id=slot.id)).booked == 40


async def test_a_refusal_in_a_group_refuses_that_booking_only(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=30)
    elsewhere = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=1))
    already = await make_resident(rt, realname=True, id_number=distinct_id_number())
    await make_appointment(resident=already, item=appointment_desk.item, slot=elsewhere)
    absent = await make_resident(rt, realname=True, id_number=distinct_id_number())
    for days in (5, 10, 20):
        past = await make_slot(hall=appointment_desk.hall, starts_in=timedelta(days=-days))
        await make_appointment(resident=absent, item=await make_service_item(appointment_group="G1"), slot=past,
                               status=AppointmentStatus.NO_SHOW)
    others = [await resident_session(rt) for _ in range(20)]
    everyone = [await login_resident(rt, already), await login_resident(rt, absent), *others]

    responses = await asyncio.gather(*(book(client, r, item_id=appointment_desk.item.id, slot_id=slot.id)
                                       for r in everyone))

    assert _outcome(responses[0]) == "APPOINTMENT_DUPLICATE"
    assert _outcome(responses[1]) == "APPOINTMENT_BLOCKED_NO_SHOW"
    assert Counter(map(_outcome, responses[2:])) == {201: 20}
    assert (await Slot.get(id=slot.id)).booked == 20


async def test_one_residents_requests_in_a_group_book_once(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=30)
    retrying, many_keys = await resident_session(rt), await resident_session(rt)
    others = [await resident_session(rt) for _ in range(20)]
    item = appointment_desk.item.id
    own = [book(client, retrying, item_id=item, slot_id=slot.id, key="retried-key-1") for _ in range(4)]
    own += [book(client, many_keys, item_id=item, slot_id=slot.id, key=f"one-of-many-{n}") for n in range(4)]

    responses = await asyncio.gather(*(book(client, r, item_id=item, slot_id=slot.id) for r in others[:10]),
                                     *own, *(book(client, r, item_id=item, slot_id=slot.id) for r in others[10:]))

    retries, keys = responses[10:14], responses[14:18]
    assert sorted(map(_outcome, retries)) == [200, 200, 200, 201]  # each retry is answered with the booking
    assert len({r.json()["id"] for r in retries}) == 1
    assert sorted(map(_outcome, keys), key=str) == [201, *["APPOINTMENT_DUPLICATE"] * 3]
    assert Counter(map(_outcome, responses[:10] + responses[18:])) == {201: 20}
    assert await Appointment.filter(resident_id__in=[retrying.id, many_keys.id]).count() == 2
    assert (await Slot.get(id=slot.id)).booked == 22


async def test_a_group_the_database_has_no_seats_for_is_decided_booking_by_booking(
        client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall, capacity=10)
    first = await resident_session(rt)
    assert _outcome(await book(client, first, item_id=appointment_desk.item.id, slot_id=slot.id)) == 201
    # The gate still counts nine seats; the database (the source of truth) has two.
    await Slot.filter(id=slot.id).update(booked=8)
    residents = [await resident_session(rt) for _ in range(9)]

    responses = await asyncio.gather(*(book(client, r, item_id=appointment_desk.item.id, slot_id=slot.id)
                                       for r in residents))

    assert Counter(map(_outcome, responses)) == {201: 2, "APPOINTMENT_SLOT_FULL": 7}
    assert (await Slot.get(id=slot.id)).booked == 10
