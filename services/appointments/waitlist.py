"""The waiting list (候补): residents in line for a full slot, or for any slot of an item group at a
hall on a day; a freed seat is held for the first in line, who accepts (books it) or declines.

A held seat is counted in its slot's ``booked``, so neither the conditional seat update nor the
admission gate can give it to anyone else; a hold passed on to the next in line keeps the seat,
one that finds nobody gives it back. docs/release.md, "The waiting list (候补)".
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import cast

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, NotFoundError, ValidationFailed
from app.ids import SHANGHAI, local_today, to_local, utcnow
from app.shapes import id_or_not_found
from models.appointments import Appointment, Slot, WaitlistEntry, WaitlistStatus
from push.display import SLOT_TIME_FORMAT
from services import appointments, catalog, outbox
from services.appointments import gate, rules, seats, slots
from services.events import EventType

_IN_LINE = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)


class WaitlistEntryNotFound(NotFoundError):
    code, message = "WAITLIST_ENTRY_NOT_FOUND", "候补记录不存在"


class SlotStillOpen(Conflict):
    code, message = "WAITLIST_SLOT_OPEN", "该时段仍有余号，请直接预约"


class AlreadyWaiting(Conflict):
    code, message = "WAITLIST_DUPLICATE", "已在该候补队列中"


class HoldLapsed(Conflict):
    code, message = "WAITLIST_HOLD_LAPSED", "保留时间已过，号源已让给下一位候补"


class SlotGone(Conflict):
    code, message = "WAITLIST_SLOT_CLOSED", "该时段已停止预约或已过去，候补已结束"


class NotOffered(Conflict):
    code, message = "WAITLIST_NOT_OFFERED", "该候补尚未获得号源或已结束"


class TargetInvalid(ValidationFailed):
    code, message = "WAITLIST_TARGET_INVALID", "请给出 slot_id，或 hall_id 与 day 之一组"


class DayPast(ValidationFailed):
    code, message = "WAITLIST_DAY_PAST", "不能候补已过去的日期"


class NoSlotsThatDay(NotFoundError):
    code, message = "WAITLIST_NO_SLOTS", "该大厅当天没有此事项的时段"


def _offerable(slot: Slot) -> bool:
    now = utcnow()
    return not slot.is_closed and slot.starts_at > now and (slot.opens_at is None or slot.opens_at <= now)


async def join(*, rt: Runtime, resident_id: uuid.UUID, item_id: str, slot_id: str | None,
               hall_id: str | None, day: date | None) -> tuple[WaitlistEntry, int | None]:
    """Join the line of a full slot (``slot_id``) or of every slot of the item's group at a hall
    on a day (``hall_id`` + ``day``); refused while a seat is free, twice, or for the past."""
    if (slot_id is None) == (hall_id is None or day is None) or (slot_id and (hall_id or day)):
        raise TargetInvalid()
    item = await catalog.bookable_item(rt=rt, item_id=item_id)
    group = slots.bookable_group(item)
    if slot_id is not None:
        slot = await slots.get_slot_or_raise(slot_id=slot_id)
        if slot.appointment_group != group:
            raise ValidationFailed("该号源不适用于此事项", code="SLOT_NOT_FOR_ITEM")
        if slot.is_closed:
            raise seats.SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
        if slot.starts_at <= utcnow():
            raise seats.SlotUnavailable("该时段已开始或已过去", code="APPOINTMENT_SLOT_PAST")
        if slot.opens_at is not None and slot.opens_at > utcnow():
            raise appointments.not_yet_open(slot.opens_at)
        day_slots = [slot]
        hall_uuid, the_day = slot.hall_id, slot.day
    else:
        assert hall_id is not None and day is not None  # checked above
        hall_uuid = (await catalog.get_hall_or_raise(hall_id=hall_id)).id
        the_day = day
        if the_day < local_today():
            raise DayPast()
        day_slots = await Slot.filter(hall_id=hall_uuid, appointment_group=group, day=the_day,
                                      is_closed=False, starts_at__gt=utcnow()).order_by("starts_at")
        if not day_slots:
            raise NoSlotsThatDay()
        # A day not released yet is booked at its release, first come: no line ahead of the crowd.
        pending = [s.opens_at for s in day_slots if s.opens_at is not None and s.opens_at > utcnow()]
        if len(pending) == len(day_slots):
            raise appointments.not_yet_open(min(pending))
    free = [s for s in day_slots if s.booked < s.capacity and _offerable(s)]
    if free:
        raise SlotStillOpen(details={"slot_ids": [str(s.id) for s in free]})
    async with in_transaction():
        # Under the resident's lock, so two joins at once cannot both pass the duplicate check.
        await rules.lock_resident(resident_id)
        if await Appointment.filter(resident_id=resident_id, item_id=item.id,
                                    active_marker=rules.ACTIVE).exists():
            raise rules.DuplicateBooking()
        target = Q(slot_id=day_slots[0].id) if slot_id is not None else Q(slot_id=None)
        if await WaitlistEntry.filter(target, resident_id=resident_id, hall_id=hall_uuid,
                                      appointment_group=group, day=the_day,
                                      status__in=_IN_LINE).exists():
            raise AlreadyWaiting()
        entry = await WaitlistEntry.create(
            resident_id=resident_id, item_id=item.id, hall_id=hall_uuid, appointment_group=group,
            day=the_day, slot_id=day_slots[0].id if slot_id is not None else None)
    return entry, await position(entry)


async def _line(slot: Slot) -> list[WaitlistEntry]:
    """Those waiting for this slot's seat, first come first: its own line and its day's. Whoever
    booked the item meanwhile has what they waited for: their entry is closed, not offered a seat
    they could not accept."""
    line = await WaitlistEntry.filter(
        Q(slot_id=slot.id) | Q(slot_id=None), hall_id=slot.hall_id, appointment_group=slot.appointment_group,
        day=slot.day, status=WaitlistStatus.WAITING).order_by("created_at", "id")
    booked = set(await Appointment.filter(
        resident_id__in={e.resident_id for e in line}, active_marker=rules.ACTIVE,
    ).values_list("resident_id", "item_id")) if line else set()
    served = [e.id for e in line if (e.resident_id, e.item_id) in booked]
    if served:
        await WaitlistEntry.filter(id__in=served, status=WaitlistStatus.WAITING).update(
            status=WaitlistStatus.CLOSED)
    return [e for e in line if e.id not in served]


async def _hand_on(*, rt: Runtime, slot: Slot, seat_held: bool) -> WaitlistEntry | None:
    """Inside the caller's transaction: hold a seat of the slot for the first in line (taking one
    unless ``seat_held``), with its push message; None when nobody is waiting or no seat is free."""
    if not _offerable(slot) or await appointments.awaiting_draw(slot):
        return None
    line = await _line(slot)
    if not line:
        return None
    if not seat_held:
        try:
            await seats.take_seat(slot=slot)
        except AppError:
            return None
    hold_until = utcnow() + timedelta(minutes=rt.settings.waitlist_hold_minutes)
    for entry in line:
        # Conditional: a concurrent hand-on (a sweep, another cancellation) may have offered it.
        if await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.WAITING).update(
                status=WaitlistStatus.OFFERED, offered_slot_id=slot.id, hold_until=hold_until):
            await outbox.emit(event_type=EventType.WAITLIST_OFFERED, aggregate_id=str(entry.id), payload={
                "waitlist_entry_id": str(entry.id), "resident_id": str(entry.resident_id),
                "item_id": str(entry.item_id), "hall_id": str(slot.hall_id), "slot_id": str(slot.id),
                "starts_at": slot.starts_at.isoformat(),
                "hold_until": hold_until.astimezone(SHANGHAI).isoformat(),
                "hold_until_time": to_local(hold_until).strftime(SLOT_TIME_FORMAT)})
            entry.status, entry.offered_slot_id, entry.hold_until = WaitlistStatus.OFFERED, slot.id, hold_until
            return entry
    if not seat_held:
        await seats.free_seat(slot_id=slot.id)
    return None


async def offer_freed(*, rt: Runtime, slot_ids: list[uuid.UUID]) -> int:
    """Seats freed in these slots (a cancellation, a reschedule away, capacity added), after their
    commit: each free seat is held for the next in line. Returns how many offers were made."""
    offered = 0
    for slot_id in slot_ids:
        while True:
            async with in_transaction():
                slot = await Slot.get_or_none(id=slot_id)
                entry = await _hand_on(rt=rt, slot=slot, seat_held=False) if slot else None
            if entry is None:
                break
            offered += 1
            # The seat left the gate's count: dropped, rebuilt from the database (holds included).
            await gate.forget(rt=rt, slot_ids=[slot_id])
    return offered


async def _release(*, rt: Runtime, entry: WaitlistEntry, status: WaitlistStatus) -> None:
    """End an offer (declined, lapsed, slot gone): the held seat goes to the next in line, or back."""
    slot_id = entry.offered_slot_id
    assert slot_id is not None  # an offer always names its slot
    async with in_transaction():
        if not await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.OFFERED).update(
                status=status, hold_until=None):
            return  # another request or the sweep ended it first
        slot = await Slot.get(id=slot_id)
        handed = await _hand_on(rt=rt, slot=slot, seat_held=True)
        if handed is None:
            await seats.free_seat(slot_id=slot_id)
    if handed is None:
        await gate.seat_returned(rt=rt, slot_id=slot_id, resident_id=entry.resident_id)


async def _get_mine(*, resident_id: uuid.UUID, entry_id: str) -> WaitlistEntry:
    parsed = id_or_not_found(entry_id, code=WaitlistEntryNotFound.code, message=WaitlistEntryNotFound.message)
    entry = await WaitlistEntry.get_or_none(id=parsed, resident_id=resident_id)
    if entry is None:
        raise WaitlistEntryNotFound()
    return entry


async def accept(*, rt: Runtime, resident_id: uuid.UUID, entry_id: str) -> Appointment:
    """Book the seat held for the resident (a retry returns the same booking)."""
    entry = await _get_mine(resident_id=resident_id, entry_id=entry_id)
    if entry.status is WaitlistStatus.BOOKED and entry.appointment_id is not None:
        return await appointments.get_mine_or_raise(resident_id=resident_id,
                                                    appointment_id=str(entry.appointment_id))
    if entry.status is WaitlistStatus.LAPSED:
        raise HoldLapsed()
    if entry.status is not WaitlistStatus.OFFERED or entry.offered_slot_id is None:
        raise NotOffered(details={"status": entry.status.value})
    slot = await Slot.get(id=entry.offered_slot_id)
    if slot.is_closed or slot.starts_at <= utcnow():
        await _release(rt=rt, entry=entry, status=WaitlistStatus.CLOSED)
        raise SlotGone()
    if entry.hold_until is None or entry.hold_until <= utcnow():
        await _release(rt=rt, entry=entry, status=WaitlistStatus.LAPSED)
        raise HoldLapsed()
    item = await catalog.bookable_item(rt=rt, item_id=entry.item_id)
    async with in_transaction():
        # Conditional on the hold still running: the sweep may lapse it this very moment.
        if not await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.OFFERED,
                                          hold_until__gt=utcnow()).update(status=WaitlistStatus.BOOKED):
            raise HoldLapsed()
        appointment, _ = await appointments.record_booking(
            rt=rt, resident_id=resident_id, item=item, slot=slots.SlotFacts.of(slot),
            idempotency_key=f"waitlist:{entry.id}", seat=seats.Seat.HELD)
        await WaitlistEntry.filter(id=entry.id).update(appointment_id=appointment.id, hold_until=None)
    return appointment


async def decline(*, rt: Runtime, resident_id: uuid.UUID, entry_id: str) -> WaitlistEntry:
    """Leave the line, or decline the seat held (it goes to the next in line)."""
    entry = await _get_mine(resident_id=resident_id, entry_id=entry_id)
    if entry.status is WaitlistStatus.OFFERED:
        await _release(rt=rt, entry=entry, status=WaitlistStatus.DECLINED)
    elif entry.status is WaitlistStatus.WAITING:
        await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.WAITING).update(
            status=WaitlistStatus.DECLINED)
    else:
        raise NotOffered(details={"status": entry.status.value})
    await entry.refresh_from_db()
    return entry


async def position(entry: WaitlistEntry) -> int | None:
    """The entry's place in line (1 = next); None once offered or out of line."""
    if entry.status is not WaitlistStatus.WAITING:
        return None
    # Ahead: earlier entries that compete for the same seats (a day's line covers every slot).
    same_seats = Q(slot_id=None) | Q(slot_id=entry.slot_id) if entry.slot_id else Q()
    ahead = await WaitlistEntry.filter(
        same_seats, hall_id=entry.hall_id, appointment_group=entry.appointment_group, day=entry.day,
        status=WaitlistStatus.WAITING).filter(
        Q(created_at__lt=entry.created_at) | Q(created_at=entry.created_at, id__lt=entry.id)).count()
    return ahead + 1


