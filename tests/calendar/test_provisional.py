"""A year with no loaded notice and no package data gets a provisional calendar of the statutory
holidays, and says so: in the calendar, on slots, and by refusing to open sessions on them."""

from datetime import date

from models.appointments import Slot, SlotTemplate
from services.appointments import slots
from tests.builders import login_staff, make_hall, make_service_item, make_staff


async def calendar_of(client, day_from: str, day_to: str, **params) -> dict:
    response = await client.get("/api/v1/calendar", params={"from": day_from, "to": day_to, **params})
    assert response.status_code == 200, response.text
    return {row["date"]: row for row in response.json()["days"]} | {"_years": response.json()["years"]}


async def test_2027_is_provisional_until_its_notice_is_loaded(client):
    days = await calendar_of(client, "2026-12-31", "2027-01-04")

    assert days["2026-12-31"]["working_day"] and not days["2026-12-31"]["provisional"]
    new_year = days["2027-01-01"]
    assert (new_year["working_day"], new_year["national"], new_year["holiday_name"],
            new_year["provisional"]) == (False, "holiday", "元旦", True)
    assert days["2027-01-04"]["working_day"] and days["2027-01-04"]["provisional"]
    assert {y["year"]: y["source"] for y in days["_years"]} == {2026: "package", 2027: "provisional"}


async def test_the_provisional_statutory_holidays_of_2027(client):
    days = await calendar_of(client, "2027-01-01", "2027-12-31")
    holidays = {day: row["holiday_name"] for day, row in days.items()
                if day != "_years" and row["national"] == "holiday"}

    # 春节 from 除夕 to 初三 (2027-02-06 is 正月初一), 清明 by the solar term, 端午 and 中秋 lunar.
    assert holidays == {
        "2027-01-01": "元旦", "2027-02-05": "春节", "2027-02-06": "春节", "2027-02-07": "春节",
        "2027-02-08": "春节", "2027-04-05": "清明节", "2027-05-01": "劳动节", "2027-05-02": "劳动节",
        "2027-06-09": "端午节", "2027-09-15": "中秋节", "2027-10-01": "国庆节", "2027-10-02": "国庆节",
        "2027-10-03": "国庆节"}
    assert not any(row["national"] == "makeup_workday" for day, row in days.items() if day != "_years")
    assert days["2027-02-09"]["working_day"]


async def test_no_slot_is_published_on_provisional_holidays(client):
    hall = await make_hall()
    for weekday in range(1, 8):
        await SlotTemplate.create(hall=hall, appointment_group="G1", weekday=weekday,
                                  start_minute=9 * 60, end_minute=10 * 60, capacity=5)

    await slots.materialize(horizon_days=7, start=date(2030, 12, 29), hall_id=hall.id)
    await slots.materialize(horizon_days=10, start=date(2031, 1, 19), hall_id=hall.id)
    days = set(await Slot.filter(hall=hall).values_list("day", flat=True))

    # 元旦 (Wed) and 春节 from 除夕 (Wed 22 Jan) to 初三 (Sat 25 Jan) are skipped, and so are the
    # ordinary weekends; the working days around them get their slots.
    assert date(2031, 1, 1) not in days
    assert not days & {date(2031, 1, 22), date(2031, 1, 23), date(2031, 1, 24), date(2031, 1, 25)}
    assert {date(2030, 12, 31), date(2031, 1, 2), date(2031, 1, 21), date(2031, 1, 27)} <= days
    assert date(2031, 1, 26) not in days  # an ordinary Sunday: no make-up day is guessed


async def test_slots_in_a_provisional_year_say_so(client):
    hall, item = await make_hall(), await make_service_item()
    await SlotTemplate.create(hall=hall, appointment_group="G1", weekday=2, start_minute=9 * 60,
                              end_minute=10 * 60, capacity=5)
    await slots.materialize(horizon_days=14, start=date(2030, 12, 25), hall_id=hall.id)

    response = await client.get("/api/v1/appointments/availability", params={
        "hall_id": str(hall.id), "item_id": str(item.id), "day_from": "2030-12-25",
        "day_to": "2031-01-07"})

    assert response.status_code == 200, response.text
    assert {(row["day"], row["provisional"]) for row in response.json()["items"]} == {
        ("2030-12-31", True), ("2031-01-07", True)}


async def test_an_extra_session_on_a_provisional_holiday_is_refused(client, rt):
    hall = await make_hall()
    manager = await login_staff(rt, await make_staff(rt, roles=[f"hall_manager@{hall.code}"]))
    extra = {"day": "2031-01-01", "kind": "extra", "appointment_group": "G1",
             "window": {"start": "09:00", "end": "10:00", "capacity": 5}}

    response = await client.post(f"/api/v1/halls/{hall.id}/slot-exceptions", json=extra,
                                 headers=manager.headers)

    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "CALENDAR_PROVISIONAL_HOLIDAY"
    assert not await Slot.filter(hall=hall).exists()
    ordinary = await client.post(f"/api/v1/halls/{hall.id}/slot-exceptions",
                                 json={**extra, "day": "2031-01-02"}, headers=manager.headers)
    assert ordinary.status_code == 201, ordinary.text


async def test_the_calendar_refuses_a_bad_range_and_an_unknown_hall(client):
    reversed_range = await client.get("/api/v1/calendar", params={"from": "2027-02-01", "to": "2027-01-01"})
    too_long = await client.get("/api/v1/calendar", params={"from": "2027-01-01", "to": "2028-01-02"})
    unknown = await client.get("/api/v1/calendar", params={"from": "2027-01-01", "to": "2027-01-02",
                                                           "hall_id": "no-such-hall"})

    assert [r.json()["error"]["code"] for r in (reversed_range, too_long, unknown)] == [
        "INVALID_DATE_RANGE", "INVALID_DATE_RANGE", "HALL_NOT_FOUND"]
