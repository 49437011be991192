"""The booking rules: one active booking of an item per person, a daily limit, a block after
repeated no-shows, real names where the item or a high-demand slot asks, a key answered with the
booking it made; read under the resident's lock so concurrent requests see each other."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pypika_tortoise.queries import Table
from pypika_tortoise.terms import Criterion, Parameter
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from app.context import Runtime
from app.errors import Conflict, Forbidden
from app.fastpath.sql import get_where, select_where
from app.ids import SHANGHAI, utcnow
from models.appointments import Appointment, AppointmentStatus
from models.users import User
from services import catalog, companies
from services.applications import representation
from services.appointments import slots
from services.identity import users

ACTIVE = "active"
# The bookings a day's limit counts: a visit checked in has happened that day, and still counts.
VISITS = (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)


class DuplicateBooking(Conflict):
    code, message = "APPOINTMENT_DUPLICATE", "该事项已有未完成的预约"


async def lock_resident(resident_id: uuid.UUID) -> User | None:
    """Serialise one resident's booking changes (PostgreSQL row lock; SQLite has one writer)."""
    return await get_where(User, id=resident_id, for_update=True)


async def bookings_for_rules(*, rt: Runtime, resident_id: uuid.UUID, idempotency_key: str,
                             item_id: uuid.UUID, day: date, person_index: str | None) -> list[Appointment]:
    """In one query, every booking a new booking's rules look at: the resident's one made with
    this key, active ones for this item, visits (booked or checked in) on this day, and no-shows within
    the window; and the same of the person it is for (``person_index``), whoever made them."""
    def where(t: Table) -> Criterion:
        def active_item_or_visit_that_day(first: int) -> Criterion:  # numbered anew: SQLite's ? are positional
            return ((t.active_marker == Parameter(idx=first)) & (t.item_id == Parameter(idx=first + 1))) | (
                (t.day == Parameter(idx=first + 2))
                & t.status.isin([Parameter(idx=first + 3), Parameter(idx=first + 4)]))

        # ``person_index = NULL`` matches nothing: a booker without a real name has no person rows.
        return ((t.resident_id == Parameter(idx=1)) & (
            (t.idempotency_key == Parameter(idx=2)) | active_item_or_visit_that_day(3)
            | ((t.status == Parameter(idx=8)) & (t.ends_at > Parameter(idx=9))))
        ) | ((t.person_index == Parameter(idx=10)) & active_item_or_visit_that_day(11))

    def plain() -> QuerySet[Appointment]:
        active_item_or_visit_that_day = (Q(active_marker=ACTIVE, item_id=item_id)
                                         | Q(day=day, status__in=VISITS))
        mine = Q(resident_id=resident_id) & (
            Q(idempotency_key=idempotency_key) | active_item_or_visit_that_day
            | Q(status=AppointmentStatus.NO_SHOW, ends_at__gt=since))
        return Appointment.filter(mine | (Q(person_index=person_index) & active_item_or_visit_that_day)
                                  if person_index else mine)

    since = utcnow() - timedelta(days=rt.settings.appointment_no_show_window_days)
    item_or_day = [("active_marker", ACTIVE), ("item_id", item_id), ("day", day),
                   *(("status", status) for status in VISITS)]
    return await select_where(Appointment, name="booking_rules", where=where, values=[
        ("resident_id", resident_id), ("idempotency_key", idempotency_key), *item_or_day,
        ("status", AppointmentStatus.NO_SHOW), ("ends_at", since), ("person_index", person_index),
        *item_or_day],
        plain=plain)


def _ensure_not_blocked(*, rt: Runtime, no_shows_ending: list[datetime]) -> None:
    """Refuse a resident with too many no-shows (their end times) within the window."""
    settings = rt.settings
    recent = sorted(no_shows_ending, reverse=True)[:settings.appointment_no_show_limit]
    if len(recent) >= settings.appointment_no_show_limit:
        # The block lasts until the oldest of the counted no-shows leaves the window.
        blocked_until = recent[-1] + timedelta(days=settings.appointment_no_show_window_days)
        raise Forbidden(
            f"近 {settings.appointment_no_show_window_days} 天内爽约 {len(recent)} 次，暂停网上预约",
            code="APPOINTMENT_BLOCKED_NO_SHOW",
            details={"reason": "no_show", "no_shows": len(recent),
                     "window_days": settings.appointment_no_show_window_days,
                     "blocked_until": blocked_until.astimezone(SHANGHAI).isoformat()})


