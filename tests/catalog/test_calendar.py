"""Working days: National Day 2025 (Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked), local closures."""

from datetime import date

from models.organization import CalendarOverride
from services.calendar import add_working_days, is_working_day
from tests.builders import make_hall


async def test_national_day_holiday_and_make_up_days():
    assert not await is_working_day(day=date(2025, 10, 1))
    assert not await is_working_day(day=date(2025, 10, 8))  # a Wednesday inside the holiday
    assert await is_working_day(day=date(2025, 9, 28))  # make-up Sunday
    assert await is_working_day(day=date(2025, 10, 11))  # make-up Saturday
    assert not await is_working_day(day=date(2025, 10, 18))  # an ordinary Saturday


async def test_counting_across_the_holiday_skips_it():
    # From Tue Sep 30: the next working day is Thu Oct 9, then Fri Oct 10, then Sat Oct 11.
    assert await add_working_days(start=date(2025, 9, 30), days=1) == date(2025, 10, 9)
    assert await add_working_days(start=date(2025, 9, 30), days=3) == date(2025, 10, 11)
    assert await add_working_days(start=date(2025, 9, 30), days=4) == date(2025, 10, 13)
    # Fri Sep 26 + 1 lands on the make-up Sunday Sep 28.
    assert await add_working_days(start=date(2025, 9, 26), days=1) == date(2025, 9, 28)
    assert await add_working_days(start=date(2025, 9, 30), days=0) == date(2025, 9, 30)


async def test_a_halls_local_closure_applies_to_that_hall_only():
    closed, other = await make_hall(), await make_hall()
    await CalendarOverride.create(hall=closed, day=date(2025, 10, 9), is_working_day=False,
                                  reason="线路改造停电")

    assert not await is_working_day(day=date(2025, 10, 9), hall_id=closed.id)
    assert await add_working_days(start=date(2025, 9, 30), days=1, hall_id=closed.id) == date(2025, 10, 10)
    assert await add_working_days(start=date(2025, 9, 30), days=1, hall_id=other.id) == date(2025, 10, 9)


async def test_district_override_is_overridden_by_the_halls_own():
    hall = await make_hall()
    # The district opens a Saturday for everyone; this hall stays closed.
    await CalendarOverride.create(hall=None, day=date(2025, 10, 18), is_working_day=True)
    await CalendarOverride.create(hall=hall, day=date(2025, 10, 18), is_working_day=False)

    assert await is_working_day(day=date(2025, 10, 18))
    assert not await is_working_day(day=date(2025, 10, 18), hall_id=hall.id)
    assert await add_working_days(start=date(2025, 10, 17), days=1) == date(2025, 10, 18)
    assert await add_working_days(start=date(2025, 10, 17), days=1, hall_id=hall.id) == date(2025, 10, 20)