async def list_mine(*, resident_id: uuid.UUID) -> list[tuple[WaitlistEntry, int | None]]:
    """The resident's entries still in line (waiting or offered), each with its place."""
    mine = await WaitlistEntry.filter(resident_id=resident_id, status__in=_IN_LINE).order_by("created_at", "id")
    return [(entry, await position(entry)) for entry in mine]


async def sweep(*, rt: Runtime) -> int:
    """``sweep-waitlist``: lapsed holds pass on, offers of closed or past slots end, lines of past
    days close, and free seats with a line get offered (a seat whose hand-on was lost, capacity
    added); returns how many entries changed."""
    now = utcnow()
    changed = 0
    for entry in await WaitlistEntry.filter(status=WaitlistStatus.OFFERED).filter(
            Q(hold_until__lte=now) | Q(offered_slot__is_closed=True) | Q(offered_slot__starts_at__lte=now)):
        slot = await Slot.get(id=entry.offered_slot_id)
        await _release(rt=rt, entry=entry, status=WaitlistStatus.LAPSED if _offerable(slot)
                       else WaitlistStatus.CLOSED)
        changed += 1
    ended = await WaitlistEntry.filter(status=WaitlistStatus.WAITING).filter(
        Q(day__lt=local_today()) | Q(slot__is_closed=True) | Q(slot__starts_at__lte=now)
    ).values_list("id", flat=True)
    changed += await WaitlistEntry.filter(id__in=list(ended), status=WaitlistStatus.WAITING).update(
        status=WaitlistStatus.CLOSED)
    waited = await WaitlistEntry.filter(status=WaitlistStatus.WAITING).values_list(
        "hall_id", "appointment_group", "day")
    free: set[uuid.UUID] = set()
    for hall_id, group, day in set(waited):
        free.update(cast(list[uuid.UUID], await Slot.filter(
            hall_id=hall_id, appointment_group=group, day=day, is_closed=False, starts_at__gt=now,
            booked__lt=F("capacity")).values_list("id", flat=True)))
    return changed + await offer_freed(rt=rt, slot_ids=sorted(free))
