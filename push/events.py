"""Domain events -> message kinds: which template tells the resident, whom, when, and if still wanted.

Domain services emit id-only events named after what happened (``EventType.APPOINTMENT_CONFIRMED``);
push turns each into a message kind, a key of ``settings.push_templates``. Every event type is
either mapped here or listed in ``SENT_TO_NOBODY`` with the reason (tests/test_events.py keeps it
so); those are not relayed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from app.ids import utcnow
from app.shapes import parse_id
from models.appointments import Appointment, AppointmentStatus
from models.outbox import OutboxEvent
from services import events
from services.events import EventType

EVENT_KINDS: dict[EventType, str] = {
    EventType.APPOINTMENT_CONFIRMED: "booking_confirmed",
    EventType.APPOINTMENT_REMINDER: "appointment_reminder",
    EventType.APPOINTMENT_CHECKED_IN: "checked_in",
    EventType.WAITLIST_OFFERED: "waitlist_offer",
    EventType.DRAW_DECIDED: "draw_result",
    EventType.PREREVIEW_SUBMITTED: "prereview_submitted",
    EventType.PREREVIEW_CORRECTION_NEEDED: "prereview_correction_needed",
    EventType.PREREVIEW_PASSED: "prereview_passed",
    EventType.PREREVIEW_REJECTED: "prereview_rejected",
    EventType.APPLICATION_ACCEPTED: "application_accepted",
    EventType.APPLICATION_NOT_ACCEPTED: "application_not_accepted",
    EventType.APPLICATION_DECIDED: "application_decided",
    EventType.CERTIFICATE_READY: "certificate_ready",
    EventType.EVALUATION_INVITED: "evaluation_invitation",
    EventType.EVALUATION_BUNDLE_INVITED: "bundle_evaluation_invitation",
    EventType.EVALUATION_RECTIFIED: "evaluation_rectified",
    EventType.PUSH_NOTICE: "notice",
    # The hall floor: the resident need not watch the board (docs/hall.md).
    EventType.HALL_TICKET_CALLED: "ticket_called",
    EventType.HALL_TICKET_RECALLED: "ticket_called",
    EventType.HALL_TICKET_NEARLY_DUE: "ticket_nearly_due",
    EventType.HALL_TICKET_ABSENT: "ticket_absent",
    # The resident is told too when the promised time is at stake: clock stopped, restarted with
    # a new due date, or passed.
    EventType.APPLICATION_SUSPENDED: "application_suspended",
    EventType.APPLICATION_RESUMED: "application_resumed",
    EventType.PREREVIEW_OVERDUE: "application_overdue",
    EventType.APPLICATION_OVERDUE: "application_overdue",
}

# Event types push sends nothing for, and why.
SENT_TO_NOBODY: dict[EventType, str] = {
    EventType.APPOINTMENT_CANCELLED: "the resident cancelled it themselves",
    EventType.APPOINTMENT_RESCHEDULED: "the resident rescheduled it themselves",
    EventType.APPOINTMENT_NO_SHOW: "recorded for the booking rules; no message yet",
    EventType.IDENTITY_USER_CREATED: "the resident is in the app as it happens",
    EventType.IDENTITY_LINKED: "the resident is in the app as it happens",
    EventType.IDENTITY_UNLINKED: "the resident is in the app as it happens",
    EventType.IDENTITY_PHONE_VERIFIED: "the resident is in the app as it happens",
    EventType.COMPANY_REGISTERED: "the representative is in the app as it happens",
    EventType.COMPANY_AGENT_AUTHORISED: "the representative is in the app as it happens",
    EventType.COMPANY_AGENT_REVOKED: "the representative is in the app as it happens",
    EventType.BUNDLE_SUBMITTED: "each step's own pre-review and decision events message the resident",
    EventType.BUNDLE_ISSUED: "the resident is at the window as it happens",
    EventType.CATALOG_ITEM_CHANGED: "for caches and the search index",
    EventType.CATALOG_SYNCED: "for caches and the search index",
    EventType.PAYMENT_PAID: "WeChat Pay shows the payer its own payment notice",
    EventType.PAYMENT_REFUND_REQUESTED: "for the payments sweep and the record; the refund follows",
    EventType.PAYMENT_REFUNDED: "WeChat Pay tells the payer of a refund itself",
    EventType.HALL_WINDOW_OPENED: "for the board and the analytics",
    EventType.HALL_WINDOW_CLOSED: "for the board and the analytics",
    EventType.HALL_TICKET_ISSUED: "the resident holds the ticket as it happens",
    EventType.HALL_TICKET_PRIORITIZED: "decided with the resident at the desk",
    EventType.HALL_SERVICE_STARTED: "the resident is at the window",
    EventType.HALL_SERVICE_ENDED: "the resident is at the window; the application's own events follow",
    EventType.HALL_TICKET_HELD: "the resident is at the window",
    EventType.HALL_TICKET_RESUMED: "the resident is at the window",
    EventType.HALL_TICKET_TRANSFERRED: "the clerk tells the resident at the window",
    EventType.PUSH_BROADCAST: "sent by WeChat mass send when it is created (services/mass_send.py)",
}


def kind_of(templates: dict[str, Any], event_type: str) -> str | None:
    """The message kind of a stored event type (current or legacy name), or None when push
    sends nothing for it."""
    parsed = events.parse(event_type)
    kind = EVENT_KINDS.get(parsed) if parsed else None
    return kind if kind in templates else None


def relayed_names(templates: dict[str, Any]) -> list[str]:
    """The stored event type names (legacy ones included) the relay queues: those that become a
    message under these templates."""
    wanted = {t for t in EventType if kind_of(templates, t)}
    return sorted(str(name) for name in [*EventType, *events.LEGACY_NAMES]
                  if events.parse(name) in wanted)


def recipient_of(payload: dict[str, Any]) -> str | None:
    """The user id the message goes to: the event's resident (``resident_id``, or ``user_id``)."""
    user_id = payload.get("resident_id") or payload.get("user_id")
    return str(user_id) if user_id else None


