"""The promised limit in working days from acceptance; suspended working days do not count."""

from __future__ import annotations

from datetime import date, timedelta

from app.ids import to_local, utcnow
from models.outbox import OutboxEvent
from models.prereview import Application
from models.users import User
from services import calendar
from services.applications import desk
from tests.builders import make_slot, resident_session
from tests.builders.onewindow import OneWindow, accepted, check_in, checked_in_visit, desk_post, idempotency
from tests.builders.prereview import PNG, ReviewDesk, review, submitted, upload


async def _accepted(client, rt, window):
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    return await accepted(client, window, visit.id)


async def test_suspension_moves_the_due_date_by_the_working_days_it_lasted(client, rt, window: OneWindow):
    application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    promised = date.fromisoformat(application["due_date"])
    suspended = await desk_post(client, window.examiner, f"{path}/suspend", {"reason": "等待申请人补充股东决议"})
    assert suspended.json()["application"]["state"] == "suspended"
    # While suspended nothing but resuming moves it, and it is off the deadline board.
    assert (await desk_post(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})).status_code == 409
    board = (await client.get("/api/v1/desk/applications/deadlines", headers=window.manager.headers)).json()
    assert application["id"] not in [a["id"] for a in board["items"]]
    # Pretend the suspension began three working days ago (National Day week included).
    started = date(2026, 9, 30)
    await Application.filter(id=application["id"]).update(suspended_on=started)
    resumed = await desk_post(client, window.examiner, f"{path}/resume", {"reason": "材料已补齐"})
    body = resumed.json()["application"]
    today = to_local(utcnow()).date()
    paused = await calendar.working_days_between(start=started, end=today)
    assert resumed.status_code == 200 and body["state"] == "accepted"
    assert resumed.json()["desk"]["suspended_working_days"] == paused > 0
    accepted_on = to_local((await Application.get(id=application["id"])).accepted_at).date()
    assert date.fromisoformat(body["due_date"]) == await calendar.add_working_days(
        start=accepted_on, days=5 + paused) > promised


async def test_working_days_between_skip_national_day_and_count_the_make_up_saturday():
    # 2026: National Day 10-01..10-07 off; 10-08 and 10-09 working; Saturday 10-10 is a make-up day.
    assert await calendar.working_days_between(start=date(2026, 9, 30), end=date(2026, 10, 9)) == 2
    assert await calendar.working_days_between(start=date(2026, 10, 9), end=date(2026, 10, 10)) == 1
    assert await calendar.working_days_between(start=date(2026, 10, 10), end=date(2026, 10, 11)) == 0
    assert await calendar.working_days_between(start=date(2026, 10, 9), end=date(2026, 10, 9)) == 0


async def test_overdue_is_red_and_due_soon_is_yellow_for_managers(client, rt, window: OneWindow):
    late = await _accepted(client, rt, window)
    soon = await _accepted(client, rt, window)
    await Application.filter(id=late["id"]).update(due_date=date(2020, 1, 2))
    await Application.filter(id=soon["id"]).update(due_date=to_local(utcnow()).date())
    board = (await client.get("/api/v1/desk/applications/deadlines", headers=window.manager.headers)).json()
    flags = {a["id"]: a["flag"] for a in board["items"]}
    assert flags[late["id"]] == "red" and flags[soon["id"]] == "yellow"
    reds = (await client.get("/api/v1/desk/applications/deadlines", params={"flag": "red"},
                             headers=window.examiner.headers)).json()["items"]
    assert [a["id"] for a in reds] == [late["id"]]


async def test_the_overdue_sweep_announces_each_late_application_once(client, rt, window: OneWindow):
    from models.outbox import OutboxEvent
    from services.applications import desk
    from tests.builders.prereview import submitted

    late_acceptance = await _accepted(client, rt, window)
    late_prereview = await submitted(client, await resident_session(rt), window.item.id)
    on_time = await _accepted(client, rt, window)
    await Application.filter(id__in=[late_acceptance["id"], late_prereview["id"]]).update(
        due_date=date(2020, 1, 2), deadline=date(2020, 1, 2))

    assert await desk.sweep_overdue() == 2
    assert await desk.sweep_overdue() == 0
    events = {e.aggregate_id: e.event_type for e in await OutboxEvent.filter(
        event_type__in=["prereview.overdue", "application.overdue"])}
    assert events == {late_acceptance["id"]: "application.overdue", late_prereview["id"]: "prereview.overdue"}
    assert on_time["id"] not in events


async def test_each_deadline_is_announced_once_when_it_passes_in_both_phases(client, rt, window: OneWindow):
    """The pre-review deadline, the new one a resubmission starts, then the promised limit."""
    resident = await resident_session(rt)
    app_id = (await submitted(client, resident, window.item.id))["id"]
    prereview_desk = ReviewDesk(window.department, window.item, window.examiner)

    async def sweeps_once_late(deadline_field: str) -> list[int]:
        await Application.filter(id=app_id).update(**{deadline_field: date(2020, 1, 2)})
        return [await desk.sweep_overdue(), await desk.sweep_overdue()]

    assert await sweeps_once_late("deadline") == [1, 0]
    await review(client, prereview_desk, app_id, "claim")
    await review(client, prereview_desk, app_id, "comments", {"material_index": 1, "message": "不清晰"})
    await review(client, prereview_desk, app_id, "request-correction", {"reason": "材料不清晰"})
    await upload(client, resident, app_id, 1, PNG, content_type="image/png")
    resubmitted = await client.post(f"/api/v1/applications/{app_id}/submit", headers=resident.headers)
    assert resubmitted.status_code == 200, resubmitted.text
    assert await sweeps_once_late("deadline") == [1, 0]

    await review(client, prereview_desk, app_id, "claim")
    await review(client, prereview_desk, app_id, "pass")
    slot = await make_slot(hall=window.hall, appointment_group="G1", starts_in=timedelta(minutes=10))
    booked = await client.post("/api/v1/appointments", headers={**resident.headers, **idempotency()},
                               json={"item_id": str(window.item.id), "slot_id": str(slot.id),
                                     "application_id": app_id})
    await check_in(client, window, booked.json())
    await desk_post(client, window.clerk, "receptions", {"appointment_id": booked.json()["id"],
                                                         "checked_materials": [0, 1]})
    accept = await desk_post(client, window.clerk, f"applications/{app_id}/accept")
    assert accept.status_code == 200, accept.text
    assert await sweeps_once_late("due_date") == [1, 0]

    announced = await OutboxEvent.filter(aggregate_id=app_id, event_type__in=[
        "prereview.overdue", "application.overdue"]).order_by("created_at").values_list("event_type", flat=True)
    assert announced == ["prereview.overdue", "prereview.overdue", "application.overdue"]
