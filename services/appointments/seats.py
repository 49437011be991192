"""A slot's seats: taken and given back by conditional updates of its ``booked`` count, so the
database, not a read before it, decides whether one is left."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum
from typing import NoReturn

from pypika_tortoise.functions import Now
from pypika_tortoise.queries import QueryBuilder, Table
from pypika_tortoise.terms import Parameter, Term, ValueWrapper
from tortoise.expressions import F

from app.errors import AppError
from app.fastpath.sql import update_and_commit, update_where
from app.ids import utcnow
from models.appointments import Slot
from services.appointments import slots


class SlotUnavailable(AppError):
    status, code, message = 409, "APPOINTMENT_SLOT_FULL", "该时段已约满"


class Seat(Enum):
    """How a booking's seat is counted (``take``)."""

    TAKE = "take"  # a conditional update, the transaction's last statement
    TAKE_AND_COMMIT = "take_and_commit"  # the same update and the COMMIT as one query (update_and_commit)
    HELD = "held"  # already counted in ``booked`` (a waiting-list hold, a draw's winners)


async def take(seat: Seat, *, slot: slots.SlotFacts) -> None:
    """Count a booking's seat as ``seat`` says, inside the caller's transaction."""
    if seat is Seat.TAKE:
        await take_seat(slot=slot)
    elif seat is Seat.TAKE_AND_COMMIT and not await take_seats_and_commit(slot=slot, count=1):
        await take_seat(slot=slot)


def _take_seats(query: QueryBuilder, t: Table, *, slot_id: Term, closed: Term, starts_after: Term,
                count: int = 1) -> QueryBuilder:
    """The seats' conditional UPDATE: ``count`` more booked where the slot is open, not started
    and has that many left."""
    return query.set(t.booked, t.booked + count).where(
        (t.id == slot_id) & (t.is_closed == closed) & (t.starts_at > starts_after)
        & (t.booked <= t.capacity - count))


async def take_seat(*, slot: Slot | slots.SlotFacts) -> None:
    """Hold one seat by a conditional update; the database refuses when none is left."""
    now = utcnow()
    taken = await update_where(
        Slot, name="take_seat", values=[("id", slot.id), ("is_closed", False), ("starts_at", now)],
        build=lambda query, t: _take_seats(query, t, slot_id=Parameter(idx=1), closed=Parameter(idx=2),
                                           starts_after=Parameter(idx=3)),
        plain=lambda: Slot.filter(id=slot.id, is_closed=False, starts_at__gt=now,
                                  booked__lt=F("capacity")).update(booked=F("booked") + 1))
    if not taken:
        await refuse(slot_id=slot.id, now=now)


async def take_seats_and_commit(*, slot: slots.SlotFacts, count: int) -> bool:
    """Take ``count`` seats by the statement that commits the caller's transaction
    (app.fastpath.sql.update_and_commit): the slot's row, which every booking of a released slot
    waits for, is then locked for the server's time only. Raises NoRowChanged when there were not
    as many left; the caller reads why once the transaction is rolled back (``refuse``).
    False, having done nothing, where it cannot be done so."""
    # That query takes no parameters: the values are written in, the time is the server's.
    return await update_and_commit(Slot, lambda query, t: _take_seats(
        query, t, slot_id=ValueWrapper(str(slot.id)), closed=ValueWrapper(False), starts_after=Now(), count=count))


async def refuse(*, slot_id: uuid.UUID, now: datetime) -> NoReturn:
    """Why a slot's seat could not be taken at ``now``."""
    slot = await slots.get_slot_or_raise(slot_id=slot_id)
    if slot.is_closed:
        raise SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
    if slot.starts_at <= now:
        raise SlotUnavailable("该时段已开始或已过去", code="APPOINTMENT_SLOT_PAST")
    raise SlotUnavailable()


async def free_seat(*, slot_id: uuid.UUID) -> None:
    """Give one seat back to the slot (a cancellation, a move, a hold let go)."""
    await update_where(Slot, name="free_seat", values=[("id", slot_id)],
                       build=lambda query, t: query.set(t.booked, t.booked - 1).where(
                           (t.id == Parameter(idx=1)) & (t.booked > 0)),
                       plain=lambda: Slot.filter(id=slot_id, booked__gt=0).update(
                           booked=F("booked") - 1))
