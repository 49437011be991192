"""The calendar as the API shows it: days of a range, and where each year's data come from."""

from __future__ import annotations

import datetime
from typing import cast

from app.cache import CachedDocument
from app.context import Runtime
from app.errors import ValidationFailed
from models.calendar import CalendarDayKind, CalendarYear
from services import calendar, catalog
from services.calendar.official import ONE_DAY, year_sources
from services.calendar.shapes import CalendarDayOut, CalendarOut, CalendarYearOut, CalendarYears, NationalKind

MAX_RANGE_DAYS = 366


async def year_overview(years: list[int]) -> list[CalendarYearOut]:
    """Each year's source, with the loaded notice's title and who loaded it."""
    sources = await year_sources(years)
    notices = {row.year: row for row in await CalendarYear.filter(year__in=years)}
    shown = []
    for year in years:
        notice = notices.get(year)
        shown.append(CalendarYearOut(
            year=year, source=sources[year], title=notice.title if notice else None,
            reference=notice.reference if notice else None,
            content_sha256=notice.content_sha256 if notice else None,
            loaded_by=notice.loaded_by if notice else None,
            loaded_at=notice.updated_at if notice else None))
    return shown


async def years_around(*, today: datetime.date) -> CalendarYears:
    """Last year to two years ahead, and every year with a loaded notice."""
    loaded = cast(list[int], await CalendarYear.all().values_list("year", flat=True))
    years = sorted(set(range(today.year - 1, today.year + 3)) | set(loaded))
    return CalendarYears(items=await year_overview(years))


def _national_kind(day: datetime.date, kind: CalendarDayKind | None) -> NationalKind:
    if kind is not None:
        return kind.value
    return "workday" if day.weekday() < 5 else "weekend"


async def calendar_document(*, rt: Runtime, day_from: datetime.date, day_to: datetime.date,
                            hall_id: str | None) -> CachedDocument:
    """``calendar_range`` through the catalog cache, which a loaded notice invalidates."""
    if day_to < day_from or (day_to - day_from).days >= MAX_RANGE_DAYS:
        raise ValidationFailed(f"日期范围无效（结束不早于开始，最长 {MAX_RANGE_DAYS} 天）",
                               code="INVALID_DATE_RANGE")

    async def load() -> str:
        shown = await calendar_range(day_from=day_from, day_to=day_to, hall_id=hall_id)
        return shown.model_dump_json()

    return await rt.catalog_cache.get_or_load(f"calendar:{day_from}:{day_to}:{hall_id}", load)


async def calendar_range(*, day_from: datetime.date, day_to: datetime.date,
                         hall_id: str | None) -> CalendarOut:
    """Every day from ``day_from`` to ``day_to``: working or not, and why."""
    hall = await catalog.get_hall_or_raise(hall_id=hall_id) if hall_id is not None else None
    known = await calendar.working_calendar(start=day_from, end=day_to,
                                            hall_id=hall.id if hall else None)
    days = []
    day = day_from
    while day <= day_to:
        override = known.overrides.get(day)
        days.append(CalendarDayOut(
            date=day, working_day=known.is_working_day(day),
            national=_national_kind(day, known.national.kind(day)),
            holiday_name=known.national.holiday_name(day),
            provisional=known.is_provisional(day),
            local_override=(override.reason or "本地调整") if override else None))
        day += ONE_DAY
    years = await year_overview(sorted(known.national.sources))
    return CalendarOut(days=days, years=years)
