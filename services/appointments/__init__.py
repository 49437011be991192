"""Bookings: book (idempotent, never oversold), cancel, reschedule, list, no-show sweep."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any, NoReturn

from pypika_tortoise.functions import Now
from pypika_tortoise.queries import QueryBuilder, Table
from pypika_tortoise.terms import Criterion, Parameter, Term, ValueWrapper
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, Forbidden, NotFoundError, ValidationFailed
from app.fastpath.sql import (
    NoRowChanged,
    get_where,
    insert_all,
    new_rows,
    select_where,
    update_and_commit,
    update_where,
)
from app.ids import SHANGHAI, utcnow
from app.metrics import BOOKINGS
from app.shapes import decode_cursor, encode_cursor, id_or_not_found, parse_id
from models.appointments import Appointment, AppointmentStatus, Slot, SlotDraw
from models.catalog import ServiceItem
from models.prereview import Application, ApplicationState
from models.users import User
from services import catalog, companies, outbox
from services.applications import representation
from services.appointments import gate, group_commit, qr, risk, slots, throttle, waitlist
from services.companies import reach
from services.events import EventType
from services.identity import users

ACTIVE = "active"
_ACTIVE_STATUSES = (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)


class SlotUnavailable(AppError):
    status, code, message = 409, "APPOINTMENT_SLOT_FULL", "该时段已约满"


class SlotNotYetOpen(AppError):
    status, code, message = 409, "APPOINTMENT_NOT_YET_OPEN", "该时段尚未放号"


def not_yet_open(opens_at: datetime) -> SlotNotYetOpen:
    """The refusal of a booking before the slot's release, naming the release time."""
    return SlotNotYetOpen(f"该时段将于 {opens_at.astimezone(SHANGHAI):%m-%d %H:%M} 放号",
                          details={"opens_at": opens_at.astimezone(SHANGHAI).isoformat()})


class DrawOnly(AppError):
    status, code, message = 409, "APPOINTMENT_DRAW_ONLY", "该时段以抽签方式放号，抽签结束前不能直接预约"


class AppointmentNotFound(NotFoundError):
    code, message = "APPOINTMENT_NOT_FOUND", "预约不存在"


async def awaiting_draw(slot: Slot | slots.SlotFacts) -> bool:
    """A draw slot whose draw has not run: entering the draw is the only way to its seats until
    then; seats left after it are first come."""
    return slot.draw_closes_at is not None and not await SlotDraw.exists(slot_id=slot.id)


async def _bookable_slot(*, rt: Runtime, slot_id: str, group: str, admitted: bool = False) -> slots.SlotFacts:
    """The slot to book, refused early where it cannot be booked. With a seat taken at the gate
    (``admitted``: the slot had one a moment ago) its unchanging facts come from memory and
    whether it is closed or full is left to the seat update; otherwise its row is read and
    checked whole, which also sheds load in front of a full slot before any lock is taken."""
    slot = None if admitted else await slots.get_slot_or_raise(slot_id=slot_id)
    facts = (slots.SlotFacts.of(slot) if slot is not None
             else await slots.slot_facts(rt=rt, slot_id=uuid.UUID(slot_id)))
    if facts.appointment_group != group:
        raise ValidationFailed("该号源不适用于此事项", code="SLOT_NOT_FOR_ITEM")
    if slot is not None and slot.is_closed:
        raise SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
    now = utcnow()
    if facts.starts_at <= now:
        raise SlotUnavailable("该时段已开始或已过去", code="APPOINTMENT_SLOT_PAST")
    if facts.opens_at is not None and facts.opens_at > now:
        raise not_yet_open(facts.opens_at)
    if await awaiting_draw(facts):
        assert facts.draw_closes_at is not None  # a draw slot
        raise DrawOnly(details={"draw_closes_at": facts.draw_closes_at.astimezone(SHANGHAI).isoformat()})
    if slot is not None and slot.booked >= slot.capacity:
        # The seat update stays the judge (a seat freed since this read is found by the next attempt).
        raise SlotUnavailable()
    return facts


