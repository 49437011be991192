"""Domain events -> message kinds: which template tells the resident, whom, when, and if still wanted.

Domain services emit id-only events named after what happened (``appointment.confirmed``); push
turns each into a message kind, a key of ``settings.push_templates``. An event type that is
itself a message kind (``notice``, or ``booking_confirmed`` written by a tool) is its own kind.
Event types with no kind here (``appointment.cancelled``, ``.rescheduled``, ``.no_show``) are not
relayed: nothing is sent to the resident for them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from models.appointments import Appointment, AppointmentStatus
from models.outbox import OutboxEvent
from services.catalog import parse_id

REMINDER_EVENT = "appointment.reminder"

EVENT_KINDS: dict[str, str] = {
    "appointment.confirmed": "booking_confirmed",
    REMINDER_EVENT: "appointment_reminder",
    "appointment.checked_in": "checked_in",
    "prereview_submitted": "prereview_submitted",
    "prereview_correction_needed": "prereview_correction_needed",
    "prereview_passed": "prereview_passed",
    "prereview_rejected": "prereview_rejected",
    "application.accepted": "application_accepted",
    "application.not_accepted": "application_not_accepted",
    "application.decided": "application_decided",
    "certificate.ready": "certificate_ready",
    "evaluation.invited": "evaluation_invitation",
}


def kind_of(templates: dict[str, Any], event_type: str) -> str | None:
    """The message kind of an event type, or None when push sends nothing for it."""
    kind = EVENT_KINDS.get(event_type, event_type)
    return kind if kind in templates else None


def handled_types(templates: dict[str, Any]) -> list[str]:
    """The event types that become a message under these templates."""
    return sorted(t for t in {*EVENT_KINDS, *templates} if kind_of(templates, t))


def recipient_of(payload: dict[str, Any]) -> str | None:
    """The user id the message goes to: the event's resident (``resident_id``, or ``user_id``)."""
    user_id = payload.get("resident_id") or payload.get("user_id")
    return str(user_id) if user_id else None


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
    """Why a reminder is no longer wanted: its booking is gone, not booked, or on another slot."""
    appointment_id = parse_id(payload.get("appointment_id"))
    appointment = await Appointment.get_or_none(id=appointment_id) if appointment_id else None
    if appointment is None:
        return "appointment_missing"
    if appointment.status is not AppointmentStatus.BOOKED:
        return f"appointment_{appointment.status.value}"
    if str(appointment.slot_id) != str(payload.get("slot_id")):
        return "appointment_rescheduled"
    return None


# Checks made just before sending, by event type: a non-None answer drops the message.
_STILL_WANTED: dict[str, Callable[[dict[str, Any]], Awaitable[str | None]]] = {
    REMINDER_EVENT: _reminder_obsolete,
}
CHECKED_BEFORE_SENDING = frozenset(EVENT_KINDS[t] for t in _STILL_WANTED)


async def obsolete_reason(*, event_id: str) -> str | None:
    """Why the message of this event should no longer be sent; None while it is still wanted."""
    parsed = parse_id(event_id)
    event = await OutboxEvent.get_or_none(id=parsed) if parsed else None
    check = _STILL_WANTED.get(event.event_type) if event else None
    return await check(event.payload) if check else None