def recipients_of(payload: dict[str, Any]) -> list[str]:
    """The user ids the messages go to, one each: those the event names (``recipient_ids``: a
    company's representative and its entitled agent, services/companies/reach.py), else its resident."""
    named = payload.get("recipient_ids")
    if named is not None:
        return [str(user_id) for user_id in named]
    single = recipient_of(payload)
    return [single] if single else []


def due_at(payload: dict[str, Any]) -> datetime | None:
    """When the message is due (a reminder's ``due_at``), or None for at once."""
    value = payload.get("due_at")
    try:
        moment = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    # Stored times are UTC; a time without an offset is read as UTC, not as the host's zone.
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


async def _reminder_obsolete(payload: dict[str, Any]) -> str | None:
    """Why a reminder is no longer wanted: its booking is gone, not booked, on another slot, or
    already begun (a reminder held up past the start: a backlog, or queued again after a loss)."""
    appointment_id = parse_id(payload.get("appointment_id"))
    appointment = await Appointment.get_or_none(id=appointment_id) if appointment_id else None
    if appointment is None:
        return "appointment_missing"
    if appointment.status is not AppointmentStatus.BOOKED:
        return f"appointment_{appointment.status.value}"
    if str(appointment.slot_id) != str(payload.get("slot_id")):
        return "appointment_rescheduled"
    if appointment.starts_at <= utcnow():
        return "appointment_started"
    return None


# Checks made just before sending, by event type: a non-None answer drops the message.
_STILL_WANTED: dict[EventType, Callable[[dict[str, Any]], Awaitable[str | None]]] = {
    EventType.APPOINTMENT_REMINDER: _reminder_obsolete,
}
CHECKED_BEFORE_SENDING = frozenset(EVENT_KINDS[t] for t in _STILL_WANTED)


async def obsolete_reason(*, event_id: str) -> str | None:
    """Why the message of this event should no longer be sent; None while it is still wanted."""
    parsed = parse_id(event_id)
    event = await OutboxEvent.get_or_none(id=parsed) if parsed else None
    return await obsolete_reason_of(event.event_type, event.payload) if event else None


async def obsolete_reason_of(event_type: str, payload: dict[str, Any]) -> str | None:
    """``obsolete_reason`` of an event already read (the bulk job carries its events)."""
    parsed = events.parse(event_type)
    check = _STILL_WANTED.get(parsed) if parsed else None
    return await check(payload) if check else None
