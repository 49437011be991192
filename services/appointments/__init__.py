"""Bookings: book (idempotent, never oversold), cancel, reschedule, list, no-show sweep."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, NotFoundError, ValidationFailed
from app.fastpath.sql import NoRowChanged, get_where, insert_all, new_rows
from app.ids import SHANGHAI, utcnow
from app.metrics import BOOKINGS
from app.shapes import decode_cursor, encode_cursor, id_or_not_found, parse_id
from models.appointments import Appointment, AppointmentStatus, Slot, SlotDraw
from models.catalog import ServiceItem
from models.prereview import Application, ApplicationState
from models.users import User
from services import catalog, companies, outbox
from services.applications import representation
from services.appointments import gate, group_commit, qr, risk, rules, seats, slots, throttle, waitlist
from services.companies import reach
from services.events import EventType
from services.identity import users

_ACTIVE_STATUSES = (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)


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
        raise seats.SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
    now = utcnow()
    if facts.starts_at <= now:
        raise seats.SlotUnavailable("该时段已开始或已过去", code="APPOINTMENT_SLOT_PAST")
    if facts.opens_at is not None and facts.opens_at > now:
        raise not_yet_open(facts.opens_at)
    if await awaiting_draw(facts):
        assert facts.draw_closes_at is not None  # a draw slot
        raise DrawOnly(details={"draw_closes_at": facts.draw_closes_at.astimezone(SHANGHAI).isoformat()})
    if slot is not None and slot.booked >= slot.capacity:
        # The seat update stays the judge (a seat freed since this read is found by the next attempt).
        raise seats.SlotUnavailable()
    return facts


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


async def _replay_or_raise(*, resident_id: uuid.UUID, request: rules.KeyedRequest, idempotency_key: str,
                           error: AppError) -> tuple[Appointment, bool]:
    """A retry of a booking that was made is answered with it, even once the slot is full or
    past; anything else gets the refusal."""
    existing = await get_where(Appointment, resident_id=resident_id, idempotency_key=idempotency_key)
    if existing is not None:
        return rules.same_request(existing, request), False
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
        await throttle.ensure_allowed(rt=rt, resident_id=resident_id, caller=caller)
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
        raise seats.SlotUnavailable()
    if ticket.outcome is gate.Outcome.NOT_YET_OPEN and ticket.opens_at is not None:
        raise not_yet_open(ticket.opens_at)
    created = database_full = False
    try:
        appointment, created = await _book(rt=rt, resident_id=resident_id, item=item,
                                           slot_id=slot_id, idempotency_key=idempotency_key,
                                           application_id=application_id, caller=caller,
                                           represented=represented, company_id=company_id,
                                           admitted=ticket.outcome is gate.Outcome.ADMITTED)
    except seats.SlotUnavailable as refused:
        database_full = refused.code == seats.SlotUnavailable.code
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
    keyed = rules.KeyedRequest(
        item_id=item.id, slot_id=parse_id(slot_id), company_id=acting.company.id if acting else None,
        represented_index=rt.cipher.blind_index(represented.id_number) if represented else None)
    try:
        linked = (await _passed_prereview(resident_id=resident_id, item=item,
                                          application_id=application_id)
                  if application_id else None)
        slot = await _bookable_slot(rt=rt, slot_id=slot_id, group=slots.bookable_group(item), admitted=admitted)
        if slot.high_demand:
            await risk.ensure_acceptable(rt=rt, resident_id=resident_id, client_ip=caller.address)
    except AppError as refused:
        return await _replay_or_raise(resident_id=resident_id, request=keyed,
                                      idempotency_key=idempotency_key, error=refused)
    began = utcnow()

    async def alone() -> tuple[Appointment, bool]:
        try:
            async with in_transaction():
                return await record_booking(rt=rt, resident_id=resident_id, item=item, slot=slot,
                                            idempotency_key=idempotency_key, application_id=linked,
                                            represented=represented, acting=acting, seat=seats.Seat.TAKE_AND_COMMIT)
        except NoRowChanged:
            await seats.refuse(slot_id=slot.id, now=began)
        except IntegrityError:
            # Only reachable without the row lock (several SQLite processes): the constraints decide.
            return await _replay_or_raise(resident_id=resident_id, request=keyed,
                                          idempotency_key=idempotency_key, error=rules.DuplicateBooking())

    if admitted and represented is None and acting is None and group_commit.available():
        return await group_commit.book(rt, group_commit.Admitted(
            resident_id=resident_id, item=item, slot=slot, idempotency_key=idempotency_key,
            application_id=linked), alone=alone)
    return await alone()


async def record_booking(*, rt: Runtime, resident_id: uuid.UUID, item: catalog.BookableItem, slot: slots.SlotFacts,
                         idempotency_key: str, application_id: uuid.UUID | None = None,
                         seat: seats.Seat = seats.Seat.TAKE,
                         represented: representation.RepresentedIn | None = None,
                         acting: companies.Acting | None = None) -> tuple[Appointment, bool]:
    """Inside the caller's transaction: the booking rules, the row, its events and the seat
    (see ``Seat``); created=False for a replay.
    ``represented``: booked for that person, whose limits it counts against too; ``acting``:
    booked for a company."""
    # Every rule is read after this lock, so concurrent requests of one resident (retries
    # with this key included) see each other's committed bookings.
    user = await rules.lock_resident(resident_id)
    person_index = (rt.cipher.blind_index(represented.id_number) if represented
                    else user.id_number_index if user else None)
    bookings = await rules.bookings_for_rules(rt=rt, resident_id=resident_id, idempotency_key=idempotency_key,
                                         item_id=item.id, day=slot.day, person_index=person_index)
    decided = rules.decide_booking(rt=rt, user=user, resident_id=resident_id, item=item, slot=slot,
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
    await seats.take(seat, slot=slot)
    return appointment, True


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
        await rules.lock_resident(resident_id)
        now = utcnow()
        changed = await Appointment.filter(
            id=appointment.id, status=AppointmentStatus.BOOKED, slot_id=appointment.slot_id,
        ).update(status=AppointmentStatus.CANCELLED, active_marker=None, cancelled_at=now)
        if not changed:
            raise Conflict("预约已被修改，请刷新后重试", code="APPOINTMENT_CHANGED")
        await seats.free_seat(slot_id=appointment.slot_id)
        await appointment.refresh_from_db()
        await _emit(_event(EventType.APPOINTMENT_CANCELLED, appointment))
    await gate.seat_returned(rt=rt, slot_id=appointment.slot_id, resident_id=resident_id)
    await waitlist.offer_freed(rt=rt, slot_ids=[appointment.slot_id])
    return appointment


async def reschedule(*, rt: Runtime, resident_id: uuid.UUID, appointment_id: str,
                     slot_id: str, caller: throttle.Caller = throttle.UNKNOWN) -> Appointment:
    """Move to another slot: the new seat is held before the old one is released, atomically.
    A move takes a seat as a booking does: the caller's rate limit, and a high-demand slot's real
    name and risk check, hold for it too (else a seat booked elsewhere would be a way round them)."""
    appointment = await _mine_to_act_on(resident_id=resident_id, appointment_id=appointment_id)
    _ensure_changeable(rt, appointment)
    await throttle.ensure_allowed(rt=rt, resident_id=resident_id, caller=caller)
    target = await _bookable_slot(rt=rt, slot_id=slot_id, group=appointment.appointment_group)
    if target.id == appointment.slot_id:
        raise ValidationFailed("新时段与原时段相同", code="APPOINTMENT_SAME_SLOT")
    if target.high_demand:
        users.ensure_real_name(await users.get_active_or_raise(user_id=resident_id))
        await risk.ensure_acceptable(rt=rt, resident_id=resident_id, client_ip=caller.address)
    old_slot_id = appointment.slot_id
    async with in_transaction():
        await rules.lock_resident(resident_id)
        # Lock both slots in id order so two opposite reschedules cannot deadlock.
        await Slot.filter(id__in=[old_slot_id, target.id]).order_by("id").select_for_update()
        if target.day != appointment.day:
            await rules.ensure_within_daily_limit(rt=rt, resident_id=resident_id, day=target.day)
        await seats.take_seat(slot=target)
        moved = await Appointment.filter(
            id=appointment.id, status=AppointmentStatus.BOOKED, slot_id=old_slot_id,
        ).update(slot_id=target.id, hall_id=target.hall_id, day=target.day,
                 starts_at=target.starts_at, ends_at=target.ends_at)
        if not moved:
            raise Conflict("预约已被修改，请刷新后重试", code="APPOINTMENT_CHANGED")
        await seats.free_seat(slot_id=old_slot_id)
        await appointment.refresh_from_db()
        await _emit(_event(EventType.APPOINTMENT_RESCHEDULED, appointment, previous_slot_id=str(old_slot_id)),
                    *_reminders(appointment, **await _audience(appointment)))
    await gate.seat_taken(rt=rt, slot_id=target.id, resident_id=resident_id)
    await gate.seat_returned(rt=rt, slot_id=old_slot_id, resident_id=resident_id)
    await waitlist.offer_freed(rt=rt, slot_ids=[old_slot_id])
    return appointment


async def sweep_no_shows(*, rt: Runtime) -> int:
    """Mark bookings never checked in as no-shows once the late margin has passed (idempotent).
    A booking on a day that became a holiday (``calendar_conflict``) was not the resident's to
    keep: it ends as cancelled by the closure, never as a no-show counted against them."""
    now = utcnow()
    deadline = now - timedelta(minutes=rt.settings.checkin_late_minutes)
    due = await Appointment.filter(status=AppointmentStatus.BOOKED, ends_at__lt=deadline)
    marked = 0
    for appointment in due:
        ending: dict[str, Any] = ({"status": AppointmentStatus.CANCELLED, "cancelled_at": now}
                                  if appointment.calendar_conflict else {"status": AppointmentStatus.NO_SHOW})
        async with in_transaction():
            changed = await Appointment.filter(id=appointment.id, status=AppointmentStatus.BOOKED
                                               ).update(active_marker=None, **ending)
            if changed:
                appointment.status = ending["status"]
                if appointment.calendar_conflict:
                    await _emit(_event(EventType.APPOINTMENT_CANCELLED, appointment, reason="hall_closed"))
                else:
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
