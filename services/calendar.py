"""Working days: China's official holidays and 调休 make-up days, with per-hall local overrides."""

from __future__ import annotations

import datetime
import uuid

import chinese_calendar
from tortoise.expressions import Q

from models.organization import CalendarOverride

# Enough slack to cover the longest run of holidays (Spring Festival + weekends) per step.
_DAYS_SPAN_FACTOR = 2
_DAYS_SPAN_SLACK = 30


def is_national_working_day(day: datetime.date) -> bool:
    """The State Council calendar; years the package does not know yet fall back to Mon–Fri."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


async def _overrides(start: datetime.date, end: datetime.date,
                     hall_id: uuid.UUID | None) -> dict[datetime.date, bool]:
    """Local overrides in [start, end]: a hall's own beat the district-wide ones."""
    scope = Q(hall_id=None) | Q(hall_id=hall_id) if hall_id is not None else Q(hall_id=None)
    rows = await CalendarOverride.filter(scope, day__gte=start, day__lte=end).order_by(
        "day").values_list("day", "hall_id", "is_working_day")
    chosen: dict[datetime.date, bool] = {}
    hall_days: set[datetime.date] = set()
    for day, row_hall, working in rows:
        if row_hall is not None:
            chosen[day] = working
            hall_days.add(day)
        elif day not in hall_days:
            chosen[day] = working
    return chosen


async def is_working_day(*, day: datetime.date, hall_id: uuid.UUID | None = None) -> bool:
    """Whether ``day`` is a working day (for one hall when ``hall_id`` is given)."""
    overrides = await _overrides(day, day, hall_id)
    return overrides.get(day, is_national_working_day(day))


def is_public_holiday(day: datetime.date) -> bool:
    """A statutory holiday (National Day, Spring Festival …), as opposed to an ordinary weekend."""
    try:
        on_holiday, holiday_name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return False
    return on_holiday and holiday_name is not None


async def is_closed(*, day: datetime.date, hall_id: uuid.UUID | None = None) -> bool:
    """A holiday or local closure: no service at all, not even a hall's weekend service."""
    overrides = await _overrides(day, day, hall_id)
    if day in overrides:
        return not overrides[day]
    return is_public_holiday(day)


async def add_working_days(*, start: datetime.date, days: int,
                           hall_id: uuid.UUID | None = None) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    span = days * _DAYS_SPAN_FACTOR + _DAYS_SPAN_SLACK
    current, remaining = start, days
    while remaining:
        window_end = current + datetime.timedelta(days=span)
        overrides = await _overrides(current, window_end, hall_id)
        while remaining and current < window_end:
            current += datetime.timedelta(days=1)
            if overrides.get(current, is_national_working_day(current)):
                remaining -= 1
    return current


async def working_days_between(*, start: datetime.date, end: datetime.date,
                               hall_id: uuid.UUID | None = None) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 if end <= start)."""
    if end <= start:
        return 0
    overrides = await _overrides(start, end, hall_id)
    days = (start + datetime.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(1 for day in days if overrides.get(day, is_national_working_day(day)))
