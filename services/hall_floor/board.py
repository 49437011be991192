"""The hall's display board: its state (numbers only) and the Redis channel every API process
publishes changes to and every connected screen listens on."""

from __future__ import annotations

import json
import uuid
from typing import Any

from app.context import Runtime
from app.ids import SHANGHAI, utcnow
from models.hall_floor import HallWindow, Ticket, TicketStatus
from models.organization import Hall

NEXT_SHOWN = 8
RECENT_CALLS = 6


def channel(hall_id: uuid.UUID | str) -> str:
    """The Redis pub/sub channel of one hall's screens."""
    return f"hdt:board:{hall_id}"


def spoken(label: str, window_number: str) -> str:
    """The text a screen speaks for a call (speechSynthesis, zh-CN); digits one by one, as halls call."""
    return f"请 {' '.join(label)} 号到 {window_number} 号窗口办理"


async def state(*, hall_id: uuid.UUID) -> dict[str, Any]:
    """What a screen shows now: each window and its current number, the recent calls and the next
    numbers. No names, no ids of people: numbers and windows only."""
    hall = await Hall.get_or_none(id=hall_id)
    day = utcnow().astimezone(SHANGHAI).date()
    windows = await HallWindow.filter(hall_id=hall_id).order_by("number")
    number_of = {w.id: w.number for w in windows}
    called = await Ticket.filter(hall_id=hall_id, day=day, window_id__isnull=False,
                                 status__in=[TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD]
                                 ).order_by("-called_at")
    current: dict[uuid.UUID, str] = {}
    for ticket in called:
        current.setdefault(ticket.window_id, ticket.label)  # type: ignore[arg-type]
    recent = [{"label": t.label, "window": number_of.get(t.window_id, ""),  # type: ignore[arg-type]
               "called_at": t.called_at.astimezone(SHANGHAI).isoformat() if t.called_at else None}
              for t in called[:RECENT_CALLS]]
    upcoming = await Ticket.filter(hall_id=hall_id, day=day, status=TicketStatus.WAITING
                                   ).order_by("tier", "sort_at", "number").limit(NEXT_SHOWN
                                                                                ).values_list("label", flat=True)
    return {"hall_id": str(hall_id), "hall_name": hall.name if hall else "",
            "windows": [{"number": w.number, "name": w.name, "is_open": w.is_open,
                         "current": current.get(w.id)} for w in windows],
            "recent": recent, "next": list(upcoming), "at": utcnow().astimezone(SHANGHAI).isoformat()}


async def publish(*, rt: Runtime, hall_id: uuid.UUID, announce: dict[str, str] | None = None) -> None:
    """Send the hall's new state to every screen through Redis (after the change committed); a call
    carries ``announce``, the number, window and text to speak."""
    message = await state(hall_id=hall_id)
    if announce is not None:
        message["announce"] = announce
    await rt.redis.publish(channel(hall_id), json.dumps(message, ensure_ascii=False))
