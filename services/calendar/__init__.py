"""Working days: the official national calendar (services/calendar/official.py), with per-hall
and district-wide local overrides on top. Every date computed from a provisional year says so."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from tortoise.expressions import Q

from models.organization import CalendarOverride
from services.calendar.official import ONE_DAY, NationalCalendar, national_calendar

# Enough slack to cover the longest run of holidays (Spring Festival + weekends) per step.
_DAYS_SPAN_FACTOR = 2
_DAYS_SPAN_SLACK = 30


async def _overrides(start: datetime.date, end: datetime.date,
                     hall_id: uuid.UUID | None) -> dict[datetime.date, CalendarOverride]:
    """Local overrides in [start, end]: a hall's own beat the district-wide ones."""
    scope = Q(hall_id=None) | Q(hall_id=hall_id) if hall_id is not None else Q(hall_id=None)
    rows = await CalendarOverride.filter(scope, day__gte=start, day__lte=end).order_by("day")
    chosen: dict[datetime.date, CalendarOverride] = {}
    for row in rows:
        if row.hall_id is not None or row.day not in chosen:
            chosen[row.day] = row
    return chosen


@dataclass(frozen=True)
class WorkingCalendar:
    """The calendar of a date range for one hall (or the district): national days and overrides."""

    national: NationalCalendar
    overrides: dict[datetime.date, CalendarOverride]

    def is_working_day(self, day: datetime.date) -> bool:
        override = self.overrides.get(day)
        return override.is_working_day if override else self.national.is_working_day(day)

    def is_closed(self, day: datetime.date) -> bool:
        """A holiday or local closure: no service at all, not even a hall's weekend service."""
        override = self.overrides.get(day)
        return not override.is_working_day if override else self.national.is_holiday(day)

    def is_provisional(self, day: datetime.date) -> bool:
        return self.national.is_provisional(day)


async def working_calendar(*, start: datetime.date, end: datetime.date,
                           hall_id: uuid.UUID | None = None) -> WorkingCalendar:
    """The calendar from ``start`` to ``end`` inclusive, for one hall when ``hall_id`` is given."""
    return WorkingCalendar(national=await national_calendar(start, end),
                           overrides=await _overrides(start, end, hall_id))


async def is_working_day(*, day: datetime.date, hall_id: uuid.UUID | None = None) -> bool:
    """Whether ``day`` is a working day (for one hall when ``hall_id`` is given)."""
    return (await working_calendar(start=day, end=day, hall_id=hall_id)).is_working_day(day)


async def is_closed(*, day: datetime.date, hall_id: uuid.UUID | None = None) -> bool:
    """A holiday or local closure: no service at all, not even a hall's weekend service."""
    return (await working_calendar(start=day, end=day, hall_id=hall_id)).is_closed(day)


@dataclass(frozen=True)
class DueDate:
    """A date so many working days ahead, and whether any day counted was provisional."""

    day: datetime.date
    provisional: bool


async def due_after(*, start: datetime.date, days: int,
                    hall_id: uuid.UUID | None = None) -> DueDate:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    span = days * _DAYS_SPAN_FACTOR + _DAYS_SPAN_SLACK
    current, remaining, provisional = start, days, False
    while remaining:
        window_end = current + datetime.timedelta(days=span)
        calendar = await working_calendar(start=current + ONE_DAY, end=window_end, hall_id=hall_id)
        while remaining and current < window_end:
            current += ONE_DAY
            provisional = provisional or calendar.is_provisional(current)
            if calendar.is_working_day(current):
                remaining -= 1
    return DueDate(day=current, provisional=provisional)


async def add_working_days(*, start: datetime.date, days: int,
                           hall_id: uuid.UUID | None = None) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted)."""
    return (await due_after(start=start, days=days, hall_id=hall_id)).day


async def working_days_between(*, start: datetime.date, end: datetime.date,
                               hall_id: uuid.UUID | None = None) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 if end <= start)."""
    if end <= start:
        return 0
    calendar = await working_calendar(start=start + ONE_DAY, end=end, hall_id=hall_id)
    days = (start + datetime.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(1 for day in days if calendar.is_working_day(day))


async def provisional_among(days: set[datetime.date]) -> set[datetime.date]:
    """Those of ``days`` whose year has only a provisional calendar."""
    if not days:
        return set()
    national = await national_calendar(min(days), max(days))
    return {day for day in days if national.is_provisional(day)}
