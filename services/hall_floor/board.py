"""The hall's display board: its state (numbers only) and the live stream each screen follows.

Every change of the floor publishes the hall's whole state through Redis (``rt.boards``), so
whichever API process a clerk reaches, every process's screens update. A screen gets the current
state when it connects and again after any gap (a lost subscription, a backlog), so a screen that
reconnects catches up; it speaks a call when the newest call in the state is one it has not
spoken yet.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from app.context import Runtime
from app.ids import SHANGHAI, utcnow
from models.hall_floor import HallWindow, Ticket, TicketStatus
from models.organization import Hall
from services import catalog
from services.hall_floor import tickets  # as a module: it imports this one back

NEXT_SHOWN = 8
RECENT_CALLS = 6
KEEPALIVE_SECONDS = 15
RECONNECT_MS = 500  # how soon a screen reconnects after the server ends a stream


def spoken(label: str, window_number: str) -> str:
    """The text a screen speaks for a call (speechSynthesis, zh-CN): the number letter by letter."""
    return f"请 {' '.join(label)} 号到 {window_number} 号窗口办理"


async def state(*, hall: Hall) -> dict[str, Any]:
    """What a screen shows now: each window and its current number, the recent calls (newest
    first, with the text to speak) and the next numbers in the order call-next takes them.
    Numbers and windows only, no people."""
    now = utcnow()
    day = now.astimezone(SHANGHAI).date()
    windows = await HallWindow.filter(hall_id=hall.id).order_by("number")
    number_of: dict[uuid.UUID | None, str] = {w.id: w.number for w in windows}
    called = await Ticket.filter(hall_id=hall.id, day=day, window_id__isnull=False,
                                 status__in=[TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD]
                                 ).order_by("-called_at")
    current: dict[uuid.UUID | None, str] = {}
    for ticket in called:
        current.setdefault(ticket.window_id, ticket.label)
    recent = [{"label": t.label, "window": number_of.get(t.window_id, ""),
               "called_at": t.called_at.astimezone(SHANGHAI).isoformat() if t.called_at else None,
               "recalls": t.recalls, "text": spoken(t.label, number_of.get(t.window_id, ""))}
              for t in called[:RECENT_CALLS] if t.status is TicketStatus.CALLED]
    served = sorted({group for w in windows for group in w.groups or []})
    upcoming = await tickets.waiting(hall_id=hall.id, day=day, groups=served, now=now).limit(
        NEXT_SHOWN).values_list("label", flat=True)
    return {"hall_id": str(hall.id), "hall_name": hall.name,
            "windows": [{"number": w.number, "name": w.name, "is_open": w.is_open,
                         "current": current.get(w.id)} for w in windows],
            "recent": recent, "next": list(upcoming), "at": utcnow().astimezone(SHANGHAI).isoformat()}


async def publish(*, rt: Runtime, hall_id: uuid.UUID) -> None:
    """Send the hall's new state to every screen of every process (after the change committed)."""
    hall = await Hall.get_or_none(id=hall_id)
    if hall is not None:
        await rt.boards.publish(str(hall_id), json.dumps(await state(hall=hall), ensure_ascii=False))


async def follow(*, rt: Runtime, hall: Hall, max_seconds: float) -> AsyncIterator[str]:
    """The server-sent events of one screen: the state now, then every change, a comment line
    every 15 s (so a dead connection is noticed), ending before ``max_seconds`` (the server's
    response bound) or when the server stops; the browser then reconnects by itself after
    RECONNECT_MS (to a worker that is up)."""
    ends = time.monotonic() + max_seconds
    # Subscribed before the first read, so no change falls between the two.
    async with rt.boards.listen(str(hall.id)) as queue:
        yield f"retry: {RECONNECT_MS}\n\n"
        yield _event(json.dumps(await state(hall=hall), ensure_ascii=False))
        while (left := ends - time.monotonic()) > 0 and not rt.boards.ending.is_set():
            try:
                newest = await asyncio.wait_for(queue.get(), min(KEEPALIVE_SECONDS, left))
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            if rt.boards.ending.is_set():
                return
            while not queue.empty():  # every message is the whole state: only the newest matters
                newest = queue.get_nowait()
            # None: messages may have been missed (a lost subscription, a backlog): read it anew.
            yield _event(newest if newest is not None else json.dumps(await state(hall=hall), ensure_ascii=False))


def _event(data: str) -> str:
    return f"event: state\ndata: {data}\n\n"


_PAGE = (Path(__file__).parent / "board.html").read_text(encoding="utf-8")
# The page runs only its own inline script and talks only to this origin (the event stream).
PAGE_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
               "connect-src 'self'; frame-ancestors 'none'")


async def page(*, hall_id: str) -> str:
    """The board's HTML for one hall (the page then follows the hall's event stream)."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    return _PAGE.replace("__HALL_ID__", json.dumps(str(hall.id)))
