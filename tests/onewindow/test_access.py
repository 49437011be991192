"""Each step by the right role of the right hall or department only; out-of-order steps refused."""

from __future__ import annotations

from models.staff import StaffRoleName
from models.users import User
from tests.appointments.conftest import hall_staff
from tests.builders import make_department, make_hall
from tests.onewindow.conftest import OneWindow, accepted, checked_in_visit, desk, received_at_window
from tests.prereview.conftest import resident_session, reviewer_of


async def _accepted(client, rt, window):
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    return resident, await accepted(client, window, visit.id)


async def test_clerks_of_another_hall_and_reviewers_of_another_department_see_404(client, rt, window: OneWindow):
    _, application = await _accepted(client, rt, window)
    other_clerk = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.CLERK)
    other_reviewer = await reviewer_of(rt, await make_department())
    path = f"applications/{application['id']}"
    assert (await desk(client, other_reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 404
    assert (await desk(client, other_clerk, f"{path}/issue", {"method": "window"})).status_code == 404
    assert (await client.get(f"/api/v1/desk/{path}", headers=other_clerk.headers)).status_code == 404
    assert (await client.get(f"/api/v1/desk/{path}", headers=window.clerk.headers)).status_code == 200


async def test_roles_are_checked_per_step(client, rt, window: OneWindow):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    # A clerk cannot approve, a reviewer cannot accept or issue, a resident cannot use the desk.
    assert (await desk(client, window.clerk, f"{path}/approvals", {"opinion": "approve"})).status_code == 403
    assert (await desk(client, window.examiner, f"{path}/accept")).status_code == 403
    assert (await desk(client, resident, f"{path}/accept")).status_code == 403
    # A clerk of another hall cannot receive a visit checked in here.
    someone_else = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=someone_else.id))
    other_clerk = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.CLERK)
    refused = await desk(client, other_clerk, "receptions", {"appointment_id": str(visit.id)})
    assert refused.status_code == 403


async def test_steps_out_of_order_twice_or_by_the_same_reviewer_are_refused(client, rt, window: OneWindow):
    _, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    again = await desk(client, window.clerk, f"{path}/accept")
    assert again.status_code == 409 and again.json()["error"]["code"] == "APPLICATION_STATE_INVALID"
    early = await desk(client, window.decider, f"{path}/certificate")
    assert early.status_code == 409
    assert (await desk(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    same = await desk(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})
    assert same.status_code == 409 and same.json()["error"]["code"] == "APPROVAL_SAME_REVIEWER"
    untracked = await desk(client, window.clerk, f"{path}/issue", {"method": "mail"})
    assert untracked.json()["error"]["code"] == "TRACKING_NUMBER_REQUIRED"
    mail = await desk(client, window.clerk, f"{path}/issue", {"method": "mail", "tracking_number": "SF100"})
    assert mail.status_code == 409  # the certificate is not made yet


async def test_receiving_needs_a_checked_in_visit_and_the_originals(client, rt, window: OneWindow):
    from tests.builders import make_appointment, make_slot

    resident = await resident_session(rt)
    user = await User.get(id=resident.id)
    booked_only = await make_appointment(resident=user, item=window.item,
                                         slot=await make_slot(hall=window.hall, appointment_group="G1"))
    refused = await desk(client, window.clerk, "receptions", {"appointment_id": str(booked_only.id),
                                                              "form_data": {}})
    assert refused.json()["error"]["code"] == "APPOINTMENT_NOT_CHECKED_IN"
    user = await User.get(id=(await resident_session(rt)).id)
    visit = await checked_in_visit(window, user)
    bad_form = await desk(client, window.clerk, "receptions",
                          {"appointment_id": str(visit.id), "form_data": {"applicant_name": ""}})
    assert bad_form.status_code == 422 and bad_form.json()["error"]["code"] == "FORM_DATA_INVALID"
    first = await received_at_window(client, window, visit.id)
    twice = await desk(client, window.clerk, "receptions",
                       {"appointment_id": str(visit.id), "form_data": {"applicant_name": "张三",
                                                                        "id_number": "110108199003071238"}})
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "APPOINTMENT_ALREADY_RECEIVED"
    from models.prereview import Application

    assert await Application.filter(resident_id=user.id).count() == 1 and first["state"] == "received"


async def test_a_withdrawn_application_cannot_be_received(client, rt, window: OneWindow):
    from tests.prereview.conftest import submitted

    resident = await resident_session(rt)
    application = await submitted(client, resident, window.item.id)
    withdrawn = await client.post(f"/api/v1/applications/{application['id']}/withdraw", json={},
                                  headers=resident.headers)
    assert withdrawn.status_code == 200
    booked = await client.post("/api/v1/appointments", headers={**resident.headers, "idempotency-key": "k-withdrawn"},
                               json={"item_id": str(window.item.id), "slot_id": str(window.item.id),
                                     "application_id": application["id"]})
    assert booked.status_code == 422 and booked.json()["error"]["code"] == "APPLICATION_NOT_BOOKABLE"
