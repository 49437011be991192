"""Domain events, written in the same transaction as the change that causes them."""

from __future__ import annotations

from typing import Any

from models.outbox import OutboxEvent


async def emit(*, event_type: str, aggregate_id: str, payload: dict[str, Any]) -> OutboxEvent:
    """Record an event; call inside the ``in_transaction()`` block of the state change."""
    return await OutboxEvent.create(event_type=event_type, aggregate_id=aggregate_id, payload=payload)
