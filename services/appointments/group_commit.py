"""Bookings the admission gate let in, written for a slot in groups (group commit).

In a release every winner books the one slot, and each booking was its own transaction of five
round trips ending on the slot's row lock (bench/RESULTS.md, "Slot release"). Here a booking of a
slot that reaches this process while another of the slot is being written waits to be written
with the others that arrive meanwhile (app/coalesce.py: no timer): one transaction locks the
group's residents, reads their rules' bookings, inserts every booking and its events and takes
all their seats, five round trips for the group. The rules are the single booking's
(``decide_booking``), one resident at a time over what that one read found. A booking that finds
nothing of its slot being written goes on its own, at once: through the group it waited a turn of
the event loop more and lost a fifth of the uncontended booking rate.

Only a plain booking is grouped: one the gate admitted, for the booker themselves, not a
company's, on PostgreSQL's fast path. A resident met twice in a group (the gate admits one request
per resident, but its count may be rebuilt), and every booking of a group whose seats the
database refused (the gate and the database disagreeing) or whose rows a concurrent booking beat
to a unique key (an agent booking for the same person), go on their own the usual way.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.coalesce import Coalescer
from app.context import Runtime
from app.errors import AppError
from app.fastpath.sql import NoRowChanged, arrays_available, insert_all, new_rows, select_by_arrays
from app.ids import utcnow
from app.metrics import BOOKING_GROUP_SIZE
from models.appointments import Appointment, AppointmentStatus
from models.users import User
from services import appointments, catalog, outbox
from services.appointments import rules, seats, slots

# Bookings written in one transaction at most.
MAX_GROUP = 100


@dataclass(frozen=True)
class Admitted:
    """A plain booking whose seat the gate has taken."""

    resident_id: uuid.UUID
    item: catalog.BookableItem
    slot: slots.SlotFacts
    idempotency_key: str
    application_id: uuid.UUID | None


class Alone(Enum):
    """The answer for a booking to be made on its own (``appointments.record_booking``)."""

    ALONE = "alone"


ALONE = Alone.ALONE
Answer = tuple[Appointment, bool] | Alone


class SlotWrites(Coalescer[Admitted, Answer]):
    """The bookings of one slot this process is writing: its group, and those on their own."""

    alone = 0

    @property
    def idle(self) -> bool:
        return self.alone == 0 and super().idle


def available() -> bool:
    """Whether bookings can be grouped here (PostgreSQL's fast path)."""
    return arrays_available(Appointment)


async def book(rt: Runtime, booking: Admitted,
               alone: Callable[[], Awaitable[tuple[Appointment, bool]]]) -> tuple[Appointment, bool]:
    """Write ``booking``: on its own (``alone()``) while nothing else of its slot is being written
    here, a group's single statements cost no more and a lone booking then waits for no one; else
    with the others of its slot that arrive meanwhile. (appointment, created) as ``record_booking``
    answers; raises the booking's refusal."""
    name = f"booking-group:{booking.slot.id}"
    writes = rt.coalescers.get(name)
    if not isinstance(writes, SlotWrites):
        writes = rt.coalescers[name] = SlotWrites(lambda bookings: _write_group(rt, bookings), max_batch=MAX_GROUP)
    try:
        if not writes.idle:
            answer = await writes.submit(booking)
            if answer is not ALONE:
                return answer
        writes.alone += 1
        try:
            return await alone()
        finally:
            writes.alone -= 1
    finally:
        if writes.idle and rt.coalescers.get(name) is writes:
            del rt.coalescers[name]  # one per slot being booked, not one per slot ever booked


async def _write_group(rt: Runtime, bookings: list[Admitted]) -> list[Answer | Exception]:
    BOOKING_GROUP_SIZE.observe(len(bookings))
    firsts = _first_of_each_resident(bookings)
    try:
        written = await _write(rt, [bookings[position] for position in firsts])
    except (NoRowChanged, IntegrityError):
        # Rolled back: each is decided again on its own, with its own seat.
        return [ALONE] * len(bookings)
    answers: list[Answer | Exception] = [ALONE] * len(bookings)
    for position, answer in zip(firsts, written, strict=True):
        answers[position] = answer
    return answers


def _first_of_each_resident(bookings: list[Admitted]) -> list[int]:
    """The positions of the group's first request of each resident: a second one must see the
    first one's booking, and goes on its own after it."""
    seen: set[uuid.UUID] = set()
    first = []
    for position, booking in enumerate(bookings):
        if booking.resident_id not in seen:
            seen.add(booking.resident_id)
            first.append(position)
    return first


async def _write(rt: Runtime, group: list[Admitted]) -> list[Answer | Exception]:
    """One transaction for ``group`` (one booking per resident): each booking's answer, or its refusal."""
    slot = group[0].slot
    answers: list[Answer | Exception] = []
    made: list[tuple[int, dict[str, object]]] = []
    async with in_transaction():
        users = {user.id: user for user in await _lock_residents([b.resident_id for b in group])}
        read = await _bookings_for_rules(rt, group, person_indexes=[u.id_number_index for u in users.values()])
        for position, booking in enumerate(group):
            user = users.get(booking.resident_id)
            # One ID number is one user (a unique index): no two residents of a group are one person.
            try:
                decided = rules.decide_booking(
                    rt=rt, user=user, resident_id=booking.resident_id, item=booking.item, slot=slot,
                    idempotency_key=booking.idempotency_key, application_id=booking.application_id,
                    person_index=user.id_number_index if user else None, bookings=read)
            except AppError as refused:
                answers.append(refused)
                continue
            if isinstance(decided, Appointment):
                answers.append((decided, False))
                continue
            answers.append(ALONE)  # replaced by its booking below, once written
            made.append((position, decided))
        if not made:
            return answers
        rows = new_rows(Appointment, [row for _, row in made])
        # A plain booking is personal: its messages reach the booker only (no audience).
        await insert_all(rows, outbox.rows_of([event for appointment in rows.objects
                                               for event in appointments.booking_events(appointment, {})]))
        if not await seats.take_seats_and_commit(slot=slot, count=len(made)):
            raise RuntimeError("group commit outside PostgreSQL's fast path")  # available() says where it runs
    for (position, _), appointment in zip(made, rows.objects, strict=True):
        answers[position] = (appointment, True)
    return answers


async def _lock_residents(resident_ids: list[uuid.UUID]) -> list[User]:
    """``lock_resident`` for many, in the order of their keys (two groups never wait on each other
    in a circle)."""
    return await select_by_arrays(User, name="lock_residents", values=[resident_ids],
                                  clause=lambda: "WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE")


async def _bookings_for_rules(rt: Runtime, bookings: list[Admitted], *,
                              person_indexes: list[str | None]) -> list[Appointment]:
    """``rules.bookings_for_rules`` for a group in one query: each resident's bookings
    the rules look at, and the persons' active ones and visits that day; ``decide_booking`` sorts out whose is whose."""
    since = utcnow() - timedelta(days=rt.settings.appointment_no_show_window_days)
    return await select_by_arrays(
        Appointment, name="group_booking_rules", values=[
            [b.resident_id for b in bookings], [b.idempotency_key for b in bookings],
            rules.ACTIVE, list({b.item.id for b in bookings}), bookings[0].slot.day,
            AppointmentStatus.NO_SHOW.value, since, [index for index in person_indexes if index],
            [status.value for status in rules.VISITS]],
        clause=lambda: (
            "WHERE (resident_id = ANY($1::uuid[]) AND (idempotency_key = ANY($2::text[])"
            " OR (active_marker = $3 AND item_id = ANY($4::uuid[])) OR (day = $5 AND status = ANY($9::text[]))"
            " OR (status = $6 AND ends_at > $7)))"
            " OR (person_index = ANY($8::text[])"
            " AND ((active_marker = $3 AND item_id = ANY($4::uuid[])) OR (day = $5 AND status = ANY($9::text[]))))"))
