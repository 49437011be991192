"""Loading a year's holiday notice, and what it changes: deadlines computed on the provisional
calendar are recomputed, slots on days that became holidays are closed or flagged for the hall,
and slots are created on days that became working days."""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import uuid
from collections import Counter
from typing import Any, Literal, cast

import orjson
import structlog
from tortoise.transactions import in_transaction

from app.context import Runtime
from app.errors import Conflict, ValidationFailed
from app.ids import local_today, to_local
from app.metrics import CALENDAR_PROVISIONAL_DAYS_AHEAD
from app.tasks import raise_if_cancelled
from models.appointments import Appointment, AppointmentStatus, Slot
from models.calendar import CalendarDay, CalendarDayKind, CalendarYear
from models.prereview import Application
from services import calendar, ledger
from services.calendar.official import ONE_DAY, YearSource, year_sources
from services.calendar.shapes import CalendarNotice, NoticeLoaded

log = structlog.get_logger("services.calendar")

# A holiday is at most a few days with the weekends around it (the longest, 春节, ran to 9).
MAX_HOLIDAY_DAYS = 15
RECORD_TYPE = "calendar_notice"
# Far enough ahead to cover the booking horizon and most promised time limits.
PROVISIONAL_WARNING_DAYS = 90


def _problem(code: str, where: str, reason: str) -> dict[str, str]:
    return {"code": code, "field": where, "reason": reason}


def notice_days(notice: CalendarNotice) -> dict[datetime.date, tuple[CalendarDayKind, str]]:
    """The notice's days, checked: each day once, make-up days on weekends, all in its year
    (or the December before, where a notice moves work there). Refused as a whole otherwise."""
    problems: list[dict[str, str]] = []
    days: dict[datetime.date, tuple[CalendarDayKind, str]] = {}
    earliest = datetime.date(notice.year - 1, 12, 1)
    latest = datetime.date(notice.year, 12, 31)

    def add(day: datetime.date, kind: CalendarDayKind, name: str, where: str) -> None:
        if not earliest <= day <= latest:
            problems.append(_problem("CALENDAR_DAY_OUTSIDE_YEAR", where,
                                     f"{day} 不在 {notice.year} 年（或其前一年 12 月）内"))
        elif day in days:
            problems.append(_problem("CALENDAR_DAY_TWICE", where, f"{day} 出现了不止一次"))
        else:
            days[day] = (kind, name)

    for index, holiday in enumerate(notice.holidays):
        where = f"holidays.{index}"
        length = (holiday.last_day - holiday.first_day).days + 1
        if not 1 <= length <= MAX_HOLIDAY_DAYS:
            problems.append(_problem("CALENDAR_RANGE_INVALID", where,
                                     f"放假日期须从 first_day 到 last_day，最长 {MAX_HOLIDAY_DAYS} 天"))
            continue
        for offset in range(length):
            add(holiday.first_day + offset * ONE_DAY, CalendarDayKind.HOLIDAY, holiday.name, where)
        for position, day in enumerate(holiday.makeup_workdays):
            day_where = f"{where}.makeup_workdays.{position}"
            if day.weekday() < 5:
                problems.append(_problem("CALENDAR_MAKEUP_NOT_WEEKEND", day_where,
                                         f"调休上班日 {day} 不是周六或周日"))
            add(day, CalendarDayKind.MAKEUP_WORKDAY, holiday.name, day_where)
    if problems:
        raise ValidationFailed("节假日安排有误，未载入", code=problems[0]["code"],
                               details={"problems": problems})
    return days


def content_sha256(days: dict[datetime.date, tuple[CalendarDayKind, str]]) -> str:
    """What a notice says, independent of how its holidays were listed."""
    canonical = [[day.isoformat(), kind.value, name] for day, (kind, name) in sorted(days.items())]
    return hashlib.sha256(orjson.dumps(canonical)).hexdigest()


async def load_notice(*, rt: Runtime, notice: CalendarNotice, actor_id: str,
                      replace: bool) -> NoticeLoaded:
    """Load (or, explicitly, replace) one year's notice, ledger it, and apply it."""
    days = notice_days(notice)
    digest = content_sha256(days)
    counts = Counter(kind for kind, _ in days.values())
    async with in_transaction():
        existing = await CalendarYear.get_or_none(year=notice.year)
        outcome: Literal["created", "replaced", "unchanged"]
        outcome = ("unchanged" if existing is not None and existing.content_sha256 == digest
                   else "replaced" if existing is not None else "created")
        if existing is not None and outcome == "replaced" and not replace:
            raise Conflict(f"{notice.year} 年的节假日安排已载入且内容不同；确需更正请明确替换",
                           code="CALENDAR_YEAR_LOADED",
                           details={"year": notice.year, "loaded_sha256": existing.content_sha256,
                                    "new_sha256": digest})
        if outcome != "unchanged":
            await _store(notice=notice, days=days, digest=digest, existing=existing, actor_id=actor_id)
    if outcome != "unchanged":
        await rt.catalog_cache.invalidate()
    # Applied on an unchanged load too: loading again finishes an application that was cut short.
    effects = await apply_notice(rt=rt, days=days)
    log.info("calendar_notice_loaded", year=notice.year, outcome=outcome, **effects)
    return NoticeLoaded(year=notice.year, outcome=outcome,
                        content_sha256=digest, holidays=counts[CalendarDayKind.HOLIDAY],
                        makeup_workdays=counts[CalendarDayKind.MAKEUP_WORKDAY], **effects)


