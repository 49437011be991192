"""Appointments: slot templates and exceptions, slots, bookings, queue counters, kiosks."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Entity

if TYPE_CHECKING:  # the relations' targets (models/__init__.py loads them all)
    from models.catalog import ServiceItem
    from models.organization import Hall
    from models.prereview import Application
    from models.users import User


class SlotTemplate(Entity):
    """号源模板 — a weekly time window of a hall for one item group, with its capacity."""

    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="slot_templates", on_delete=fields.CASCADE)
    appointment_group = fields.CharField(max_length=32)
    weekday = fields.SmallIntField()  # ISO weekday, 1 = Monday
    start_minute = fields.SmallIntField()  # minutes after local (Beijing) midnight
    end_minute = fields.SmallIntField()
    capacity = fields.IntField()
    valid_from = fields.DateField(null=True)
    valid_until = fields.DateField(null=True)
    # Release at a set time (docs/release.md): a slot opens at ``release_minute`` (Beijing) of the
    # day ``release_days_before`` days before its own; both NULL = open once materialised.
    release_days_before = fields.SmallIntField(null=True)
    release_minute = fields.SmallIntField(null=True)
    # A draw instead of first come (docs/release.md, "The draw"): residents enter during this many
    # seconds after the release, then the seats are drawn among them. NULL = first come.
    draw_window_seconds = fields.SmallIntField(null=True)
    # 热门号源: booking needs a real name and passes WeChat's user risk rank (docs/release.md).
    high_demand = fields.BooleanField(default=False)

    class Meta:
        table = "slot_templates"
        unique_together = (("hall", "appointment_group", "weekday", "start_minute"),)


class SlotExceptionKind(StrEnum):
    CLOSED = "closed"  # no slots that day (for one group, or all groups when the group is empty)
    EXTRA = "extra"  # an additional session on that day


class SlotException(Entity):
    """号源例外 — a closure or an extra session of a hall on one day."""

    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="slot_exceptions", on_delete=fields.CASCADE)
    appointment_group = fields.CharField(max_length=32, null=True)
    day = fields.DateField()
    kind = fields.CharEnumField(SlotExceptionKind, max_length=16)
    start_minute = fields.SmallIntField(null=True)
    end_minute = fields.SmallIntField(null=True)
    capacity = fields.IntField(null=True)
    reason = fields.CharField(max_length=256, default="")

    class Meta:
        table = "slot_exceptions"


class Slot(Entity):
    """号源 — one bookable time window; ``booked`` never exceeds ``capacity`` (conditional update)."""

    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="slots", on_delete=fields.CASCADE)
    # The template it was made from, so a capacity change can follow; NULL for extra sessions.
    template_id: uuid.UUID | None
    template: fields.ForeignKeyNullableRelation[SlotTemplate]
    template = fields.ForeignKeyField("models.SlotTemplate", related_name="slots", null=True,
                                      on_delete=fields.SET_NULL)
    appointment_group = fields.CharField(max_length=32)
    day = fields.DateField()  # local (Beijing) date of the window
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    capacity = fields.IntField()
    booked = fields.IntField(default=0)
    is_closed = fields.BooleanField(default=False)
    # Booking is refused before this instant (its template's release time); NULL = open already.
    opens_at = fields.DatetimeField(null=True)
    # A draw slot: entries are taken from ``opens_at`` until this instant, then the seats are drawn;
    # first-come booking waits for the draw (its ``SlotDraw``). NULL = first come.
    draw_closes_at = fields.DatetimeField(null=True)
    high_demand = fields.BooleanField(default=False)  # copied from its template

    class Meta:
        table = "slots"
        unique_together = (("hall", "appointment_group", "starts_at"),)
        indexes = (("hall", "appointment_group", "day"),)


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class Appointment(Entity):
    """网上预约 — a resident's booking of one slot for one service item."""

    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="appointments", on_delete=fields.CASCADE)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="appointments",
                                  on_delete=fields.RESTRICT)
    slot_id: uuid.UUID
    slot: fields.ForeignKeyRelation[Slot]
    slot = fields.ForeignKeyField("models.Slot", related_name="appointments", on_delete=fields.RESTRICT)
    # Copied from the slot so check-in and listings need no join.
    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="appointments", on_delete=fields.RESTRICT)
    appointment_group = fields.CharField(max_length=32)
    day = fields.DateField()
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    status = fields.CharEnumField(AppointmentStatus, max_length=16, default=AppointmentStatus.BOOKED)
    # "active" while booked or checked in, NULL otherwise: the unique constraint below then allows
    # one active booking per item and person (NULLs never collide, on PostgreSQL and SQLite).
    active_marker = fields.CharField(max_length=8, null=True)
    idempotency_key = fields.CharField(max_length=64)
    queue_number = fields.IntField(null=True)
    # Its day became a holiday when the year's notice was loaded: the hall must contact them.
    calendar_conflict = fields.BooleanField(default=False)
    checked_in_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    # The application the visit is for: a passed pre-review booked with it, or one received at
    # the window from this visit.
    application_id: uuid.UUID | None
    application: fields.ForeignKeyNullableRelation[Application]
    application = fields.ForeignKeyField("models.Application", related_name="appointments", null=True,
                                         on_delete=fields.SET_NULL)
    # 代约: the person a resident booked for (services/applications/representation.py's declaration:
    # name and ID number encrypted, masked copies); NULL when booked for themselves.
    representation = fields.JSONField(null=True)
    # Blind index of the ID number of whom the visit is for (the person booked for, else the
    # real-name booker): that person's limits count every booking for them, whoever made it.
    person_index = fields.CharField(max_length=64, null=True)
    # Booked for a company (法人), as Application.company_id and on_behalf_of.
    company_id = fields.UUIDField(null=True, db_index=True)
    on_behalf_of = fields.JSONField(null=True)

    class Meta:
        table = "appointments"
        unique_together = (("resident", "idempotency_key"), ("resident", "item", "active_marker"),
                           ("person_index", "item", "active_marker"))
        indexes = (("resident", "day"), ("status", "ends_at"))


