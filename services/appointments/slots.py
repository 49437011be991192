"""Slot publishing: templates, exceptions, materialisation, capacity, cached availability."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime, time, timedelta
from typing import cast

import orjson
from pydantic import TypeAdapter
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.auth import require_scope
from app.context import Runtime
from app.errors import Conflict, Forbidden, NotFoundError, ValidationFailed
from app.fastpath.sql import get_where
from app.ids import SHANGHAI, local_today, to_local, utcnow
from app.shapes import id_or_not_found
from app.tokens import Principal
from models.appointments import Slot, SlotException, SlotExceptionKind, SlotTemplate
from services import calendar, catalog
from services.appointments import gate, waitlist
from services.appointments.shapes import AvailableSlotOut

MAX_RANGE_DAYS = 31
# v3: rows carry "draw_closes_at"; rows cached by the previous release are not read back.
_AVAILABILITY_KEY = "appt:availability:v3:{}:{}:{}:{}"


def local_window(day: date, start_minute: int, end_minute: int) -> tuple[datetime, datetime]:
    """A window given in Beijing minutes-after-midnight as aware instants."""
    midnight = datetime.combine(day, time(0), tzinfo=SHANGHAI)
    return midnight + timedelta(minutes=start_minute), midnight + timedelta(minutes=end_minute)


class NotBookable(ValidationFailed):
    code, message = "ITEM_NOT_BOOKABLE", "该事项不支持网上预约"


def bookable_group(item: catalog.BookableItem) -> str:
    """The item's appointment group, or ITEM_NOT_BOOKABLE when it takes no appointments."""
    if item.appointment_group is None:
        raise NotBookable()
    return item.appointment_group


def check_day_range(day_from: date, day_to: date) -> None:
    if day_to < day_from or (day_to - day_from).days >= MAX_RANGE_DAYS:
        raise ValidationFailed(f"日期范围无效（结束不早于开始，最长 {MAX_RANGE_DAYS} 天）",
                               code="INVALID_DATE_RANGE")


async def create_template(*, principal: Principal, hall_id: str, appointment_group: str, weekday: int,
                          start_minute: int, end_minute: int, capacity: int,
                          valid_from: date | None, valid_until: date | None,
                          release_days_before: int | None = None,
                          release_minute: int | None = None,
                          draw_window_seconds: int | None = None,
                          high_demand: bool = False) -> SlotTemplate:
    """Publish a weekly window for an item group at a hall (its hall manager only); with a
    release time its slots are materialised closed to booking until then, and with a draw window
    their seats are drawn among those who entered in it (services/appointments/draw.py)."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, "hall_manager", hall_id=str(hall.id))
    try:
        return await SlotTemplate.create(
            hall=hall, appointment_group=appointment_group, weekday=weekday,
            start_minute=start_minute, end_minute=end_minute, capacity=capacity,
            valid_from=valid_from, valid_until=valid_until,
            release_days_before=release_days_before, release_minute=release_minute,
            draw_window_seconds=draw_window_seconds, high_demand=high_demand)
    except IntegrityError as exc:
        raise Conflict("该时段模板已存在", code="SLOT_TEMPLATE_EXISTS") from exc


async def list_templates(*, principal: Principal, hall_id: str) -> list[SlotTemplate]:
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, "hall_manager", hall_id=str(hall.id))
    return await SlotTemplate.filter(hall=hall).order_by("appointment_group", "weekday", "start_minute")


async def set_template_capacity(*, rt: Runtime, principal: Principal, template_id: str,
                                capacity: int) -> SlotTemplate:
    """Change a template's capacity and its future slots; refused if any has more bookings."""
    template = await SlotTemplate.get_or_none(
        id=id_or_not_found(template_id, code="SLOT_TEMPLATE_NOT_FOUND", message="号源模板不存在"))
    if template is None:
        raise NotFoundError("号源模板不存在", code="SLOT_TEMPLATE_NOT_FOUND")
    require_scope(principal, "hall_manager", hall_id=str(template.hall_id))
    async with in_transaction():
        template.capacity = capacity
        await template.save(update_fields=["capacity", "updated_at"])
        future = Slot.filter(template_id=template.id, starts_at__gt=utcnow())
        # Conditional on the live counts, like a single slot's change; any leftover rolls back.
        await future.filter(booked__lte=capacity).update(capacity=capacity)
        over = await future.filter(booked__gt=capacity).values_list("id", "booked")
        if over:
            raise Conflict("容量不能低于已预约人数", code="SLOT_CAPACITY_BELOW_BOOKED",
                           details={"slots": [{"slot_id": str(i), "booked": b} for i, b in over]})
        changed = cast(list[uuid.UUID], await future.values_list("id", flat=True))
    await gate.forget(rt=rt, slot_ids=changed)
    await waitlist.offer_freed(rt=rt, slot_ids=changed)
    return template