class Seat(Enum):
    """How ``record_booking`` counts the booking's seat."""

    TAKE = "take"  # a conditional update, the transaction's last statement
    TAKE_AND_COMMIT = "take_and_commit"  # the same update and the COMMIT as one query (update_and_commit)
    HELD = "held"  # already counted in ``booked`` (a waiting-list hold, a draw's winners)


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
        await _refuse_seat(slot_id=slot.id, now=now)


async def _take_seat_and_commit(*, slot: slots.SlotFacts) -> None:
    """``take_seat`` as the statement that commits the caller's transaction, where it can be
    (``take_seats_and_commit``); else as the transaction's last statement."""
    if not await take_seats_and_commit(slot=slot, count=1):
        await take_seat(slot=slot)


async def take_seats_and_commit(*, slot: slots.SlotFacts, count: int) -> bool:
    """Take ``count`` seats by the statement that commits the caller's transaction
    (app.fastpath.sql.update_and_commit): the slot's row, which every booking of a released slot
    waits for, is then locked for the server's time only. Raises NoRowChanged when there were not
    as many left; the caller reads why once the transaction is rolled back (``_refuse_seat``).
    False, having done nothing, where it cannot be done so."""
    # That query takes no parameters: the values are written in, the time is the server's.
    return await update_and_commit(Slot, lambda query, t: _take_seats(
        query, t, slot_id=ValueWrapper(str(slot.id)), closed=ValueWrapper(False), starts_after=Now(), count=count))


async def _refuse_seat(*, slot_id: uuid.UUID, now: datetime) -> NoReturn:
    """Why a slot's seat could not be taken at ``now``."""
    slot = await slots.get_slot_or_raise(slot_id=slot_id)
    if slot.is_closed:
        raise SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
    if slot.starts_at <= now:
        raise SlotUnavailable("该时段已开始或已过去", code="APPOINTMENT_SLOT_PAST")
    raise SlotUnavailable()


async def free_seat(*, slot_id: uuid.UUID) -> None:
    await update_where(Slot, name="free_seat", values=[("id", slot_id)],
                       build=lambda query, t: query.set(t.booked, t.booked - 1).where(
                           (t.id == Parameter(idx=1)) & (t.booked > 0)),
                       plain=lambda: Slot.filter(id=slot_id, booked__gt=0).update(
                           booked=F("booked") - 1))


async def lock_resident(resident_id: uuid.UUID) -> User | None:
    """Serialise one resident's booking changes (PostgreSQL row lock; SQLite has one writer)."""
    return await get_where(User, id=resident_id, for_update=True)


