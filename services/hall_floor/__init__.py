"""The hall floor (取号 → 叫号 → 办理): windows, one queue per hall and item group, clerk calls,
the display board, residents' positions and wait analytics.

Modules: ``windows`` (counters and the hall's queue rules), ``tickets`` (joining the queue:
check-ins and walk-ins, priority, positions), ``calls`` (the clerk's actions), ``board`` (the
hall's screens), ``analytics`` (wait and service times), ``shapes`` (response shapes).
"""

from __future__ import annotations

import uuid

from app.errors import AppError, Conflict, NotFoundError
from app.fastpath.sql import get_where
from app.shapes import id_or_not_found
from models.hall_floor import HallFloorSettings, HallWindow, Ticket


class TicketStateInvalid(Conflict):
    """The ticket is not in a state this action applies to (``details.status``)."""

    code, message = "TICKET_STATE_INVALID", "号票当前状态不允许此操作"


class WindowClosed(Conflict):
    code, message = "HALL_WINDOW_CLOSED", "窗口未开启"


class WindowNotYours(Conflict):
    code, message = "HALL_WINDOW_NOT_YOURS", "该窗口由其他工作人员开启"


class WrongHall(AppError):
    status, code, message = 409, "TICKET_WRONG_HALL", "号票不属于本窗口所在大厅"


async def settings_of(hall_id: uuid.UUID) -> HallFloorSettings:
    """The hall's queue rules: its row, or the defaults (unsaved) when the manager set none."""
    found = await HallFloorSettings.get_or_none(hall_id=hall_id)
    return found or HallFloorSettings(hall_id=hall_id)


async def window_or_raise(window_id: str, *, for_update: bool = False) -> HallWindow:
    """A window by id; HALL_WINDOW_NOT_FOUND for an unknown or malformed id."""
    parsed = id_or_not_found(window_id, code="HALL_WINDOW_NOT_FOUND", message="窗口不存在")
    window = await get_where(HallWindow, id=parsed, for_update=for_update)
    if window is None:
        raise NotFoundError("窗口不存在", code="HALL_WINDOW_NOT_FOUND")
    return window


async def ticket_or_raise(ticket_id: str, *, for_update: bool = False) -> Ticket:
    """A ticket by id; TICKET_NOT_FOUND for an unknown or malformed id."""
    parsed = id_or_not_found(ticket_id, code="TICKET_NOT_FOUND", message="号票不存在")
    ticket = await get_where(Ticket, id=parsed, for_update=for_update)
    if ticket is None:
        raise NotFoundError("号票不存在", code="TICKET_NOT_FOUND")
    return ticket
