"""Loading a year's holiday notice: validated, ledgered, and applied to what was computed on the
provisional calendar (deadlines recomputed, bookings on new holidays flagged for the hall)."""

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import structlog.testing

from app.ids import SHANGHAI
from models.appointments import Appointment, Slot
from models.calendar import CalendarYear
from models.ledger import LedgerEntry
from models.prereview import Application, ApplicationState
from services import calendar
from services.calendar import notices
from tests.builders import (
    login_resident,
    login_staff,
    make_application,
    make_appointment,
    make_department,
    make_hall,
    make_prereview_item,
    make_resident,
    make_service_item,
    make_staff,
)
from tests.support.server import command_env

NOTICE_2031 = json.loads((Path(__file__).parent / "notice_2031.json").read_text())


async def admin_headers(rt) -> dict[str, str]:
    return (await login_staff(rt, await make_staff(rt, roles=["admin"]))).headers


async def load(client, headers, notice=None, **overrides):
    return await client.post("/api/v1/admin/calendar/notices",
                             json={**(notice or NOTICE_2031), **overrides}, headers=headers)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=SHANGHAI)


def slot_on(hall, day: date, hour: int = 10):
    starts = at(day, hour)
    return Slot.create(hall=hall, appointment_group="G1", day=day, starts_at=starts,
                       ends_at=starts + timedelta(minutes=30), capacity=5)


async def test_a_loaded_notice_ends_the_provisional_calendar_and_moves_deadlines(client, rt):
    item = await make_prereview_item(prereview_days=3, promised_limit_days=5)
    resident = await make_resident(rt, realname=True)
    # Submitted and accepted on Tue 21 Jan 2031, the day before 除夕, on the provisional calendar.
    prereview_due = await calendar.due_after(start=date(2031, 1, 21), days=3)
    promised = await calendar.due_after(start=date(2031, 1, 21), days=5)
    assert (prereview_due, promised) == (calendar.DueDate(date(2031, 1, 29), True),
                                         calendar.DueDate(date(2031, 1, 31), True))
    in_review = await make_application(resident=resident, item=item, state=ApplicationState.IN_REVIEW)
    await Application.filter(id=in_review.id).update(
        submitted_at=at(date(2031, 1, 21)), deadline=prereview_due.day, deadline_provisional=True)
    accepted = await make_application(resident=resident, item=item, state=ApplicationState.ACCEPTED)
    await Application.filter(id=accepted.id).update(
        accepted_at=at(date(2031, 1, 21)), due_date=promised.day, due_date_provisional=True)

    response = await load(client, await admin_headers(rt))

    assert response.status_code == 200, response.text
    loaded = response.json()
    assert (loaded["outcome"], loaded["holidays"], loaded["makeup_workdays"],
            loaded["deadlines_recomputed"]) == ("created", 17, 3, 2)
    # The notice's 春节 runs to Wed 29 Jan: three working days are Thu 30, Fri 31 and Mon 3 Feb.
    await in_review.refresh_from_db()
    await accepted.refresh_from_db()
    assert (in_review.deadline, in_review.deadline_provisional) == (date(2031, 2, 3), False)
    assert (accepted.due_date, accepted.due_date_provisional) == (date(2031, 2, 5), False)
    mine = await client.get(f"/api/v1/applications/{in_review.id}",
                            headers=(await login_resident(rt, resident)).headers)
    assert (mine.json()["deadline"], mine.json()["deadline_provisional"]) == ("2031-02-03", False)

    days = (await client.get("/api/v1/calendar", params={"from": "2031-01-18", "to": "2031-02-09"})).json()
    by_day = {row["date"]: row for row in days["days"]}
    assert not any(row["provisional"] for row in days["days"])
    assert {y["year"]: y["source"] for y in days["years"]} == {2031: "notice"}
    assert by_day["2031-01-19"]["national"] == "makeup_workday" and by_day["2031-01-19"]["working_day"]
    assert by_day["2031-01-27"]["holiday_name"] == "春节" and not by_day["2031-01-27"]["working_day"]
    assert by_day["2031-02-08"]["working_day"]  # a make-up Saturday


async def test_a_deadline_across_the_loaded_spring_festival_counts_working_days_only(client, rt):
    await load(client, await admin_headers(rt))

    assert await calendar.due_after(start=date(2031, 1, 17), days=2) == calendar.DueDate(
        date(2031, 1, 20), False)  # Fri 17 -> the make-up Sunday 19, then Mon 20
    assert await calendar.add_working_days(start=date(2031, 1, 21), days=1) == date(2031, 1, 30)
    assert await calendar.working_days_between(start=date(2031, 1, 17), end=date(2031, 2, 9)) == 11


async def test_bookings_on_a_day_that_became_a_holiday_are_flagged_for_the_hall(client, rt):
    hall, item = await make_hall(), await make_service_item()
    resident = await make_resident(rt, realname=True)
    # Mon 27 Jan 2031 is a working day on the provisional calendar, a holiday in the notice.
    booked, empty = await slot_on(hall, date(2031, 1, 27)), await slot_on(hall, date(2031, 1, 27), 14)
    appointment = await make_appointment(resident=resident, item=item, slot=booked)
    kept = await slot_on(hall, date(2031, 1, 30))

    loaded = (await load(client, await admin_headers(rt))).json()

    assert (loaded["slots_closed"], loaded["appointments_flagged"]) == (2, 1)
    # Every slot of the holiday closes, the booked one too: its free seats no longer sell.
    assert [s.is_closed for s in await Slot.filter(id__in=[booked.id, empty.id, kept.id])
            .order_by("starts_at")] == [True, True, False]
    shown = await client.get(f"/api/v1/appointments/{appointment.id}",
                             headers=(await login_resident(rt, resident)).headers)
    assert shown.status_code == 200, shown.text
    assert shown.json()["calendar_conflict"] is True
    assert (await Appointment.get(id=appointment.id)).status == appointment.status  # not cancelled