async def _store(*, notice: CalendarNotice, days: dict[datetime.date, tuple[CalendarDayKind, str]],
                 digest: str, existing: CalendarYear | None, actor_id: str) -> None:
    """Write the notice's days in place of the year's old ones, with its ledger record."""
    claimed = CalendarDay.filter(day__in=list(days))
    if existing is not None:
        claimed = claimed.exclude(notice_id=existing.id)
    taken = cast(list[datetime.date], await claimed.values_list("day", flat=True))
    if taken:
        raise Conflict("部分日期已属于另一年的节假日安排", code="CALENDAR_DAY_CLAIMED",
                       details={"days": sorted(day.isoformat() for day in taken)})
    record: dict[str, Any] = {"year": notice.year, "content_sha256": digest, "loaded_by": actor_id}
    if existing is None:
        year_row = await CalendarYear.create(year=notice.year, title=notice.title,
                                             reference=notice.reference, content_sha256=digest,
                                             loaded_by=actor_id)
    else:
        record["replaced_sha256"] = existing.content_sha256
        year_row = existing
        year_row.title, year_row.reference = notice.title, notice.reference
        year_row.content_sha256, year_row.loaded_by = digest, actor_id
        year_row.replaced_count += 1
        await year_row.save()
        await CalendarDay.filter(notice_id=year_row.id).delete()
    await CalendarDay.bulk_create([CalendarDay(notice_id=year_row.id, day=day, kind=kind, name=name)
                                   for day, (kind, name) in days.items()])
    await ledger.append(record_type=RECORD_TYPE, data=record)


async def apply_notice(*, rt: Runtime,
                       days: dict[datetime.date, tuple[CalendarDayKind, str]]) -> dict[str, int]:
    """Bring what was computed on the provisional calendar in line with a loaded notice."""
    # Imported here: both import the calendar, which must not import them back at load.
    from services.applications import onewindow, prereview
    from services.appointments import gate, slots

    recomputed = 0
    for application in await Application.filter(deadline_provisional=True).prefetch_related("guide"):
        assert application.submitted_at is not None  # a deadline is set when it is submitted
        due = await prereview.prereview_deadline(
            application=application, submitted_on=to_local(application.submitted_at).date(), rt=rt)
        recomputed += await Application.filter(id=application.id).update(
            deadline=due.day, deadline_provisional=due.provisional)
    for application in await Application.filter(due_date_provisional=True):
        assert application.accepted_at is not None  # a due date is set when it is accepted
        due = await onewindow.promised_due(
            application=application, accepted_on=to_local(application.accepted_at).date(),
            suspended_days=application.suspended_working_days)
        recomputed += await Application.filter(id=application.id).update(
            due_date=due.day, due_date_provisional=due.provisional)
    closed = flagged = 0
    closed_slots: list[uuid.UUID] = []
    today = local_today()
    holidays = sorted(day for day, (kind, _) in days.items() if kind is CalendarDayKind.HOLIDAY
                      and day >= today)
    for hall_id in set(cast(list[uuid.UUID], await Slot.filter(day__in=holidays, is_closed=False)
                            .values_list("hall_id", flat=True))) if holidays else ():
        hall_calendar = await calendar.working_calendar(start=holidays[0], end=holidays[-1],
                                                        hall_id=hall_id)
        off = [day for day in holidays if not hall_calendar.is_working_day(day)]
        # Every slot of the day closes, booked or not: its free seats must not sell on a holiday,
        # and its bookings stay (flagged below) for the hall to rebook.
        closing = cast(list[uuid.UUID], await Slot.filter(hall_id=hall_id, day__in=off, is_closed=False)
                       .values_list("id", flat=True))
        closed += await Slot.filter(id__in=closing).update(is_closed=True)
        closed_slots.extend(closing)
        flagged += await Appointment.filter(
            hall_id=hall_id, day__in=off, status=AppointmentStatus.BOOKED,
            calendar_conflict=False).update(calendar_conflict=True)
    await gate.forget(rt=rt, slot_ids=closed_slots)
    created = await slots.materialize(horizon_days=rt.settings.appointment_horizon_days)
    return {"deadlines_recomputed": recomputed, "slots_closed": closed,
            "appointments_flagged": flagged, "slots_created": created}


async def provisional_days_ahead(*, today: datetime.date, days: int) -> list[datetime.date]:
    """The next ``days`` days that fall in a year with only a provisional calendar."""
    coming = [today + offset * ONE_DAY for offset in range(1, days + 1)]
    sources = await year_sources(sorted({day.year for day in coming}))
    return [day for day in coming if sources[day.year] is YearSource.PROVISIONAL]


async def report_provisional(*, today: datetime.date) -> int:
    """Say, in the log and on /metrics, how many coming days rest on a provisional calendar."""
    ahead = await provisional_days_ahead(today=today, days=PROVISIONAL_WARNING_DAYS)
    CALENDAR_PROVISIONAL_DAYS_AHEAD.set(len(ahead))
    if ahead:
        log.warning("calendar_provisional", days_ahead=len(ahead), first_day=ahead[0].isoformat(),
                    hint=f"load the {ahead[0].year} holiday notice: python -m app calendar-load FILE")
    return len(ahead)


async def watch_provisional(*, first_after_seconds: float = 60,
                            interval_seconds: float = 24 * 3600) -> None:
    """Report provisional days a minute after start, then daily, until the process stops."""
    # Not at once: start-up has enough to do, and the database need not be up yet.
    await asyncio.sleep(first_after_seconds)
    while True:
        try:
            await report_provisional(today=local_today())
        except Exception:  # noqa: BLE001 - an outage must not end the daily report
            log.exception("calendar_report_failed")
        raise_if_cancelled()
        await asyncio.sleep(interval_seconds)
