"""Working days (the catalog issue owns this module and adds per-hall holidays)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import chinese_calendar


async def is_working_day(*, day: date, hall_id: uuid.UUID | None = None) -> bool:
    """True when halls are open on ``day`` (official holidays and make-up days included)."""
    return chinese_calendar.is_workday(day)


async def add_working_days(*, start: date, days: int, hall_id: uuid.UUID | None = None) -> date:
    """The date ``days`` working days after ``start``."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if await is_working_day(day=current, hall_id=hall_id):
            days -= 1
    return current