async def test_the_same_notice_again_changes_nothing_and_a_different_one_needs_replace(client, rt):
    headers = await admin_headers(rt)
    first = (await load(client, headers)).json()
    again = await load(client, headers)
    assert (again.status_code, again.json()["outcome"]) == (200, "unchanged")

    moved = json.loads(json.dumps(NOTICE_2031))
    moved["holidays"][2] = {"name": "清明节", "first_day": "2031-04-04", "last_day": "2031-04-06"}
    refused = await load(client, headers, moved)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "CALENDAR_YEAR_LOADED"
    assert not await calendar.is_working_day(day=date(2031, 4, 7))  # still the first notice

    replaced = await load(client, headers, moved, replace=True)
    assert replaced.status_code == 200 and replaced.json()["outcome"] == "replaced"
    assert await calendar.is_working_day(day=date(2031, 4, 7))
    assert not await calendar.is_working_day(day=date(2031, 4, 4))
    records = [json.loads(e.leaf)["data"]
               for e in await LedgerEntry.filter(record_type="calendar_notice").order_by("seq")]
    assert [r["content_sha256"] for r in records] == [first["content_sha256"],
                                                     replaced.json()["content_sha256"]]
    assert records[1]["replaced_sha256"] == first["content_sha256"]
    assert (await CalendarYear.get(year=2031)).replaced_count == 1


async def test_a_notice_that_does_not_add_up_is_refused_whole(client, rt):
    headers = await admin_headers(rt)
    spring = NOTICE_2031["holidays"][1]
    cases = {
        "CALENDAR_DAY_TWICE": {"holidays": [spring, {"name": "元旦", "first_day": "2031-01-29",
                                                      "last_day": "2031-01-29"}]},
        "CALENDAR_MAKEUP_NOT_WEEKEND": {"holidays": [{**spring, "makeup_workdays": ["2031-01-20"]}]},
        "CALENDAR_DAY_OUTSIDE_YEAR": {"holidays": [{"name": "元旦", "first_day": "2032-01-01",
                                                     "last_day": "2032-01-01"}]},
        "CALENDAR_RANGE_INVALID": {"holidays": [{**spring, "last_day": "2031-01-01"}]},
    }
    for code, overrides in cases.items():
        response = await load(client, headers, **overrides)
        assert response.status_code == 422, (code, response.text)
        assert response.json()["error"]["code"] == code
    malformed = await load(client, headers, holidays=[])
    assert malformed.json()["error"]["code"] == "VALIDATION_FAILED"
    assert not await CalendarYear.exists()


async def test_only_a_district_wide_admin_loads_notices(client, rt):
    department = await make_department(code="HDGA")
    department_admin = await login_staff(rt, await make_staff(rt, roles=[f"admin:{department.code}"]))
    resident = await login_resident(rt, await make_resident(rt))

    for headers in (department_admin.headers, resident.headers, {}):
        response = await load(client, headers)
        assert response.status_code in (401, 403), response.text
    assert not await CalendarYear.exists()
    years = await client.get("/api/v1/admin/calendar/years", headers=department_admin.headers)
    assert years.status_code == 200
    assert {2027: "provisional"}.items() <= {y["year"]: y["source"] for y in years.json()["items"]}.items()


async def test_the_cli_loads_a_notice_file_and_refuses_a_bad_one(client, rt, settings, tmp_path):
    env = command_env(settings, env="development")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**NOTICE_2031, "holidays": [
        {**NOTICE_2031["holidays"][1], "makeup_workdays": ["2031-01-20"]}]}))
    command = [sys.executable, "-m", "app", "calendar-load"]

    refused = subprocess.run([*command, str(bad)], env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0
    assert "holidays.0.makeup_workdays.0" in refused.stderr and "nothing was loaded" in refused.stderr
    assert not await CalendarYear.exists()

    notice = Path(__file__).parent / "notice_2031.json"
    loaded = subprocess.run([*command, str(notice)], env=env, capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout[loaded.stdout.index("{"):])["outcome"] == "created"
    assert (await CalendarYear.get(year=2031)).loaded_by == "cli"


async def test_provisional_days_ahead_are_logged_and_exported_until_the_notice_is_loaded(client, rt):
    with structlog.testing.capture_logs() as logs:
        before = await notices.report_provisional(today=date(2031, 6, 1))
    assert before == notices.PROVISIONAL_WARNING_DAYS
    warning = next(entry for entry in logs if entry["event"] == "calendar_provisional")
    assert warning["first_day"] == "2031-06-02" and "calendar-load" in warning["hint"]
    scraped = (await client.get("/metrics")).text
    assert f"hdt_calendar_provisional_days_ahead {float(before)}" in scraped

    await load(client, await admin_headers(rt))
    with structlog.testing.capture_logs() as logs:
        assert await notices.report_provisional(today=date(2031, 6, 1)) == 0
    assert not [entry for entry in logs if entry["event"] == "calendar_provisional"]
    assert "hdt_calendar_provisional_days_ahead 0.0" in (await client.get("/metrics")).text
