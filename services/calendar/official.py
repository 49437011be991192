"""The national calendar of each year, from the best source there is for it.

1. A notice loaded into the database (``calendar-load`` or the admin API): the State Council's
   annual 节假日安排, holidays and make-up working days as published.
2. The chinese-calendar package, for the years it ships (up to its release).
3. Otherwise a provisional calendar: only the statutory holidays of 《全国年节及纪念日放假办法》
   (as amended in 2024), dated by the lunar calendar where needed, with no make-up days. Every
   answer drawn from it says so, so nothing computed on a guess passes for official.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from chinese_calendar import constants as package_data
from lunar_python import Lunar

from models.calendar import CalendarDay, CalendarDayKind, CalendarYear

ONE_DAY = datetime.timedelta(days=1)

# The package's English holiday names, as the notices name them.
_PACKAGE_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


class YearSource(StrEnum):
    NOTICE = "notice"  # a loaded State Council notice
    PACKAGE = "package"  # the chinese-calendar package's data
    PROVISIONAL = "provisional"  # statutory holidays only, until the notice is loaded


OfficialDays = dict[datetime.date, tuple[CalendarDayKind, str]]


@functools.cache
def package_years() -> frozenset[int]:
    """The years the installed chinese-calendar knows."""
    return frozenset(day.year for day in package_data.holidays)


@functools.cache
def package_days(year: int) -> OfficialDays:
    """One year's holidays and make-up days as the chinese-calendar package has them."""
    days: OfficialDays = {}
    for table, kind in ((package_data.holidays, CalendarDayKind.HOLIDAY),
                        (package_data.workdays, CalendarDayKind.MAKEUP_WORKDAY)):
        for day, holiday in table.items():
            if day.year == year:
                days[day] = (kind, _PACKAGE_NAMES.get(holiday, holiday))
    return days


def _lunar(year: int, month: int, day: int) -> datetime.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.cache
def provisional_days(year: int) -> OfficialDays:
    """The statutory holidays of ``year`` (13 days), before its notice says how they fall."""
    new_year = _lunar(year, 1, 1)
    qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    holidays = {
        datetime.date(year, 1, 1): "元旦",
        # 春节: 除夕 (the eve) to 正月初三.
        **{new_year + offset * ONE_DAY: "春节" for offset in range(-1, 3)},
        datetime.date(qingming.getYear(), qingming.getMonth(), qingming.getDay()): "清明节",
        datetime.date(year, 5, 1): "劳动节", datetime.date(year, 5, 2): "劳动节",
        _lunar(year, 5, 5): "端午节",
        _lunar(year, 8, 15): "中秋节",
        **{datetime.date(year, 10, day): "国庆节" for day in (1, 2, 3)},
    }
    # 除夕 of a year whose Spring Festival falls on 1 January would be in the previous year.
    return {day: (CalendarDayKind.HOLIDAY, name) for day, name in holidays.items() if day.year == year}


@dataclass(frozen=True)
class NationalCalendar:
    """The official days of a date range, and where each year's days come from."""

    sources: dict[int, YearSource]
    days: OfficialDays

    def kind(self, day: datetime.date) -> CalendarDayKind | None:
        entry = self.days.get(day)
        return entry[0] if entry else None

    def holiday_name(self, day: datetime.date) -> str | None:
        entry = self.days.get(day)
        return entry[1] if entry else None

    def is_working_day(self, day: datetime.date) -> bool:
        kind = self.kind(day)
        if kind is None:
            return day.weekday() < 5
        return kind is CalendarDayKind.MAKEUP_WORKDAY

    def is_holiday(self, day: datetime.date) -> bool:
        """A statutory holiday (National Day, Spring Festival …), not an ordinary weekend."""
        return self.kind(day) is CalendarDayKind.HOLIDAY

    def is_provisional(self, day: datetime.date) -> bool:
        return self.sources[day.year] is YearSource.PROVISIONAL


async def year_sources(years: list[int]) -> dict[int, YearSource]:
    """Where each year's calendar comes from."""
    loaded = set(cast(list[int], await CalendarYear.filter(year__in=years).values_list("year", flat=True)))
    return {year: YearSource.NOTICE if year in loaded
            else YearSource.PACKAGE if year in package_years() else YearSource.PROVISIONAL
            for year in years}


async def national_calendar(start: datetime.date, end: datetime.date) -> NationalCalendar:
    """The national calendar from ``start`` to ``end`` inclusive: two small queries."""
    sources = await year_sources(list(range(start.year, end.year + 1)))
    days: OfficialDays = {}
    for year, source in sources.items():
        if source is not YearSource.NOTICE:
            known = package_days(year) if source is YearSource.PACKAGE else provisional_days(year)
            days.update((day, entry) for day, entry in known.items() if start <= day <= end)
    # Loaded days win, including a December day that the next year's notice moved.
    rows = await CalendarDay.filter(day__gte=start, day__lte=end).values_list("day", "kind", "name")
    days.update((day, (CalendarDayKind(kind), name)) for day, kind, name in rows)
    return NationalCalendar(sources=sources, days=days)
