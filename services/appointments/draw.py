"""The draw (抽签): a slot template may take entries for a short window after its release and then
draw the seats among the entrants instead of first come.

A draw runs once per slot (the slot's row lock, and ``slot_draws.slot_id`` unique behind it), after
its window closes: from ``run-draws`` (cron) or lazily when an entrant looks at their entries. The
seed comes from ``secrets``; the seed, the entrants' hashes and the winners go to the ledger in the
draw's transaction, and ``python -m ledger_verifier verify-draw`` recomputes the winners from that
entry alone. docs/release.md, "The draw (抽签)".
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import cast

import structlog
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import AppError, Conflict, ValidationFailed
from app.ids import SHANGHAI, utcnow
from ledger_verifier import draw as drawing
from models.appointments import Appointment, DrawEntry, DrawEntryStatus, Slot, SlotDraw
from models.catalog import ServiceItem
from services import appointments, catalog, ledger, outbox
from services.appointments import gate, risk, rules, seats, slots, throttle
from services.events import EventType
from services.identity import users

log = structlog.get_logger("services.appointments.draw")

_FORGOTTEN_AFTER = timedelta(days=1)
_OUTCOME_TEXT = {DrawEntryStatus.WON: "中签", DrawEntryStatus.LOST: "未中签",
                 DrawEntryStatus.REFUSED: "未能预约"}


class NotADrawSlot(Conflict):
    code, message = "DRAW_NOT_A_DRAW_SLOT", "该时段按先到先得预约，无需抽签"


class AlreadyEntered(Conflict):
    code, message = "DRAW_ALREADY_ENTERED", "已参加该时段的抽签"


class WindowClosed(Conflict):
    code, message = "DRAW_WINDOW_CLOSED", "该时段的抽签报名已截止"


async def enter(*, rt: Runtime, resident_id: uuid.UUID, item_id: str, slot_id: str,
                caller: throttle.Caller = throttle.UNKNOWN) -> DrawEntry:
    """Enter the draw of a slot during its window: real name needed, once per person and slot."""
    await throttle.ensure_allowed(rt=rt, resident_id=resident_id, caller=caller)
    item = await catalog.bookable_item(rt=rt, item_id=item_id)
    group = slots.bookable_group(item)
    slot = await slots.get_slot_or_raise(slot_id=slot_id)
    if slot.appointment_group != group:
        raise ValidationFailed("该号源不适用于此事项", code="SLOT_NOT_FOR_ITEM")
    if slot.draw_closes_at is None:
        raise NotADrawSlot()
    if slot.is_closed:
        raise seats.SlotUnavailable("该时段已停止预约", code="APPOINTMENT_SLOT_CLOSED")
    now = utcnow()
    if slot.opens_at is not None and slot.opens_at > now:
        raise appointments.not_yet_open(slot.opens_at)
    if slot.draw_closes_at <= now:
        raise WindowClosed(details={"closed_at": slot.draw_closes_at.astimezone(SHANGHAI).isoformat()})
    if slot.high_demand:
        await risk.ensure_acceptable(rt=rt, resident_id=resident_id, client_ip=caller.address)
    try:
        async with in_transaction():
            # Under the resident's lock, like a booking: two entries at once cannot both pass.
            user = users.ensure_active(await rules.lock_resident(resident_id))
            # A real name is one ID number, held by one user: one person is one entrant.
            users.ensure_real_name(user)
            if await Appointment.filter(resident_id=resident_id, item_id=item.id,
                                        active_marker=rules.ACTIVE).exists():
                raise rules.DuplicateBooking()
            if await DrawEntry.exists(slot_id=slot.id, resident_id=resident_id):
                raise AlreadyEntered()
            return await DrawEntry.create(slot_id=slot.id, resident_id=resident_id, item_id=item.id)
    except IntegrityError as exc:
        # Only reachable without the row lock (several SQLite processes): the constraint decides.
        raise AlreadyEntered() from exc


async def list_mine(*, rt: Runtime, resident_id: uuid.UUID) -> list[tuple[DrawEntry, SlotDraw | None]]:
    """The resident's entries, newest first, each with its slot's draw; due draws run first."""
    entries = await DrawEntry.filter(resident_id=resident_id).order_by("-created_at").limit(50)
    waiting = {e.slot_id for e in entries if e.status is DrawEntryStatus.ENTERED}
    if waiting:
        due = cast(list[uuid.UUID], await Slot.filter(id__in=waiting, draw_closes_at__lte=utcnow()
                                                      ).values_list("id", flat=True))
        for slot_id in due:
            await run(rt=rt, slot_id=slot_id)
        for entry in entries:
            if entry.slot_id in waiting:
                await entry.refresh_from_db()
    draws = {d.slot_id: d for d in await SlotDraw.filter(slot_id__in={e.slot_id for e in entries})}
    return [(entry, draws.get(entry.slot_id)) for entry in entries]


async def run_due(*, rt: Runtime) -> int:
    """``run-draws``: every draw whose entry window has closed and that has not run; returns how many ran."""
    now = utcnow()
    # Slots ended a day ago are left out: the scan stays small, and any draw missed that long
    # (the job down for a day) has no seat left to give.
    closed = set(cast(list[uuid.UUID], await Slot.filter(
        draw_closes_at__lte=now, ends_at__gt=now - _FORGOTTEN_AFTER).values_list("id", flat=True)))
    done = set(cast(list[uuid.UUID], await SlotDraw.filter(slot_id__in=closed).values_list("slot_id", flat=True)))
    ran = 0
    for slot_id in sorted(closed - done):
        ran += await run(rt=rt, slot_id=slot_id)
    return ran


async def run(*, rt: Runtime, slot_id: uuid.UUID) -> bool:
    """Draw the slot's seats among its entrants, once; False when it had run already."""
    try:
        async with in_transaction():
            drawn = await _draw(rt=rt, slot_id=slot_id)
    except IntegrityError:
        # Another process drew it between our check and our insert (SQLite without row locks).
        return False
    if drawn:
        # Seats were taken without the admission gate: its count is rebuilt from the database.
        await gate.forget(rt=rt, slot_ids=[slot_id])
    return drawn


