"""Domain event types: one name each, ``domain.verb``. The outbox stores them, push maps them to
message kinds (push/events.py), and tests/test_events.py checks that every type is emitted
somewhere and either mapped to a message or listed as sent to nobody, so a rename cannot
silently stop a message."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    APPOINTMENT_CONFIRMED = "appointment.confirmed"
    APPOINTMENT_REMINDER = "appointment.reminder"
    APPOINTMENT_CHECKED_IN = "appointment.checked_in"
    APPOINTMENT_CANCELLED = "appointment.cancelled"
    APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
    APPOINTMENT_NO_SHOW = "appointment.no_show"
    WAITLIST_OFFERED = "waitlist.offered"  # a freed seat is held for a resident on the waiting list
    DRAW_DECIDED = "draw.decided"  # a slot's draw ran: one per entrant, won or not

    PREREVIEW_SUBMITTED = "prereview.submitted"
    PREREVIEW_CORRECTION_NEEDED = "prereview.correction_needed"
    PREREVIEW_PASSED = "prereview.passed"
    PREREVIEW_REJECTED = "prereview.rejected"
    PREREVIEW_OVERDUE = "prereview.overdue"

    APPLICATION_ACCEPTED = "application.accepted"
    APPLICATION_NOT_ACCEPTED = "application.not_accepted"
    APPLICATION_DECIDED = "application.decided"
    APPLICATION_OVERDUE = "application.overdue"
    APPLICATION_SUSPENDED = "application.suspended"
    APPLICATION_RESUMED = "application.resumed"
    CERTIFICATE_READY = "certificate.ready"
    EVALUATION_INVITED = "evaluation.invited"
    EVALUATION_BUNDLE_INVITED = "evaluation.bundle_invited"  # a bundle is rated as a whole, once
    EVALUATION_RECTIFIED = "evaluation.rectified"  # a bad rating's rectification is done

    PAYMENT_PAID = "payment.paid"
    PAYMENT_REFUND_REQUESTED = "payment.refund_requested"
    PAYMENT_REFUNDED = "payment.refunded"

    IDENTITY_USER_CREATED = "identity.user_created"
    IDENTITY_LINKED = "identity.linked"
    IDENTITY_UNLINKED = "identity.unlinked"
    IDENTITY_PHONE_VERIFIED = "identity.phone_verified"

    COMPANY_REGISTERED = "company.registered"
    COMPANY_AGENT_AUTHORISED = "company.agent_authorised"
    COMPANY_AGENT_REVOKED = "company.agent_revoked"

    BUNDLE_SUBMITTED = "bundle.submitted"
    BUNDLE_ISSUED = "bundle.issued"

    CATALOG_ITEM_CHANGED = "catalog.item_changed"
    CATALOG_SYNCED = "catalog.synced"

    HALL_WINDOW_OPENED = "hall.window_opened"
    HALL_WINDOW_CLOSED = "hall.window_closed"
    HALL_TICKET_ISSUED = "hall.ticket_issued"
    HALL_TICKET_PRIORITIZED = "hall.ticket_prioritized"
    HALL_TICKET_CALLED = "hall.ticket_called"
    HALL_TICKET_RECALLED = "hall.ticket_recalled"
    HALL_TICKET_NEARLY_DUE = "hall.ticket_nearly_due"
    HALL_TICKET_ABSENT = "hall.ticket_absent"
    HALL_SERVICE_STARTED = "hall.service_started"
    HALL_SERVICE_ENDED = "hall.service_ended"
    HALL_TICKET_HELD = "hall.ticket_held"
    HALL_TICKET_RESUMED = "hall.ticket_resumed"
    HALL_TICKET_TRANSFERRED = "hall.ticket_transferred"

    PUSH_BROADCAST = "push.broadcast"  # a notice to many followers, sent by WeChat mass send
    PUSH_NOTICE = "push.notice"  # a notice to one resident (a tool's)


# Names used before the one scheme, still found in outbox rows and queued jobs written by the
# previous release; read as their new names (push/events.py).
LEGACY_NAMES: dict[str, EventType] = {
    "prereview_submitted": EventType.PREREVIEW_SUBMITTED,
    "prereview_correction_needed": EventType.PREREVIEW_CORRECTION_NEEDED,
    "prereview_passed": EventType.PREREVIEW_PASSED,
    "prereview_rejected": EventType.PREREVIEW_REJECTED,
    "prereview_overdue": EventType.PREREVIEW_OVERDUE,
    "user.phone_verified": EventType.IDENTITY_PHONE_VERIFIED,
    "broadcast": EventType.PUSH_BROADCAST,
    "notice": EventType.PUSH_NOTICE,
}


def parse(name: str) -> EventType | None:
    """The event type a stored name means, under its current or its legacy name."""
    try:
        return EventType(name)
    except ValueError:
        return LEGACY_NAMES.get(name)
