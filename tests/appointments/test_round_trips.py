"""Database statements of one booking, counted from Tortoise's query log (issue #5)."""

from __future__ import annotations

from tests.backends import POSTGRES_URL
from tests.builders import make_slot, resident_session
from tests.builders.appointments import book
from tests.support.statements import logged_statements


async def test_a_booking_is_four_statements_on_postgresql_and_five_on_sqlite(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    # The slot's first booking also builds its admission gate and caches what booking needs of the
    # item and of the slot (docs/release.md); every later one costs what is counted here.
    await book(client, await resident_session(rt), item_id=appointment_desk.item.id, slot_id=slot.id)
    resident = await resident_session(rt)

    with logged_statements() as sql:
        response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)

    assert response.status_code == 201
    # Under the lock: resident row, one rules query, the booking with its events
    # (on PostgreSQL one statement), and the seat last (its row lock is what concurrent bookings
    # of the slot wait for): on PostgreSQL sent with the COMMIT as one query, so that the lock is
    # not held across a round trip. SQLite (one writer, no round trips) writes them one by one.
    verbs = [statement.split(None, 1)[0] for statement in sql]
    if POSTGRES_URL:
        assert verbs[:2] == ["SELECT", "SELECT"] and len(sql) == 4, sql
        assert sql[2].startswith('WITH w0 AS (INSERT INTO "appointments"') and ' INSERT INTO "outbox_events"' in sql[2]
        assert sql[-1].startswith('WITH changed AS (UPDATE "slots" SET "booked"="booked"+1') and sql[-1].endswith(
            "; COMMIT"), sql
    else:
        assert verbs == ["SELECT", "SELECT", "INSERT", "INSERT", "UPDATE"], sql