async def add_exception(*, principal: Principal, hall_id: str, day: date, kind: SlotExceptionKind,
                        appointment_group: str | None, start_minute: int | None,
                        end_minute: int | None, capacity: int | None, reason: str) -> SlotException:
    """Close a day (all groups or one) or add an extra session; closing booked slots is refused."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, "hall_manager", hall_id=str(hall.id))
    if day < local_today():
        raise ValidationFailed("不能修改过去日期的号源", code="SLOT_DAY_PAST")
    if kind is SlotExceptionKind.EXTRA:
        day_calendar = await calendar.working_calendar(start=day, end=day, hall_id=hall.id)
        if day_calendar.is_provisional(day) and day_calendar.is_closed(day):
            raise ValidationFailed("该日按临时日历为法定节假日，当年节假日安排载入前不能加开号源",
                                   code="CALENDAR_PROVISIONAL_HOLIDAY", details={"day": day.isoformat()})
    async with in_transaction():
        exception = await SlotException.create(
            hall=hall, day=day, kind=kind, appointment_group=appointment_group,
            start_minute=start_minute, end_minute=end_minute, capacity=capacity, reason=reason)
        if kind is SlotExceptionKind.CLOSED:
            scope = Slot.filter(hall=hall, day=day)
            if appointment_group is not None:
                scope = scope.filter(appointment_group=appointment_group)
            # Close what has no bookings first; a slot left open now has bookings -> roll back.
            await scope.filter(booked=0).update(is_closed=True)
            booked = await scope.filter(is_closed=False).count()
            if booked:
                raise Conflict("当天已有预约，不能关闭，请先联系已预约的群众", code="SLOT_HAS_BOOKINGS",
                               details={"slots_with_bookings": booked})
        else:
            await _create_missing([_slot_row(hall.id, appointment_group, day, start_minute,
                                             end_minute, capacity)])
    return exception


def _slot_row(hall_id: uuid.UUID, group: str | None, day: date, start_minute: int | None,
              end_minute: int | None, capacity: int | None,
              template: SlotTemplate | None = None) -> Slot:
    assert group is not None and start_minute is not None and end_minute is not None \
        and capacity is not None, "validated by the request shape"
    starts_at, ends_at = local_window(day, start_minute, end_minute)
    opens_at = release_time(template, day) if template else None
    draw_closes_at = (opens_at + timedelta(seconds=template.draw_window_seconds)
                      if template and opens_at and template.draw_window_seconds else None)
    return Slot(hall_id=hall_id, template_id=template.id if template else None,
                appointment_group=group, day=day, starts_at=starts_at, ends_at=ends_at,
                capacity=capacity, opens_at=opens_at, draw_closes_at=draw_closes_at,
                high_demand=template.high_demand if template else False)


def release_time(template: SlotTemplate, day: date) -> datetime | None:
    """When the template's slot of ``day`` opens for booking, or None when it has no release."""
    if template.release_days_before is None or template.release_minute is None:
        return None
    release_day = day - timedelta(days=template.release_days_before)
    return local_window(release_day, template.release_minute, template.release_minute)[0]


