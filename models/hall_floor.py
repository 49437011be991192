"""The hall floor: windows, per-hall queue rules and the tickets called to the windows."""

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity


class HallWindow(Entity):
    """办事窗口 — a counter of a hall: the item groups it serves, opened and closed by its clerk."""

    hall_id: uuid.UUID
    hall = fields.ForeignKeyField("models.Hall", related_name="floor_windows", on_delete=fields.CASCADE)
    number = fields.CharField(max_length=16)  # what the board shows, e.g. "3" or "A05"
    name = fields.CharField(max_length=64, default="")
    groups = fields.JSONField(default=list)  # appointment groups (item groups) it serves
    is_open = fields.BooleanField(default=False)
    opened_by = fields.CharField(max_length=64, null=True)  # staff id of the clerk sitting there
    opened_at = fields.DatetimeField(null=True)

    class Meta:
        table = "hall_windows"
        unique_together = (("hall", "number"),)


class PriorityRule(StrEnum):
    FIRST = "first"  # priority tickets go before every other waiting ticket
    AHEAD = "ahead"  # priority tickets count as if taken ``priority_ahead_minutes`` earlier


class HallFloorSettings(Entity):
    """大厅叫号规则 — one hall's queue rules, set by its hall manager; a hall without a row uses the defaults."""

    hall_id: uuid.UUID
    hall = fields.OneToOneField("models.Hall", related_name="floor_settings", on_delete=fields.CASCADE)
    recall_limit = fields.SmallIntField(default=2)
    priority_rule = fields.CharEnumField(PriorityRule, max_length=8, default=PriorityRule.FIRST)
    priority_ahead_minutes = fields.SmallIntField(default=30)
    walkin_quota = fields.JSONField(default=dict)  # appointment group -> walk-in tickets a day
    default_walkin_quota = fields.IntField(default=200)
    # The hall's position for walk-in tickets taken by location (WGS-84, as wx.getLocation gives).
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    radius_m = fields.IntField(default=200)
    service_minutes = fields.SmallIntField(default=10)  # the estimate before any service is measured
    group_prefixes = fields.JSONField(default=dict)  # appointment group -> letter shown before numbers

    class Meta:
        table = "hall_floor_settings"


class TicketKind(StrEnum):
    APPOINTMENT = "appointment"
    WALKIN = "walkin"


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"  # service paused, waiting for a document; the window brings it back
    DONE = "done"
    ABSENT = "absent"


class PriorityReason(StrEnum):
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    MILITARY = "military"


class Ticket(Entity):
    """号票 — one place in a hall's queue for an item group: an appointment check-in or a walk-in."""

    hall_id: uuid.UUID
    hall = fields.ForeignKeyField("models.Hall", related_name="tickets", on_delete=fields.CASCADE)
    day = fields.DateField()  # local (Beijing) date
    appointment_group = fields.CharField(max_length=32)  # the queue it waits in now
    number = fields.IntField()  # the group's daily queue number, shared with check-ins
    label = fields.CharField(max_length=40)  # what the board shows and calls out, e.g. "A007"
    kind = fields.CharEnumField(TicketKind, max_length=16)
    status = fields.CharEnumField(TicketStatus, max_length=16, default=TicketStatus.WAITING)
    resident_id: uuid.UUID | None
    resident = fields.ForeignKeyField("models.User", related_name="tickets", null=True,
                                      on_delete=fields.SET_NULL)
    appointment_id: uuid.UUID | None
    appointment = fields.OneToOneField("models.Appointment", related_name="ticket", null=True,
                                       on_delete=fields.SET_NULL)
    application_id: uuid.UUID | None
    application = fields.ForeignKeyField("models.Application", related_name="tickets", null=True,
                                         on_delete=fields.SET_NULL)
    # The booked window of an appointment: inside it the ticket goes before walk-ins.
    window_starts_at = fields.DatetimeField(null=True)
    window_ends_at = fields.DatetimeField(null=True)
    priority_reason = fields.CharEnumField(PriorityReason, max_length=16, null=True)
    priority_set_by = fields.CharField(max_length=64, null=True)  # staff id or kiosk:<id>
    # 0 for a priority ticket under the "first" rule, else 1; the first sort key of a call.
    tier = fields.SmallIntField(default=1)
    queued_at = fields.DatetimeField()  # when it joined (again, after a transfer)
    sort_at = fields.DatetimeField()  # queued_at, earlier for a priority ticket under "ahead"
    # Set by a transfer to one window: only that window calls it.
    target_window_id: uuid.UUID | None
    target_window = fields.ForeignKeyField("models.HallWindow", related_name="targeted", null=True,
                                           on_delete=fields.SET_NULL)
    window_id: uuid.UUID | None
    window = fields.ForeignKeyField("models.HallWindow", related_name="tickets", null=True,
                                    on_delete=fields.SET_NULL)
    recalls = fields.SmallIntField(default=0)
    near_notified = fields.BooleanField(default=False)  # "two away" message sent
    first_called_at = fields.DatetimeField(null=True)  # the end of its wait
    called_at = fields.DatetimeField(null=True)
    serve_started_at = fields.DatetimeField(null=True)
    served_at = fields.DatetimeField(null=True)

    class Meta:
        table = "tickets"
        # No unique number per group: a transfer moves a ticket to another group with its number.
        indexes = (("hall", "day", "status"), ("resident", "day"))
