"""The clerk's actions at a window: call next, recall, absent, serve, transfer, hold and bring back.

Each one changes the ticket only from the state it applies to (a conditional update), records an
outbox event and a ledger entry in the same transaction, then tells the hall's screens.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import Conflict, ValidationFailed
from app.ids import SHANGHAI, utcnow
from app.metrics import HALL_APPOINTMENTS_SERVED, HALL_SERVICE, HALL_WAIT
from app.tokens import Principal
from models.hall_floor import HallWindow, Ticket, TicketKind, TicketStatus
from services import ledger, outbox
from services.applications import desk as application_desk
from services.events import EventType
from services.hall_floor import (
    TicketStateInvalid,
    WindowClosed,
    WindowNotYours,
    WrongHall,
    analytics,
    board,
    settings_of,
    ticket_or_raise,
    tickets,
    window_or_raise,
)
from services.hall_floor.windows import ensure_clerk_at

NEAR_AHEAD = 2  # "two away": the resident is told when two tickets are left before theirs


async def _my_open_window(principal: Principal, window_id: str) -> HallWindow:
    """The window, if open and opened by this clerk."""
    window = await window_or_raise(window_id)
    await ensure_clerk_at(principal, window)
    if not window.is_open:
        raise WindowClosed(details={"window": window.number})
    if window.opened_by != str(principal.subject_id):
        raise WindowNotYours(details={"window": window.number})
    return window


async def _claim_window(window: HallWindow, principal: Principal, now: datetime) -> None:
    """Touch the window row first in the transaction: on SQLite this takes the database's write
    lock before anything is read, so two processes never pick from the same snapshot; on
    PostgreSQL it refuses a window closed since it was read."""
    touched = await HallWindow.filter(id=window.id, is_open=True, opened_by=str(principal.subject_id)
                                      ).update(updated_at=now)
    if not touched:
        raise WindowClosed(details={"window": window.number})


async def _record(*, event_type: EventType, ticket: Ticket, window: HallWindow, actor: str,
                  record_type: str, action: str, application_id: str | None = None,
                  **extra: Any) -> None:
    """The action's outbox event and ledger entry (last, as the ledger lock serialises appends)."""
    await outbox.emit(event_type=event_type, aggregate_id=str(ticket.id),
                      payload=tickets.event_payload(ticket, window_id=str(window.id),
                                                    window_number=window.number, staff_id=actor, **extra))
    record: dict[str, Any] = {"ticket_id": str(ticket.id), "hall_id": str(ticket.hall_id),
                              "window_id": str(window.id), "action": action, "actor_id": actor}
    if application_id:
        record["application_id"] = application_id
    await ledger.append(record_type=record_type, data=record)


async def call_next(*, rt: Runtime, principal: Principal, window_id: str,
                    groups: list[str] | None = None) -> Ticket:
    """Call the next ticket of the groups this window serves (or of ``groups``, a subset of them).

    Atomic across clerks: on PostgreSQL the candidate row is taken ``FOR UPDATE SKIP LOCKED``, so
    a concurrent call passes to the next ticket instead of waiting; on SQLite writes are serialised
    by the window touch. Either way the claim is a conditional update from ``waiting``."""
    window = await _my_open_window(principal, window_id)
    served = list(window.groups or [])
    if groups is not None:
        if unknown := sorted(set(groups) - set(served)):
            raise ValidationFailed("本窗口不办理这些事项组", code="HALL_GROUP_NOT_SERVED",
                                   details={"appointment_groups": unknown, "served": served})
        served = groups
    actor = str(principal.subject_id)
    now = utcnow()
    day = now.astimezone(SHANGHAI).date()
    async with in_transaction():
        await _claim_window(window, principal, now)
        while True:
            candidate = await tickets.waiting(hall_id=window.hall_id, day=day, groups=served, now=now,
                                              window_id=window.id).select_for_update(skip_locked=True).first()
            if candidate is None:
                raise Conflict("当前没有等候的号票", code="HALL_QUEUE_EMPTY")
            # A transferred ticket was called before: its wait ended at its first call.
            first_called_at = candidate.first_called_at or now
            if await Ticket.filter(id=candidate.id, status=TicketStatus.WAITING).update(
                    status=TicketStatus.CALLED, window_id=window.id, called_at=now,
                    first_called_at=first_called_at, target_window_id=None):
                break
        ticket = candidate
        ticket.status, ticket.window_id, ticket.called_at, ticket.first_called_at = (
            TicketStatus.CALLED, window.id, now, first_called_at)
        await _tell_next_in_line(ticket, now)
        await _record(event_type=EventType.HALL_TICKET_CALLED, ticket=ticket, window=window, actor=actor,
                      record_type="ticket_call", action="called")
    if first_called_at == now:
        HALL_WAIT.labels(str(ticket.hall_id), ticket.appointment_group).observe(
            (now - ticket.queued_at).total_seconds())
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def _tell_next_in_line(called: Ticket, now: datetime) -> None:
    """The ticket now two away in the called ticket's group learns it is nearly its turn (once).

    Its row is taken only if no other call holds it (SKIP LOCKED): waiting for it could deadlock
    with a clerk whose call holds that row and waits for ours, and a ticket being called right
    now is past "two away" anyway."""
    order = await tickets.waiting(hall_id=called.hall_id, day=called.day, groups=[called.appointment_group],
                                  now=now).limit(NEAR_AHEAD + 1)
    if len(order) <= NEAR_AHEAD or order[NEAR_AHEAD].near_notified:
        return
    near = await Ticket.filter(id=order[NEAR_AHEAD].id, near_notified=False, status=TicketStatus.WAITING
                               ).select_for_update(skip_locked=True).first()
    if near is None or not await Ticket.filter(id=near.id, near_notified=False).update(near_notified=True):
        return
    await outbox.emit(event_type=EventType.HALL_TICKET_NEARLY_DUE, aggregate_id=str(near.id),
                      payload=tickets.event_payload(near, ahead=NEAR_AHEAD))