async def _create_missing(rows: list[Slot]) -> int:
    """Insert slots, skipping those already there (same hall, group and start): idempotent."""
    if not rows:
        return 0
    keys = {(r.hall_id, r.appointment_group, r.starts_at) for r in rows}
    existing = set(await Slot.filter(
        hall_id__in={r.hall_id for r in rows}, starts_at__in={r.starts_at for r in rows},
    ).values_list("hall_id", "appointment_group", "starts_at"))
    fresh = [r for r in rows if (r.hall_id, r.appointment_group, r.starts_at) not in existing]
    # A concurrent run may insert the same rows; the unique constraint makes that a no-op.
    await Slot.bulk_create(fresh, ignore_conflicts=True)
    return len(keys - existing)


async def materialize(*, horizon_days: int, hall_id: uuid.UUID | None = None,
                      start: date | None = None) -> int:
    """Create the slots of the next ``horizon_days`` days from templates and exceptions."""
    start = start or local_today()
    end = start + timedelta(days=horizon_days - 1)
    templates = SlotTemplate.all()
    exceptions = SlotException.filter(day__gte=start, day__lte=end)
    if hall_id is not None:
        templates, exceptions = templates.filter(hall_id=hall_id), exceptions.filter(hall_id=hall_id)
    template_rows = await templates
    exception_rows = await exceptions
    # Provisional holidays are not working days either, so no slot is published on them.
    calendars = {hall: await calendar.working_calendar(start=start, end=end, hall_id=hall)
                 for hall in {t.hall_id for t in template_rows}}
    now = utcnow()
    rows: list[Slot] = []
    for offset in range(horizon_days):
        day = start + timedelta(days=offset)
        todays = [e for e in exception_rows if e.day == day]
        for template in template_rows:
            if template.weekday != day.isoweekday() or not _template_applies(template, day):
                continue
            if any(e.kind is SlotExceptionKind.CLOSED and e.hall_id == template.hall_id
                   and e.appointment_group in (None, template.appointment_group) for e in todays):
                continue
            if not calendars[template.hall_id].is_working_day(day):
                continue
            rows.append(_slot_row(template.hall_id, template.appointment_group, day,
                                  template.start_minute, template.end_minute, template.capacity,
                                  template))
        rows.extend(_slot_row(e.hall_id, e.appointment_group, day, e.start_minute, e.end_minute,
                              e.capacity) for e in todays if e.kind is SlotExceptionKind.EXTRA)
    return await _create_missing([r for r in rows if r.starts_at > now])


def _template_applies(template: SlotTemplate, day: date) -> bool:
    return ((template.valid_from is None or template.valid_from <= day)
            and (template.valid_until is None or day <= template.valid_until))


async def materialize_for_hall(*, rt: Runtime, principal: Principal, hall_id: str) -> int:
    """The materialisation job for one hall, run on demand by its manager."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    require_scope(principal, "hall_manager", hall_id=str(hall.id))
    return await materialize(horizon_days=rt.settings.appointment_horizon_days, hall_id=hall.id)


async def get_slot_or_raise(*, slot_id: str | uuid.UUID) -> Slot:
    parsed = slot_id if isinstance(slot_id, uuid.UUID) else id_or_not_found(
        slot_id, code="SLOT_NOT_FOUND", message="号源不存在")
    slot = await get_where(Slot, id=parsed)
    if slot is None:
        raise NotFoundError("号源不存在", code="SLOT_NOT_FOUND")
    return slot


@dataclasses.dataclass(frozen=True)
class SlotFacts:
    """What a booking needs of a slot and never changes once it is materialised (its seats,
    capacity and closing do: the seat update decides on those)."""

    id: uuid.UUID
    hall_id: uuid.UUID
    appointment_group: str
    day: date
    starts_at: datetime
    ends_at: datetime
    opens_at: datetime | None
    draw_closes_at: datetime | None
    high_demand: bool

    @classmethod
    def of(cls, slot: Slot) -> SlotFacts:
        return cls(**{field.name: getattr(slot, field.name) for field in dataclasses.fields(cls)})


# Their cached form (app.cache.CatalogCache.memory_facts).
_SLOT_FACTS_JSON = TypeAdapter(SlotFacts)


async def slot_facts(*, rt: Runtime, slot_id: uuid.UUID) -> SlotFacts:
    """A slot's unchanging facts from this worker's memory, read from the database on a miss
    (SLOT_NOT_FOUND as ``get_slot_or_raise``): a release's winners all book one slot, and each
    read of its row was one of a booking's six round trips."""
    async def load() -> SlotFacts:
        return SlotFacts.of(await get_slot_or_raise(slot_id=slot_id))

    return await rt.catalog_cache.memory_facts(f"slot-facts:{slot_id}", _SLOT_FACTS_JSON, load)


