"""The notice file format and the calendar's response shapes."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import ConfigDict, Field

from app.shapes import LocalDateTime, Schema
from services.calendar.official import YearSource


class HolidayIn(Schema):
    """One holiday of a notice: the days off, and the weekend days worked in exchange."""

    name: str = Field(min_length=1, max_length=16, examples=["春节"])
    first_day: datetime.date = Field(description="放假第一天（含）")
    last_day: datetime.date = Field(description="放假最后一天（含）")
    makeup_workdays: list[datetime.date] = Field(
        default_factory=list, max_length=4, description="调休上班日（须为周六或周日）")


class CalendarNotice(Schema):
    """国务院办公厅关于节假日安排的通知 — one year's holidays, as the notice publishes them.

    The same shape is the file ``python -m app calendar-load`` reads (JSON)."""

    year: int = Field(ge=2000, le=2100)
    title: str = Field(min_length=1, max_length=128,
                       examples=["国务院办公厅关于2027年部分节假日安排的通知"])
    reference: str = Field("", max_length=64, description="文号", examples=["国办发明电〔2026〕7号"])
    holidays: list[HolidayIn] = Field(min_length=1, max_length=20)


class NoticeLoadIn(CalendarNotice):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"year": 2031,
         "title": "国务院办公厅关于2031年部分节假日安排的通知",
         "reference": "国办发明电〔2030〕7号",
         "holidays": [{"name": "元旦", "first_day": "2031-01-01", "last_day": "2031-01-01", "makeup_workdays": []}]},
    ]})

    replace: bool = Field(False, description="该年已载入不同内容时，须明确替换")


class NoticeLoaded(Schema):
    """What loading a notice did."""

    year: int
    outcome: Literal["created", "replaced", "unchanged"]
    content_sha256: str
    holidays: int = Field(description="放假天数")
    makeup_workdays: int = Field(description="调休上班天数")
    deadlines_recomputed: int = Field(description="按临时日历计算、现已重算的办件期限")
    slots_closed: int = Field(description="落在放假日、尚无预约而关闭的号源")
    appointments_flagged: int = Field(description="落在放假日的有效预约，已标记待大厅处理")
    slots_created: int = Field(description="新出现的工作日上生成的号源")


class CalendarYearOut(Schema):
    year: int
    source: YearSource = Field(description="notice：已载入通知；package：内置数据；provisional：临时日历")
    title: str | None = None
    reference: str | None = None
    content_sha256: str | None = None
    loaded_by: str | None = None
    loaded_at: LocalDateTime | None = None


class CalendarYears(Schema):
    items: list[CalendarYearOut]


NationalKind = Literal["workday", "weekend", "holiday", "makeup_workday"]


class CalendarDayOut(Schema):
    date: datetime.date
    working_day: bool = Field(description="是否工作日（已计入本大厅或全区的调整）")
    national: NationalKind
    holiday_name: str | None = None
    provisional: bool = Field(description="该年通知尚未载入，按法定节日临时推算")
    local_override: str | None = Field(None, description="本大厅或全区调整的原因")


class CalendarOut(Schema):
    days: list[CalendarDayOut]
    years: list[CalendarYearOut]
