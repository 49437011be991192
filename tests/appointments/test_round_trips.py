"""Database statements of one booking, counted from Tortoise's query log (issue #5)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from tests.builders import make_slot, resident_session
from tests.builders.appointments import book


class _Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.sql.append(str(record.args[0]) if record.args else record.getMessage())


@contextmanager
def _logged_statements() -> Iterator[list[str]]:
    logger = logging.getLogger("tortoise.db_client")
    handler, level = _Statements(), logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def test_a_booking_takes_seven_statements_besides_begin_and_commit(client, rt, appointment_desk):
    slot = await make_slot(hall=appointment_desk.hall)
    resident = await resident_session(rt)

    with _logged_statements() as sql:
        response = await book(client, resident, item_id=appointment_desk.item.id, slot_id=slot.id)

    assert response.status_code == 201
    # item, slot; then under the lock: resident row, one rules query, booking, events, and the
    # seat last (its row lock is what concurrent bookings of the slot wait for).
    verbs = [statement.split(None, 1)[0] for statement in sql]
    assert verbs == ["SELECT", "SELECT", "SELECT", "SELECT", "INSERT", "INSERT", "UPDATE"], sql