async def set_capacity(*, rt: Runtime, principal: Principal, slot_id: str, capacity: int) -> Slot:
    """Change a slot's capacity; going below what is already booked is refused."""
    slot = await get_slot_or_raise(slot_id=slot_id)
    require_scope(principal, "hall_manager", hall_id=str(slot.hall_id))
    # Conditional on the live count, so a booking racing with the change cannot be squeezed out.
    changed = await Slot.filter(id=slot.id, booked__lte=capacity).update(capacity=capacity)
    await gate.forget(rt=rt, slot_ids=[slot.id])
    await waitlist.offer_freed(rt=rt, slot_ids=[slot.id])
    await slot.refresh_from_db()
    if not changed:
        raise Conflict("容量不能低于已预约人数", code="SLOT_CAPACITY_BELOW_BOOKED",
                       details={"booked": slot.booked})
    return slot


async def list_hall_slots(*, principal: Principal, hall_id: str, day_from: date,
                          day_to: date) -> list[Slot]:
    """Every slot of a hall in a date range with live counts (hall manager or clerk)."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    if not any(principal.has_role(role, hall_id=str(hall.id)) for role in ("hall_manager", "clerk")):
        raise Forbidden(details={"required_role": "hall_manager|clerk", "hall_id": str(hall.id)})
    check_day_range(day_from, day_to)
    return await Slot.filter(hall=hall, day__gte=day_from, day__lte=day_to).order_by(
        "starts_at", "appointment_group")


async def availability(*, rt: Runtime, hall_id: str, item_id: str, day_from: date,
                       day_to: date) -> list[AvailableSlotOut]:
    """Open future slots of a hall for an item, cached briefly; booking re-checks in the DB."""
    check_day_range(day_from, day_to)
    group = bookable_group(await catalog.bookable_item(rt=rt, item_id=item_id))
    hall = await catalog.get_hall_or_raise(hall_id=hall_id)
    key = _AVAILABILITY_KEY.format(hall.id, group, day_from, day_to)
    cached = await rt.redis.get(key)
    if cached is not None:
        return [AvailableSlotOut.model_validate(row) for row in orjson.loads(cached)]
    slots = await Slot.filter(hall=hall, appointment_group=group, day__gte=day_from,
                              day__lte=day_to, is_closed=False, starts_at__gt=utcnow()
                              ).order_by("starts_at")
    provisional = await calendar.provisional_among({s.day for s in slots})
    result = [AvailableSlotOut(id=str(s.id), day=s.day.isoformat(),
                               starts_at=to_local(s.starts_at).isoformat(),
                               ends_at=to_local(s.ends_at).isoformat(), capacity=s.capacity,
                               remaining=max(s.capacity - s.booked, 0), provisional=s.day in provisional,
                               opens_at=to_local(s.opens_at).isoformat() if s.opens_at else None,
                               draw_closes_at=to_local(s.draw_closes_at).isoformat()
                               if s.draw_closes_at else None, high_demand=s.high_demand)
              for s in slots]
    ttl = rt.settings.appointment_availability_cache_seconds
    if ttl:
        await rt.redis.set(key, orjson.dumps([r.model_dump() for r in result]), ex=ttl)
    return result