def _ensure_below_daily_limit(*, rt: Runtime, visits_that_day: int, day: date) -> None:
    limit = rt.settings.appointment_daily_limit
    if visits_that_day >= limit:
        raise Conflict(f"同一天最多预约 {limit} 个事项", code="APPOINTMENT_DAILY_LIMIT",
                       details={"day": day.isoformat(), "limit": limit})


async def ensure_within_daily_limit(*, rt: Runtime, resident_id: uuid.UUID, day: date) -> None:
    visits = await Appointment.filter(resident_id=resident_id, day=day, status__in=VISITS).count()
    _ensure_below_daily_limit(rt=rt, visits_that_day=visits, day=day)


@dataclass(frozen=True)
class KeyedRequest:
    """What a booking request with an idempotency key asks for: a retry must ask the same."""

    item_id: uuid.UUID
    slot_id: uuid.UUID | None
    company_id: uuid.UUID | None = None
    # Blind index of the ID number of the person booked for (代约); None when booking for oneself.
    represented_index: str | None = None


def same_request(existing: Appointment, request: KeyedRequest) -> Appointment:
    """The booking an idempotency key made, if this request is the same: item, slot, company and
    person booked for (a booking moved to another slot since no longer matches its first request)."""
    made = KeyedRequest(item_id=existing.item_id, slot_id=existing.slot_id, company_id=existing.company_id,
                        represented_index=existing.person_index if existing.representation else None)
    if made != request:
        raise Conflict("该 Idempotency-Key 已用于另一个预约请求", code="IDEMPOTENCY_KEY_REUSED")
    return existing


def decide_booking(*, rt: Runtime, user: User | None, resident_id: uuid.UUID, item: catalog.BookableItem,
                   slot: slots.SlotFacts, idempotency_key: str, application_id: uuid.UUID | None,
                   person_index: str | None, bookings: list[Appointment],
                   represented: representation.RepresentedIn | None = None,
                   acting: companies.Acting | None = None) -> Appointment | dict[str, Any]:
    """The booking rules, over ``bookings`` read under the resident's lock (rows of other
    residents and persons are passed over): the booking this key made (a replay), or the new
    booking's row; raises the refusal."""
    existing = next((b for b in bookings
                     if b.resident_id == resident_id and b.idempotency_key == idempotency_key), None)
    if existing is not None:
        return same_request(existing, KeyedRequest(
            item_id=item.id, slot_id=slot.id, company_id=acting.company.id if acting else None,
            represented_index=person_index if represented else None))
    declared = representation.declare_person(rt, agent=users.ensure_active(user), represented=represented
                                             ) if represented else None
    if item.requires_realname or slot.high_demand:
        # A high-demand slot is booked by real names only: one ID number is one user, so one
        # person is one booker whatever the number of WeChat accounts.
        users.ensure_real_name(users.ensure_active(user))
    since = utcnow() - timedelta(days=rt.settings.appointment_no_show_window_days)
    _ensure_not_blocked(rt=rt, no_shows_ending=[b.ends_at for b in bookings if b.resident_id == resident_id
                                                and b.status is AppointmentStatus.NO_SHOW and b.ends_at > since])
    # The resident's own bookings and the person's (an agent's booking for them included).
    theirs = [b for b in bookings if b.resident_id == resident_id or (person_index and b.person_index == person_index)]
    if any(b.active_marker == ACTIVE and b.item_id == item.id for b in theirs):
        raise DuplicateBooking()
    visits = [b for b in theirs if b.day == slot.day and b.status in VISITS]
    _ensure_below_daily_limit(rt=rt, day=slot.day, visits_that_day=max(
        sum(b.resident_id == resident_id for b in visits),
        sum(bool(person_index) and b.person_index == person_index for b in visits)))
    return dict(
        resident_id=resident_id, item_id=item.id, slot_id=slot.id,
        hall_id=slot.hall_id, appointment_group=slot.appointment_group, day=slot.day,
        starts_at=slot.starts_at, ends_at=slot.ends_at, active_marker=ACTIVE,
        idempotency_key=idempotency_key, application_id=application_id,
        representation=declared, person_index=person_index,
        company_id=acting.company.id if acting else None, on_behalf_of=acting.record() if acting else None)
