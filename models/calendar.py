"""The official working-day calendar: the State Council's annual holiday notices, as loaded."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields

from models.base import Entity


class CalendarDayKind(StrEnum):
    HOLIDAY = "holiday"  # 放假: no work, whatever the weekday
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班: a weekend day worked in exchange


class CalendarYear(Entity):
    """节假日安排 — one year's holiday notice (国务院办公厅关于节假日安排的通知) as loaded."""

    year = fields.IntField(unique=True)
    title = fields.CharField(max_length=128)
    reference = fields.CharField(max_length=64, default="")  # the notice's document number
    content_sha256 = fields.CharField(max_length=64)  # of the days alone, to tell a real change
    loaded_by = fields.CharField(max_length=64)  # staff id, or "cli"
    replaced_count = fields.IntField(default=0)

    class Meta:
        table = "calendar_years"


class CalendarDay(Entity):
    """A holiday or make-up working day of a loaded notice; days not listed follow the weekday.

    A notice may reach into the previous December (2019's moved work to 2018-12-29), so the
    day is unique across notices rather than per year."""

    notice_id: uuid.UUID
    notice: fields.ForeignKeyRelation[CalendarYear]
    notice = fields.ForeignKeyField("models.CalendarYear", related_name="days", on_delete=fields.CASCADE)
    day = fields.DateField(unique=True)
    kind = fields.CharEnumField(CalendarDayKind, max_length=16)
    name = fields.CharField(max_length=16)  # the holiday, e.g. 春节

    class Meta:
        table = "calendar_days"
