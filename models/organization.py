"""Departments, halls and hall calendar overrides: the units items and staff roles are scoped to."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity


class Department(Entity):
    """部门 — a district government department that owns service items."""

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=128)
    phone = fields.CharField(max_length=32, default="")
    sort_order = fields.IntField(default=0)

    class Meta:
        table = "departments"


class HallType(StrEnum):
    DISTRICT = "district"  # 区级政务服务中心
    STREET = "street"  # 街道（乡镇）政务服务中心


class Hall(Entity):
    """政务服务大厅 — the district hall or a street/town hall where residents are served.

    ``windows`` is a list of {"number", "name", "appointment_groups"}; ``opening_hours`` is
    {"working_days": [["09:00", "17:00"], ...], "saturday": [...]} in Beijing time.
    """

    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=128)
    hall_type = fields.CharEnumField(HallType, max_length=16, default=HallType.STREET)
    address = fields.CharField(max_length=255, default="")
    phone = fields.CharField(max_length=32, default="")
    # Nullable so the columns can be added to halls that already exist; None reads as empty.
    windows = fields.JSONField(default=list, null=True)
    opening_hours = fields.JSONField(default=dict, null=True)

    class Meta:
        table = "halls"


class CalendarOverride(Entity):
    """日历调整 — a local closure or extra opening day, for one hall or (hall empty) the district."""

    hall_id: uuid.UUID | None
    hall: fields.ForeignKeyNullableRelation[Hall]
    hall = fields.ForeignKeyField("models.Hall", null=True, related_name="calendar_overrides",
                                  on_delete=fields.CASCADE)
    day = fields.DateField(db_index=True)
    is_working_day = fields.BooleanField()
    reason = fields.CharField(max_length=128, default="")

    class Meta:
        table = "calendar_overrides"
        unique_together = (("hall", "day"),)