class QueueCounter(Entity):
    """取号计数 — the last queue number given in a hall on a day for an item group."""

    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="queue_counters", on_delete=fields.CASCADE)
    day = fields.DateField()
    appointment_group = fields.CharField(max_length=32)
    last_number = fields.IntField(default=0)

    class Meta:
        table = "queue_counters"
        unique_together = (("hall", "day", "appointment_group"),)


class KioskDevice(Entity):
    """自助取号机 — a registered hall device that checks residents in with its own credential."""

    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="kiosks", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=64)
    secret_hash = fields.CharField(max_length=64)  # SHA-256 of a 256-bit random secret
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "kiosk_devices"


class WaitlistStatus(StrEnum):
    WAITING = "waiting"  # in line
    OFFERED = "offered"  # a seat of ``offered_slot`` is held for them until ``hold_until``
    BOOKED = "booked"  # accepted: ``appointment`` is the booking
    DECLINED = "declined"  # left the line, or declined an offer
    LAPSED = "lapsed"  # the hold ran out; the seat went to the next in line
    CLOSED = "closed"  # the slot (or the day) was closed or passed before they got a seat


class WaitlistEntry(Entity):
    """候补 — a resident in line for a full slot, or for any slot of an item group at a hall on a day.

    A held seat is counted in its slot's ``booked`` (docs/release.md, "The waiting list"), so the
    conditional seat update and the admission gate keep it from everyone else without knowing holds.
    """

    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="waitlist_entries", on_delete=fields.CASCADE)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="waitlist_entries",
                                  on_delete=fields.CASCADE)
    hall_id: uuid.UUID
    hall: fields.ForeignKeyRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", related_name="waitlist_entries", on_delete=fields.CASCADE)
    appointment_group = fields.CharField(max_length=32)
    day = fields.DateField()
    # The slot waited for; NULL = any slot of the group at the hall that day.
    slot_id: uuid.UUID | None
    slot: fields.ForeignKeyNullableRelation[Slot]
    slot = fields.ForeignKeyField("models.Slot", related_name="waitlist_entries", null=True,
                                  on_delete=fields.CASCADE)
    status = fields.CharEnumField(WaitlistStatus, max_length=16, default=WaitlistStatus.WAITING)
    offered_slot_id: uuid.UUID | None
    offered_slot: fields.ForeignKeyNullableRelation[Slot]
    offered_slot = fields.ForeignKeyField("models.Slot", related_name="waitlist_offers", null=True,
                                          on_delete=fields.CASCADE)
    hold_until = fields.DatetimeField(null=True)
    appointment_id: uuid.UUID | None
    appointment: fields.ForeignKeyNullableRelation[Appointment]
    appointment = fields.ForeignKeyField("models.Appointment", related_name="waitlist_entries", null=True,
                                         on_delete=fields.SET_NULL)

    class Meta:
        table = "waitlist_entries"
        # The line of a hall's group on a day (FIFO by id, time-ordered), and the hold sweep.
        indexes = (("hall", "appointment_group", "day", "status"), ("status", "hold_until"))


class DrawEntryStatus(StrEnum):
    ENTERED = "entered"  # waiting for the draw
    WON = "won"  # drawn and booked: ``appointment``
    LOST = "lost"  # not drawn
    REFUSED = "refused"  # drawn, but a booking rule refused the booking (``refusal_code``)


class DrawEntry(Entity):
    """抽签报名 — a resident's entry in the draw of one slot's seats; one per resident and slot.

    A draw needs a real-name resident and a user holds one ID number (``users.id_number_index`` is
    unique), so one person is one entry whatever the number of WeChat accounts."""

    slot_id: uuid.UUID
    slot: fields.ForeignKeyRelation[Slot]
    slot = fields.ForeignKeyField("models.Slot", related_name="draw_entries", on_delete=fields.CASCADE)
    resident_id: uuid.UUID
    resident: fields.ForeignKeyRelation[User]
    resident = fields.ForeignKeyField("models.User", related_name="draw_entries", on_delete=fields.CASCADE)
    item_id: uuid.UUID
    item: fields.ForeignKeyRelation[ServiceItem]
    item = fields.ForeignKeyField("models.ServiceItem", related_name="draw_entries", on_delete=fields.CASCADE)
    status = fields.CharEnumField(DrawEntryStatus, max_length=16, default=DrawEntryStatus.ENTERED)
    refusal_code = fields.CharField(max_length=64, null=True)
    appointment_id: uuid.UUID | None
    appointment: fields.ForeignKeyNullableRelation[Appointment]
    appointment = fields.ForeignKeyField("models.Appointment", related_name="draw_entries", null=True,
                                         on_delete=fields.SET_NULL)

    class Meta:
        table = "draw_entries"
        unique_together = (("slot", "resident"),)


class SlotDraw(Entity):
    """抽签 — the draw of one slot, run once (the unique slot); its record is in the ledger."""

    slot_id: uuid.UUID
    slot: fields.OneToOneRelation[Slot]
    slot = fields.OneToOneField("models.Slot", related_name="draw", on_delete=fields.CASCADE)
    seed = fields.CharField(max_length=64)  # hex of 32 bytes from ``secrets``
    seats = fields.IntField()
    entrants = fields.IntField()
    winners = fields.IntField()
    ledger_entry_id = fields.UUIDField(null=True)

    class Meta:
        table = "slot_draws"