async def _draw(*, rt: Runtime, slot_id: uuid.UUID) -> bool:
    slot = await Slot.filter(id=slot_id).select_for_update().first()
    if slot is None or slot.draw_closes_at is None or await SlotDraw.exists(slot_id=slot_id):
        return False
    entries = await DrawEntry.filter(slot_id=slot_id, status=DrawEntryStatus.ENTERED)
    by_hash = {drawing.entrant_hash(str(entry.id)): entry for entry in entries}
    bookable = not slot.is_closed and slot.starts_at > utcnow()
    seats_drawn = max(slot.capacity - slot.booked, 0) if bookable else 0
    seed = secrets.token_hex(32)
    # First, so a second process drawing this slot stops at the unique slot before any booking.
    record = await SlotDraw.create(slot_id=slot_id, seed=seed, seats=seats_drawn, entrants=len(entries), winners=0)
    items = {i.id: catalog.BookableItem.of(i) for i in await ServiceItem.filter(id__in={e.item_id for e in entries})}
    facts = slots.SlotFacts.of(slot)
    won: list[str] = []
    refused: list[str] = []
    for entrant in drawing.rank(seed=seed, entrants=by_hash):
        if len(won) == seats_drawn:
            break
        entry = by_hash[entrant]
        try:
            # The seat is counted below for all winners at once (the slot's row is locked).
            appointment, _ = await appointments.record_booking(
                rt=rt, resident_id=entry.resident_id, item=items[entry.item_id], slot=facts,
                idempotency_key=f"draw:{entry.id}", seat=seats.Seat.HELD)
        except AppError as refusal:  # a booking rule: daily limit, no-show block, booked meanwhile
            refused.append(entrant)
            entry.status, entry.refusal_code = DrawEntryStatus.REFUSED, refusal.code
            continue
        won.append(entrant)
        entry.status, entry.appointment_id = DrawEntryStatus.WON, appointment.id
    if won:
        await Slot.filter(id=slot_id).update(booked=F("booked") + len(won))
    for entry in entries:
        if entry.status is DrawEntryStatus.ENTERED:
            entry.status = DrawEntryStatus.LOST
        await DrawEntry.filter(id=entry.id).update(status=entry.status, refusal_code=entry.refusal_code,
                                                   appointment_id=entry.appointment_id)
    await outbox.emit_many(events=[_decided(entry, slot) for entry in entries])
    ledger_entry = await ledger.append(record_type=drawing.RECORD_TYPE, data={
        "slot_id": str(slot_id), "algorithm": drawing.ALGORITHM, "seed": seed, "seats": seats_drawn,
        "entrants": sorted(by_hash), "refused": refused, "winners": won})
    record.winners, record.ledger_entry_id = len(won), ledger_entry.id
    await record.save(update_fields=["winners", "ledger_entry_id", "updated_at"])
    log.info("slot_drawn", slot_id=str(slot_id), seats=seats_drawn, entrants=len(entries), winners=len(won))
    return True


def _decided(entry: DrawEntry, slot: Slot) -> outbox.Event:
    return outbox.Event(EventType.DRAW_DECIDED, str(entry.id), {
        "draw_entry_id": str(entry.id), "resident_id": str(entry.resident_id),
        "item_id": str(entry.item_id), "hall_id": str(slot.hall_id), "slot_id": str(slot.id),
        "starts_at": slot.starts_at.isoformat(), "outcome": entry.status.value,
        "outcome_text": _OUTCOME_TEXT[entry.status],
        "appointment_id": str(entry.appointment_id) if entry.appointment_id else None})
