"""Domain events, written in the same transaction as the change that causes them."""

from __future__ import annotations

from typing import Any, NamedTuple

from app.fastpath.sql import create_row, insert_rows
from models.outbox import OutboxEvent
from services.events import EventType


class Event(NamedTuple):
    """One event to record: what happened, to which aggregate, and its details."""

    event_type: EventType
    aggregate_id: str
    payload: dict[str, Any]


async def emit(*, event_type: EventType, aggregate_id: str, payload: dict[str, Any]) -> OutboxEvent:
    """Record an event; call inside the ``in_transaction()`` block of the state change."""
    # Refused, not stored, if it is no EventType: nothing would ever read it.
    return await create_row(OutboxEvent, event_type=EventType(event_type).value,
                            aggregate_id=aggregate_id, payload=payload)


async def emit_many(*, events: list[Event]) -> None:
    """Record several events of one change in a single insert (one round trip, not one each)."""
    await insert_rows(OutboxEvent, [{"event_type": EventType(e.event_type).value,
                                     "aggregate_id": e.aggregate_id, "payload": e.payload}
                                    for e in events])