async def _bookings_for_rules(*, rt: Runtime, resident_id: uuid.UUID, idempotency_key: str,
                              item_id: uuid.UUID, day: date, person_index: str | None) -> list[Appointment]:
    """In one query, every booking a new booking's rules look at: the resident's one made with
    this key, active ones for this item or on this day, and no-shows within the window; and the
    active ones for this item or day of the person it is for (``person_index``), whoever made them."""
    def where(t: Table) -> Criterion:
        def active_item_or_day(first: int) -> Criterion:  # numbered anew: SQLite's ? are positional
            return (t.active_marker == Parameter(idx=first)) & (
                (t.item_id == Parameter(idx=first + 1)) | (t.day == Parameter(idx=first + 2)))

        # ``person_index = NULL`` matches nothing: a booker without a real name has no person rows.
        return ((t.resident_id == Parameter(idx=1)) & (
            (t.idempotency_key == Parameter(idx=2)) | active_item_or_day(3)
            | ((t.status == Parameter(idx=6)) & (t.ends_at > Parameter(idx=7))))
        ) | ((t.person_index == Parameter(idx=8)) & active_item_or_day(9))

    def plain() -> QuerySet[Appointment]:
        active_item_or_day = Q(active_marker=ACTIVE) & (Q(item_id=item_id) | Q(day=day))
        mine = Q(resident_id=resident_id) & (
            Q(idempotency_key=idempotency_key) | active_item_or_day
            | Q(status=AppointmentStatus.NO_SHOW, ends_at__gt=since))
        return Appointment.filter(mine | (Q(person_index=person_index) & active_item_or_day)
                                  if person_index else mine)

    since = utcnow() - timedelta(days=rt.settings.appointment_no_show_window_days)
    return await select_where(Appointment, name="booking_rules", where=where, values=[
        ("resident_id", resident_id), ("idempotency_key", idempotency_key),
        ("active_marker", ACTIVE), ("item_id", item_id), ("day", day),
        ("status", AppointmentStatus.NO_SHOW), ("ends_at", since), ("person_index", person_index),
        ("active_marker", ACTIVE), ("item_id", item_id), ("day", day)],
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


def _ensure_below_daily_limit(*, rt: Runtime, active_that_day: int, day: date) -> None:
    limit = rt.settings.appointment_daily_limit
    if active_that_day >= limit:
        raise Conflict(f"同一天最多预约 {limit} 个事项", code="APPOINTMENT_DAILY_LIMIT",
                       details={"day": day.isoformat(), "limit": limit})


async def _ensure_within_daily_limit(*, rt: Runtime, resident_id: uuid.UUID, day: date) -> None:
    active = await Appointment.filter(resident_id=resident_id, day=day, active_marker=ACTIVE).count()
    _ensure_below_daily_limit(rt=rt, active_that_day=active, day=day)


def _same_request(existing: Appointment, item: catalog.BookableItem) -> Appointment:
    if existing.item_id != item.id:
        raise Conflict("该 Idempotency-Key 已用于另一个预约请求", code="IDEMPOTENCY_KEY_REUSED")
    return existing


def _event_payload(appointment: Appointment) -> dict[str, Any]:
    return {"appointment_id": str(appointment.id), "resident_id": str(appointment.resident_id),
            "item_id": str(appointment.item_id), "hall_id": str(appointment.hall_id),
            "slot_id": str(appointment.slot_id), "starts_at": appointment.starts_at.isoformat(),
            "ends_at": appointment.ends_at.isoformat(), "status": appointment.status.value}


def _event(event_type: EventType, appointment: Appointment, **extra: object) -> outbox.Event:
    return outbox.Event(event_type, str(appointment.id), {**_event_payload(appointment), **extra})


async def _emit(*events: outbox.Event) -> None:
    await outbox.emit_many(events=list(events))


async def _audience(appointment: Appointment) -> dict[str, Any]:
    """Whom a company booking's messages reach (services/companies/reach.py); {} for a personal one."""
    if appointment.company_id is None:
        return {}
    codes = await ServiceItem.filter(id=appointment.item_id).values_list("code", flat=True)
    return await reach.audience(company_id=appointment.company_id, filer_id=appointment.resident_id,
                                codes=[str(code) for code in codes])


def _reminders(appointment: Appointment, **extra: object) -> list[outbox.Event]:
    """Reminders the evening before (20:00) and one hour before, for push to deliver when due.

    Push delivers a reminder only if the appointment still has that ``slot_id`` and is booked.
    """
    local_start = appointment.starts_at.astimezone(SHANGHAI)
    evening_before = datetime.combine(local_start.date() - timedelta(days=1), time(20), tzinfo=SHANGHAI)
    now = utcnow()
    return [_event(EventType.APPOINTMENT_REMINDER, appointment, reminder=kind, due_at=due.isoformat(), **extra)
            for kind, due in (("evening_before", evening_before),
                              ("hour_before", appointment.starts_at - timedelta(hours=1)))
            if due > now]


async def _passed_prereview(*, resident_id: uuid.UUID, item: catalog.BookableItem,
                            application_id: str) -> uuid.UUID:
    """The resident's own passed pre-review of this item, to bring to the window."""
    parsed = parse_id(application_id)
    application = await Application.get_or_none(id=parsed, resident_id=resident_id) if parsed else None
    if application is None or application.item_id != item.id or application.state != ApplicationState.PASSED:
        raise ValidationFailed("只能凭本人该事项已通过的预审办件预约", code="APPLICATION_NOT_BOOKABLE",
                               details={"application_id": application_id})
    return application.id


class DuplicateBooking(Conflict):
    code, message = "APPOINTMENT_DUPLICATE", "该事项已有未完成的预约"


async def _replay_or_raise(*, resident_id: uuid.UUID, item: catalog.BookableItem, idempotency_key: str,
                           error: AppError) -> tuple[Appointment, bool]:
    """A retry of a booking that was made is answered with it, even once the slot is full or
    past; anything else gets the refusal."""
    existing = await get_where(Appointment, resident_id=resident_id, idempotency_key=idempotency_key)
    if existing is not None:
        return _same_request(existing, item), False
    raise error


async def book(*, rt: Runtime, resident_id: uuid.UUID, item_id: str, slot_id: str,
               idempotency_key: str, application_id: str | None = None,
               caller: throttle.Caller = throttle.UNKNOWN,
               represented: representation.RepresentedIn | None = None,
               company_id: str | None = None) -> tuple[Appointment, bool]:
    """Book a seat; the same key from the same resident returns the first booking (created=False).

    With ``application_id`` (a passed pre-review) the clerk receives that file at check-in; with
    ``represented`` the visit is for that person (代约); with ``company_id`` the booking is the
    company's, made by its representative or an agent authorised for the item (checked as for an
    application). The caller's device and address are rate-limited first
    (services/appointments/throttle.py)."""
    try:
        await throttle.ensure_allowed(rt=rt, caller=caller)
        appointment, created = await _gated_book(rt=rt, resident_id=resident_id, item_id=item_id,
                                                 slot_id=slot_id, idempotency_key=idempotency_key,
                                                 application_id=application_id, caller=caller,
                                                 represented=represented, company_id=company_id)
    except AppError as refused:
        BOOKINGS.labels(refused.code).inc()
        raise
    except Exception:
        BOOKINGS.labels("error").inc()
        raise
    BOOKINGS.labels("booked" if created else "replayed").inc()
    return appointment, created


async def _gated_book(*, rt: Runtime, resident_id: uuid.UUID, item_id: str, slot_id: str,
                      idempotency_key: str, application_id: str | None,
                      caller: throttle.Caller,
                      represented: representation.RepresentedIn | None,
                      company_id: str | None) -> tuple[Appointment, bool]:
    """The admission gate first: no seat there is an answer without the database; a seat taken
    there is kept, given back or recounted once the database has decided (services/appointments/gate.py)."""
    item = await catalog.bookable_item(rt=rt, item_id=item_id)
    group = slots.bookable_group(item)
    parsed = parse_id(slot_id)
    ticket = (await gate.admit(rt=rt, slot_id=parsed, resident_id=resident_id, group=group)
              if parsed else gate.UNGATED)
    if ticket.outcome is gate.Outcome.FULL:
        raise SlotUnavailable()
    if ticket.outcome is gate.Outcome.NOT_YET_OPEN and ticket.opens_at is not None:
        raise not_yet_open(ticket.opens_at)
    created = database_full = False
    try:
        appointment, created = await _book(rt=rt, resident_id=resident_id, item=item,
                                           slot_id=slot_id, idempotency_key=idempotency_key,
                                           application_id=application_id, caller=caller,
                                           represented=represented, company_id=company_id,
                                           admitted=ticket.outcome is gate.Outcome.ADMITTED)
    except SlotUnavailable as refused:
        database_full = refused.code == SlotUnavailable.code
        raise
    finally:
        if parsed is not None:
            await gate.settle(rt=rt, ticket=ticket, slot_id=parsed, resident_id=resident_id,
                              booked=created, database_full=database_full)
    return appointment, created


async def _book(*, rt: Runtime, resident_id: uuid.UUID, item: catalog.BookableItem,
                slot_id: str, idempotency_key: str, application_id: str | None,
                caller: throttle.Caller,
                represented: representation.RepresentedIn | None,
                company_id: str | None, admitted: bool) -> tuple[Appointment, bool]:
    acting = (await companies.authority(user=await users.get_active_or_raise(user_id=resident_id),
                                        company_id=company_id, code=item.code) if company_id else None)
    try:
        linked = (await _passed_prereview(resident_id=resident_id, item=item,
                                          application_id=application_id)
                  if application_id else None)
        slot = await _bookable_slot(rt=rt, slot_id=slot_id, group=slots.bookable_group(item), admitted=admitted)
        if slot.high_demand:
            await risk.ensure_acceptable(rt=rt, resident_id=resident_id, client_ip=caller.address)
    except AppError as refused:
        return await _replay_or_raise(resident_id=resident_id, item=item,
                                      idempotency_key=idempotency_key, error=refused)
    began = utcnow()

    async def alone() -> tuple[Appointment, bool]:
        try:
            async with in_transaction():
                return await record_booking(rt=rt, resident_id=resident_id, item=item, slot=slot,
                                            idempotency_key=idempotency_key, application_id=linked,
                                            represented=represented, acting=acting, seat=Seat.TAKE_AND_COMMIT)
        except NoRowChanged:
            await _refuse_seat(slot_id=slot.id, now=began)
        except IntegrityError:
            # Only reachable without the row lock (several SQLite processes): the constraints decide.
            return await _replay_or_raise(resident_id=resident_id, item=item,
                                          idempotency_key=idempotency_key, error=DuplicateBooking())

    if admitted and represented is None and acting is None and group_commit.available():
        return await group_commit.book(rt, group_commit.Admitted(
            resident_id=resident_id, item=item, slot=slot, idempotency_key=idempotency_key,
            application_id=linked), alone=alone)
    return await alone()


async def record_booking(*, rt: Runtime, resident_id: uuid.UUID, item: catalog.BookableItem, slot: slots.SlotFacts,
                         idempotency_key: str, application_id: uuid.UUID | None = None,
                         seat: Seat = Seat.TAKE,
                         represented: representation.RepresentedIn | None = None,
                         acting: companies.Acting | None = None) -> tuple[Appointment, bool]:
    """Inside the caller's transaction: the booking rules, the row, its events and the seat
    (see ``Seat``); created=False for a replay.
    ``represented``: booked for that person, whose limits it counts against too; ``acting``:
    booked for a company."""
    # Every rule is read after this lock, so concurrent requests of one resident (retries
    # with this key included) see each other's committed bookings.
    user = await lock_resident(resident_id)
    person_index = (rt.cipher.blind_index(represented.id_number) if represented
                    else user.id_number_index if user else None)
    bookings = await _bookings_for_rules(rt=rt, resident_id=resident_id, idempotency_key=idempotency_key,
                                         item_id=item.id, day=slot.day, person_index=person_index)
    decided = decide_booking(rt=rt, user=user, resident_id=resident_id, item=item, slot=slot,
                             idempotency_key=idempotency_key, application_id=application_id,
                             person_index=person_index, bookings=bookings, represented=represented,
                             acting=acting)
    if isinstance(decided, Appointment):
        return decided, False
    booked = new_rows(Appointment, [decided])
    (appointment,) = booked.objects
    # The booking and its events in one statement on PostgreSQL (app.fastpath.sql.insert_all).
    await insert_all(booked, outbox.rows_of(booking_events(appointment, await _audience(appointment))))
    # The seat last: its row lock, which every booking of the slot waits for, is then held
    # only until the commit; a refusal rolls the inserts back.
    if seat is Seat.TAKE:
        await take_seat(slot=slot)
    elif seat is Seat.TAKE_AND_COMMIT:
        await _take_seat_and_commit(slot=slot)
    return appointment, True


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
        return _same_request(existing, item)
    declared = representation.declare_person(rt, agent=users.ensure_active(user), represented=represented
                                             ) if represented else None
    if item.requires_realname or slot.high_demand:
        # A high-demand slot is booked by real names only: one ID number is one user, so one
        # person is one booker whatever the number of WeChat accounts.
        users.ensure_real_name(users.ensure_active(user))
    since = utcnow() - timedelta(days=rt.settings.appointment_no_show_window_days)
    _ensure_not_blocked(rt=rt, no_shows_ending=[b.ends_at for b in bookings if b.resident_id == resident_id
                                                and b.status is AppointmentStatus.NO_SHOW and b.ends_at > since])
    # The resident's own active bookings and the person's (an agent's booking for them included).
    active = [b for b in bookings if b.active_marker == ACTIVE and (
        b.resident_id == resident_id or (person_index and b.person_index == person_index))]
    if any(b.item_id == item.id for b in active):
        raise DuplicateBooking()
    _ensure_below_daily_limit(rt=rt, day=slot.day, active_that_day=max(
        sum(b.day == slot.day for b in active if b.resident_id == resident_id),
        sum(b.day == slot.day for b in active if person_index and b.person_index == person_index)))
    return dict(
        resident_id=resident_id, item_id=item.id, slot_id=slot.id,
        hall_id=slot.hall_id, appointment_group=slot.appointment_group, day=slot.day,
        starts_at=slot.starts_at, ends_at=slot.ends_at, active_marker=ACTIVE,
        idempotency_key=idempotency_key, application_id=application_id,
        representation=declared, person_index=person_index,
        company_id=acting.company.id if acting else None, on_behalf_of=acting.record() if acting else None)


def booking_events(appointment: Appointment, audience: dict[str, Any]) -> list[outbox.Event]:
    """A new booking's confirmation and reminders, to whom its messages reach (``_audience``)."""
    return [_event(EventType.APPOINTMENT_CONFIRMED, appointment, **audience), *_reminders(appointment, **audience)]


async def get_mine_or_raise(*, resident_id: uuid.UUID, appointment_id: str) -> Appointment:
    """The resident's own appointment; someone else's is reported as not found."""
    parsed = id_or_not_found(appointment_id, code=AppointmentNotFound.code,
                            message=AppointmentNotFound.message)
    appointment = await get_where(Appointment, id=parsed, resident_id=resident_id)
    if appointment is None:
        raise AppointmentNotFound()
    return appointment


async def _mine_to_act_on(*, resident_id: uuid.UUID, appointment_id: str) -> Appointment:
    """The resident's own appointment to change or show; for a company's, while they may still
    act for it on the item (a former agent is refused with the authorisation's 403)."""
    appointment = await get_mine_or_raise(resident_id=resident_id, appointment_id=appointment_id)
    if appointment.company_id is not None:
        await appointment.fetch_related("item")
        await companies.authority(user=await users.get_active_or_raise(user_id=resident_id),
                                  company_id=appointment.company_id, code=appointment.item.code)
    return appointment


async def get_visible_or_raise(*, resident_id: uuid.UUID, appointment_id: str) -> Appointment:
    """An appointment the resident may read: their own personal one, or a company's they may see
    (services/companies/reach.py); others' are reported as not found."""
    parsed = id_or_not_found(appointment_id, code=AppointmentNotFound.code,
                            message=AppointmentNotFound.message)
    user = await users.get_active_or_raise(user_id=resident_id)
    appointment = await Appointment.filter(await _visible(user), id=parsed).first()
    if appointment is None:
        raise AppointmentNotFound()
    return appointment


async def _visible(user: User) -> Q:
    return reach.items_filter(user_id=user.id, reach=await reach.reach_of(user=user), bundle_steps=False)


async def list_mine(*, resident_id: uuid.UUID, cursor: str | None, limit: int
                    ) -> tuple[list[Appointment], str | None]:
    """The appointments the resident may read (their own, and the companies' they may see),
    newest booking first, by cursor."""
    query = Appointment.filter(await _visible(await users.get_active_or_raise(user_id=resident_id)))
    if cursor:
        try:
            query = query.filter(id__lt=uuid.UUID(decode_cursor(cursor)))
        except ValueError as exc:
            raise ValidationFailed("分页游标无效", code="INVALID_CURSOR") from exc
    rows = await query.order_by("-id").limit(limit + 1)
    page = rows[:limit]
    return page, encode_cursor(str(page[-1].id)) if len(rows) > limit else None


def _ensure_changeable(rt: Runtime, appointment: Appointment) -> None:
    if appointment.status is not AppointmentStatus.BOOKED:
        raise Conflict("该预约当前状态不能修改", code="APPOINTMENT_NOT_ACTIVE",
                       details={"status": appointment.status.value})
    cutoff = appointment.starts_at - timedelta(minutes=rt.settings.appointment_cancel_cutoff_minutes)
    if utcnow() >= cutoff:
        raise Conflict("已过取消/改约截止时间", code="APPOINTMENT_CHANGE_CUTOFF",
                       details={"cutoff": cutoff.astimezone(SHANGHAI).isoformat()})


async def cancel(*, rt: Runtime, resident_id: uuid.UUID, appointment_id: str) -> Appointment:
    """Cancel before the cut-off; the seat goes back to the slot in the same transaction."""
    appointment = await _mine_to_act_on(resident_id=resident_id, appointment_id=appointment_id)
    _ensure_changeable(rt, appointment)
    async with in_transaction():
        # Same lock order as reschedule (resident, then rows), so the two cannot deadlock.
        await lock_resident(resident_id)
        now = utcnow()
        changed = await Appointment.filter(
            id=appointment.id, status=AppointmentStatus.BOOKED, slot_id=appointment.slot_id,
        ).update(status=AppointmentStatus.CANCELLED, active_marker=None, cancelled_at=now)
        if not changed:
            raise Conflict("预约已被修改，请刷新后重试", code="APPOINTMENT_CHANGED")
        await free_seat(slot_id=appointment.slot_id)
        await appointment.refresh_from_db()
        await _emit(_event(EventType.APPOINTMENT_CANCELLED, appointment))
    await gate.seat_returned(rt=rt, slot_id=appointment.slot_id, resident_id=resident_id)
    await waitlist.offer_freed(rt=rt, slot_ids=[appointment.slot_id])
    return appointment


async def reschedule(*, rt: Runtime, resident_id: uuid.UUID, appointment_id: str,
                     slot_id: str) -> Appointment:
    """Move to another slot: the new seat is held before the old one is released, atomically."""
    appointment = await _mine_to_act_on(resident_id=resident_id, appointment_id=appointment_id)
    _ensure_changeable(rt, appointment)
    target = await _bookable_slot(rt=rt, slot_id=slot_id, group=appointment.appointment_group)
    if target.id == appointment.slot_id:
        raise ValidationFailed("新时段与原时段相同", code="APPOINTMENT_SAME_SLOT")
    old_slot_id = appointment.slot_id
    async with in_transaction():
        await lock_resident(resident_id)
        # Lock both slots in id order so two opposite reschedules cannot deadlock.
        await Slot.filter(id__in=[old_slot_id, target.id]).order_by("id").select_for_update()
        if target.day != appointment.day:
            await _ensure_within_daily_limit(rt=rt, resident_id=resident_id, day=target.day)
        await take_seat(slot=target)
        moved = await Appointment.filter(
            id=appointment.id, status=AppointmentStatus.BOOKED, slot_id=old_slot_id,
        ).update(slot_id=target.id, hall_id=target.hall_id, day=target.day,
                 starts_at=target.starts_at, ends_at=target.ends_at)
        if not moved:
            raise Conflict("预约已被修改，请刷新后重试", code="APPOINTMENT_CHANGED")
        await free_seat(slot_id=old_slot_id)
        await appointment.refresh_from_db()
        await _emit(_event(EventType.APPOINTMENT_RESCHEDULED, appointment, previous_slot_id=str(old_slot_id)),
                    *_reminders(appointment, **await _audience(appointment)))
    await gate.seat_taken(rt=rt, slot_id=target.id, resident_id=resident_id)
    await gate.seat_returned(rt=rt, slot_id=old_slot_id, resident_id=resident_id)
    await waitlist.offer_freed(rt=rt, slot_ids=[old_slot_id])
    return appointment


async def sweep_no_shows(*, rt: Runtime) -> int:
    """Mark bookings never checked in as no-shows once the late margin has passed (idempotent)."""
    deadline = utcnow() - timedelta(minutes=rt.settings.checkin_late_minutes)
    due = await Appointment.filter(status=AppointmentStatus.BOOKED, ends_at__lt=deadline)
    marked = 0
    for appointment in due:
        async with in_transaction():
            changed = await Appointment.filter(id=appointment.id, status=AppointmentStatus.BOOKED
                                               ).update(status=AppointmentStatus.NO_SHOW,
                                                        active_marker=None)
            if changed:
                appointment.status = AppointmentStatus.NO_SHOW
                await _emit(_event(EventType.APPOINTMENT_NO_SHOW, appointment))
                marked += 1
    return marked


async def qr_token(*, rt: Runtime, resident_id: uuid.UUID, appointment_id: str) -> str:
    """The signed QR token of the resident's own active appointment."""
    appointment = await _mine_to_act_on(resident_id=resident_id, appointment_id=appointment_id)
    if appointment.status not in _ACTIVE_STATUSES:
        raise Conflict("该预约已取消或已过期，没有可用的二维码", code="APPOINTMENT_NOT_ACTIVE",
                       details={"status": appointment.status.value})
    return qr.issue(rt=rt, appointment=appointment)