async def _at_window(principal: Principal, window_id: str, ticket_id: str) -> tuple[HallWindow, Ticket]:
    """The clerk's open window and a ticket of its hall."""
    window = await _my_open_window(principal, window_id)
    ticket = await ticket_or_raise(ticket_id)
    if ticket.hall_id != window.hall_id:
        raise WrongHall()
    return window, ticket


async def _move(*, ticket: Ticket, window: HallWindow, from_states: tuple[TicketStatus, ...],
                changes: dict[str, Any], extra: dict[str, Any] | None = None) -> Ticket:
    """Apply ``changes`` if the ticket is at this window in one of ``from_states``; else refuse."""
    moved = await Ticket.filter(id=ticket.id, window_id=window.id, status__in=from_states,
                                **(extra or {})).update(**changes)
    if not moved:
        await ticket.refresh_from_db()
        if ticket.window_id != window.id:
            raise Conflict("该号票不在本窗口", code="TICKET_NOT_AT_WINDOW")
        raise TicketStateInvalid(details={"status": ticket.status.value,
                                          "allowed": [s.value for s in from_states]})
    await ticket.refresh_from_db()
    return ticket


async def recall(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str) -> Ticket:
    """Call the same number again; at most the hall's recall limit times."""
    window, ticket = await _at_window(principal, window_id, ticket_id)
    limit = (await settings_of(window.hall_id)).recall_limit
    now = utcnow()
    async with in_transaction():
        await _claim_window(window, principal, now)
        if ticket.window_id == window.id and ticket.status is TicketStatus.CALLED and ticket.recalls >= limit:
            raise Conflict("已达到重呼次数上限，请标记过号", code="TICKET_RECALL_LIMIT",
                           details={"recall_limit": limit})
        ticket = await _move(ticket=ticket, window=window, from_states=(TicketStatus.CALLED,),
                             changes={"recalls": ticket.recalls + 1, "called_at": now},
                             extra={"recalls": ticket.recalls})
        await _record(event_type=EventType.HALL_TICKET_RECALLED, ticket=ticket, window=window,
                      actor=str(principal.subject_id), record_type="ticket_call", action="recalled",
                      recalls=ticket.recalls)
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def mark_absent(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str) -> Ticket:
    """过号: the called resident did not come after the hall's number of recalls."""
    window, ticket = await _at_window(principal, window_id, ticket_id)
    limit = (await settings_of(window.hall_id)).recall_limit
    async with in_transaction():
        await _claim_window(window, principal, utcnow())
        if ticket.window_id == window.id and ticket.status is TicketStatus.CALLED and ticket.recalls < limit:
            raise Conflict("重呼次数未满，不能标记过号", code="TICKET_RECALLS_REMAINING",
                           details={"recalls": ticket.recalls, "recall_limit": limit})
        ticket = await _move(ticket=ticket, window=window, from_states=(TicketStatus.CALLED,),
                             changes={"status": TicketStatus.ABSENT})
        await _record(event_type=EventType.HALL_TICKET_ABSENT, ticket=ticket, window=window,
                      actor=str(principal.subject_id), record_type="ticket_call", action="absent")
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def start_service(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str) -> Ticket:
    """The called resident is at the window: service starts (the end of the wait)."""
    window, ticket = await _at_window(principal, window_id, ticket_id)
    async with in_transaction():
        await _claim_window(window, principal, utcnow())
        ticket = await _move(ticket=ticket, window=window, from_states=(TicketStatus.CALLED,),
                             changes={"status": TicketStatus.SERVING, "serve_started_at": utcnow()})
        await _record(event_type=EventType.HALL_SERVICE_STARTED, ticket=ticket, window=window,
                      actor=str(principal.subject_id), record_type="ticket_service", action="started")
    if ticket.kind is TicketKind.APPOINTMENT:
        HALL_APPOINTMENTS_SERVED.labels(str(ticket.hall_id), str(analytics.in_window(ticket)).lower()).inc()
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def end_service(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str,
                      application_id: str | None) -> Ticket:
    """Service ends; it is linked to the application received in it (given, or the booking's)."""
    window, ticket = await _at_window(principal, window_id, ticket_id)
    linked: uuid.UUID | None = ticket.application_id
    if application_id is not None:
        # Only an application on this clerk's desk: another hall's or department's is not theirs
        # to tie to a visit (and is answered as unknown, as everywhere on the desk).
        linked = (await application_desk.get_for_clerk(principal=principal, application_id=application_id)).id
    async with in_transaction():
        await _claim_window(window, principal, utcnow())
        ticket = await _move(ticket=ticket, window=window, from_states=(TicketStatus.SERVING,),
                             changes={"status": TicketStatus.DONE, "served_at": utcnow(),
                                      "application_id": linked})
        await _record(event_type=EventType.HALL_SERVICE_ENDED, ticket=ticket, window=window,
                      actor=str(principal.subject_id), record_type="ticket_service", action="ended",
                      application_id=str(linked) if linked else None)
    if ticket.serve_started_at and ticket.served_at:
        HALL_SERVICE.labels(str(ticket.hall_id), ticket.appointment_group).observe(
            (ticket.served_at - ticket.serve_started_at).total_seconds())
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def hold(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str) -> Ticket:
    """Pause a service while the resident fetches a document; the window brings it back later."""
    return await _pause_or_resume(rt=rt, principal=principal, window_id=window_id, ticket_id=ticket_id,
                                  to=TicketStatus.HELD)


