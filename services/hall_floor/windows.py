"""Windows of a hall and its queue rules: the hall manager configures, the clerk opens and closes."""

from __future__ import annotations

from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict
from app.ids import utcnow
from app.tokens import Principal
from models.hall_floor import HallFloorSettings, HallWindow
from models.staff import StaffRoleName
from services import outbox
from services.appointments import slots
from services.appointments.checkin import Scanner
from services.events import EventType
from services.hall_floor import board, settings_of, window_or_raise


async def create_window(*, principal: Principal, hall_id: str, number: str, name: str,
                        groups: list[str]) -> HallWindow:
    """Add a window to a hall (its hall manager); it starts closed."""
    hall = await slots.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    try:
        return await HallWindow.create(hall=hall, number=number, name=name, groups=groups)
    except IntegrityError as exc:
        raise Conflict("该窗口号已存在", code="HALL_WINDOW_EXISTS", details={"number": number}) from exc


async def update_window(*, principal: Principal, window_id: str, name: str | None,
                        groups: list[str] | None) -> HallWindow:
    """Rename a window or change the item groups it serves (its hall manager)."""
    window = await window_or_raise(window_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(window.hall_id))
    changes: dict[str, Any] = {k: v for k, v in (("name", name), ("groups", groups)) if v is not None}
    if changes:
        await HallWindow.filter(id=window.id).update(**changes)
        await window.refresh_from_db()
    return window


async def list_windows(*, principal: Principal, hall_id: str) -> list[HallWindow]:
    """The hall's windows by number (its hall manager or a clerk there)."""
    hall = await slots.get_hall_or_raise(hall_id=hall_id)
    if not principal.has_role(StaffRoleName.HALL_MANAGER, hall_id=str(hall.id)):
        Scanner(principal=principal).ensure_serves(hall.id)
    return await HallWindow.filter(hall_id=hall.id).order_by("number")


async def set_open(*, rt: Runtime, principal: Principal, window_id: str, is_open: bool) -> HallWindow:
    """A clerk of the hall opens the window (it is then theirs) or closes it."""
    window = await window_or_raise(window_id)
    Scanner(principal=principal).ensure_serves(window.hall_id)
    now = utcnow()
    async with in_transaction():
        changes: dict[str, Any] = ({"is_open": True, "opened_by": str(principal.subject_id), "opened_at": now}
                                   if is_open else {"is_open": False, "opened_by": None})
        await HallWindow.filter(id=window.id).update(**changes)
        await outbox.emit(event_type=EventType.HALL_WINDOW_OPENED if is_open else EventType.HALL_WINDOW_CLOSED,
                          aggregate_id=str(window.id),
                          payload={"window_id": str(window.id), "hall_id": str(window.hall_id),
                                   "staff_id": str(principal.subject_id), "at": now.isoformat()})
    await window.refresh_from_db()
    await board.publish(rt=rt, hall_id=window.hall_id)
    return window


async def get_settings(*, principal: Principal, hall_id: str) -> HallFloorSettings:
    """The hall's queue rules (its hall manager)."""
    hall = await slots.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    return await settings_of(hall.id)


async def put_settings(*, principal: Principal, hall_id: str, values: dict[str, Any]) -> HallFloorSettings:
    """Replace the hall's queue rules (its hall manager); tickets already waiting keep their order."""
    hall = await slots.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    row, _ = await HallFloorSettings.update_or_create(defaults=values, hall_id=hall.id)
    return row
