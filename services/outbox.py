"""Domain events, written in the same transaction as the change that causes them."""

from __future__ import annotations

from typing import Any, NamedTuple

from app.fastpath.sql import NewRows, create_row, insert_rows, new_rows
from models.outbox import OutboxEvent
from services.events import EventType


class Event(NamedTuple):
    """One event to record: what happened, to which aggregate, and its details."""

    event_type: EventType
    aggregate_id: str
    payload: dict[str, Any]


def _row(event_type: EventType | str, aggregate_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    # Refused, not stored, if it is no EventType: nothing would ever read it.
    return {"event_type": EventType(event_type).value, "aggregate_id": aggregate_id, "payload": payload}


async def emit(*, event_type: EventType, aggregate_id: str, payload: dict[str, Any]) -> OutboxEvent:
    """Record an event; call inside the ``in_transaction()`` block of the state change."""
    return await create_row(OutboxEvent, **_row(event_type, aggregate_id, payload))


async def emit_many(*, events: list[Event]) -> None:
    """Record several events of one change in a single insert (one round trip, not one each)."""
    await insert_rows(OutboxEvent, [_row(*event) for event in events])


def rows_of(events: list[Event]) -> NewRows[OutboxEvent]:
    """The events as rows to write with ``app.fastpath.sql.insert_all``, in one statement with
    the change that causes them."""
    return new_rows(OutboxEvent, [_row(*event) for event in events])