async def resume(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str) -> Ticket:
    """Bring a held ticket back to service at the window that held it."""
    return await _pause_or_resume(rt=rt, principal=principal, window_id=window_id, ticket_id=ticket_id,
                                  to=TicketStatus.SERVING)


async def _pause_or_resume(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str,
                           to: TicketStatus) -> Ticket:
    window, ticket = await _at_window(principal, window_id, ticket_id)
    holding = to is TicketStatus.HELD
    async with in_transaction():
        await _claim_window(window, principal, utcnow())
        ticket = await _move(ticket=ticket, window=window,
                             from_states=(TicketStatus.SERVING,) if holding else (TicketStatus.HELD,),
                             changes={"status": to})
        await _record(event_type=EventType.HALL_TICKET_HELD if holding else EventType.HALL_TICKET_RESUMED,
                      ticket=ticket, window=window, actor=str(principal.subject_id),
                      record_type="ticket_service", action="held" if holding else "resumed")
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket


async def transfer(*, rt: Runtime, principal: Principal, window_id: str, ticket_id: str,
                   group: str | None, to_window_id: str | None) -> Ticket:
    """Send a ticket back to the queue of another item group, or to one window (open, same hall);
    it keeps its place in time, so it does not start waiting again from the end."""
    window, ticket = await _at_window(principal, window_id, ticket_id)
    changes: dict[str, Any] = {"status": TicketStatus.WAITING, "window_id": None, "recalls": 0,
                               "near_notified": True}
    if to_window_id is not None:
        target = await window_or_raise(to_window_id)
        if target.hall_id != window.hall_id:
            raise WrongHall("目标窗口不在本大厅")
        if not target.is_open:
            raise WindowClosed(details={"window": target.number})
        changes["target_window_id"] = target.id
        target_group = group or (ticket.appointment_group if ticket.appointment_group in (target.groups or [])
                                 else next(iter(target.groups or []), None))
        if target_group is None or target_group not in (target.groups or []):
            raise ValidationFailed("目标窗口不办理该事项组", code="HALL_GROUP_NOT_SERVED",
                                   details={"appointment_groups": [target_group], "served": target.groups})
        changes["appointment_group"] = target_group
    else:
        assert group is not None
        if not any(group in (w.groups or []) for w in await HallWindow.filter(hall_id=window.hall_id)):
            raise ValidationFailed("本大厅没有办理该事项组的窗口", code="HALL_GROUP_UNKNOWN",
                                   details={"appointment_group": group})
        changes["appointment_group"] = group
    async with in_transaction():
        await _claim_window(window, principal, utcnow())
        ticket = await _move(ticket=ticket, window=window,
                             from_states=(TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.HELD),
                             changes=changes)
        await _record(event_type=EventType.HALL_TICKET_TRANSFERRED, ticket=ticket, window=window,
                      actor=str(principal.subject_id), record_type="ticket_service", action="transferred",
                      to_group=ticket.appointment_group,
                      to_window_id=str(ticket.target_window_id) if ticket.target_window_id else None)
    await board.publish(rt=rt, hall_id=window.hall_id)
    return ticket
