"""Windows of a hall and its queue rules: the hall manager configures, the clerk opens and closes."""

from __future__ import annotations

from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, Forbidden
from app.ids import utcnow
from app.tokens import Principal
from models.catalog import ServiceItem
from models.hall_floor import HallFloorSettings, HallWindow
from models.staff import StaffRoleName
from services import catalog, outbox
from services.appointments.checkin import Scanner
from services.events import EventType
from services.hall_floor import WindowNotYours, board, settings_of, window_or_raise


async def create_window(*, principal: Principal, hall_id: str, number: str, name: str,
                        groups: list[str]) -> HallWindow:
    """Add a window to a hall (its hall manager); it starts closed."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
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
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    if not principal.has_role(StaffRoleName.HALL_MANAGER, hall_id=str(hall.id)):
        Scanner(principal=principal).ensure_serves(hall.id)
    return await HallWindow.filter(hall_id=hall.id).order_by("number")


async def ensure_clerk_at(principal: Principal, window: HallWindow) -> None:
    """Refuse unless the caller is a clerk of the window's hall who covers every department whose
    items the window's groups hold (``clerk@H`` or ``clerk`` always; ``clerk:D@H`` only at a
    window of D's groups alone). A window whose groups hold no item belongs to no department:
    only a hall-wide clerk works there."""
    Scanner(principal=principal).ensure_serves(window.hall_id)
    hall = str(window.hall_id)
    if principal.has_role(StaffRoleName.CLERK, hall_id=hall):
        return  # a clerk of every department there: no need to read whose the groups are
    groups = list(window.groups or [])
    departments = sorted({str(d) for d in await ServiceItem.filter(appointment_group__in=groups).values_list(
        "department_id", flat=True)}) if groups else []
    needed: list[str | None] = [*departments] or [None]
    if not all(principal.has_role(StaffRoleName.CLERK, department_id=d, hall_id=hall) for d in needed):
        raise Forbidden(details={"required_role": StaffRoleName.CLERK, "hall_id": hall,
                                 "department_ids": departments})


async def set_open(*, rt: Runtime, principal: Principal, window_id: str, is_open: bool) -> HallWindow:
    """A clerk who may work at the window opens it (it is then theirs) or closes it. A window
    another clerk opened is closed or taken over only by them or the hall's manager."""
    window = await window_or_raise(window_id)
    manager = principal.has_role(StaffRoleName.HALL_MANAGER, hall_id=str(window.hall_id))
    if is_open or not manager:
        await ensure_clerk_at(principal, window)
    mine = str(principal.subject_id)
    if window.is_open and window.opened_by not in (None, mine) and not manager:
        raise WindowNotYours(details={"window": window.number})
    now = utcnow()
    async with in_transaction():
        changes: dict[str, Any] = ({"is_open": True, "opened_by": mine, "opened_at": now}
                                   if is_open else {"is_open": False, "opened_by": None})
        # Conditional on the opener read above: a window opened by someone else meanwhile is not theirs to change.
        if not await HallWindow.filter(id=window.id, opened_by=window.opened_by).update(**changes):
            raise WindowNotYours(details={"window": window.number})
        await outbox.emit(event_type=EventType.HALL_WINDOW_OPENED if is_open else EventType.HALL_WINDOW_CLOSED,
                          aggregate_id=str(window.id),
                          payload={"window_id": str(window.id), "hall_id": str(window.hall_id),
                                   "staff_id": mine, "at": now.isoformat()})
    await window.refresh_from_db()
    await board.publish(rt=rt, hall_id=window.hall_id)
    return window


async def get_settings(*, principal: Principal, hall_id: str) -> HallFloorSettings:
    """The hall's queue rules (its hall manager)."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    return await settings_of(hall.id)


async def put_settings(*, principal: Principal, hall_id: str, values: dict[str, Any]) -> HallFloorSettings:
    """Replace the hall's queue rules (its hall manager); tickets already waiting keep their order."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, StaffRoleName.HALL_MANAGER, hall_id=str(hall.id))
    row, _ = await HallFloorSettings.update_or_create(defaults=values, hall_id=hall.id)
    return row
