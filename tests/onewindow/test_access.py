"""Each step by the right role of the right hall or department only; out-of-order steps refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from models.appointments import Appointment
from models.prereview import Application, ApplicationState
from models.staff import StaffRoleName
from models.users import User
from tests.builders import (
    LoggedIn,
    login_staff,
    make_appointment,
    make_department,
    make_hall,
    make_prereview_item,
    make_slot,
    make_staff,
    resident_session,
)
from tests.builders.appointments import hall_staff
from tests.builders.onewindow import (
    WINDOW_FORM,
    OneWindow,
    accepted,
    checked_in_visit,
    desk_post,
    idempotency,
    make_window,
    received_at_window,
)
from tests.builders.prereview import reviewer_of, submitted


async def _accepted(client, rt, window):
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    return resident, await accepted(client, window, visit.id)


async def _staff(rt, *roles: str) -> LoggedIn:
    return await login_staff(rt, await make_staff(rt, roles=list(roles)))


async def _desk_ids(client, who: LoggedIn) -> set[str]:
    response = await client.get("/api/v1/desk/applications", headers=who.headers)
    assert response.status_code == 200, response.text
    return {a["id"] for a in response.json()["items"]}


async def test_clerks_of_another_hall_and_reviewers_of_another_department_see_404(client, rt, window: OneWindow):
    _, application = await _accepted(client, rt, window)
    other_clerk = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.CLERK)
    other_reviewer = await reviewer_of(rt, await make_department())
    path = f"applications/{application['id']}"
    assert (await desk_post(client, other_reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 404
    assert (await desk_post(client, other_clerk, f"{path}/issue", {"method": "window"})).status_code == 404
    assert (await client.get(f"/api/v1/desk/{path}", headers=other_clerk.headers)).status_code == 404
    assert (await client.get(f"/api/v1/desk/{path}", headers=window.clerk.headers)).status_code == 200


async def test_roles_are_checked_per_step(client, rt, window: OneWindow):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    # A clerk cannot approve, a reviewer cannot accept or issue, a resident cannot use the desk.
    assert (await desk_post(client, window.clerk, f"{path}/approvals", {"opinion": "approve"})).status_code == 403
    assert (await desk_post(client, window.examiner, f"{path}/accept")).status_code == 403
    assert (await desk_post(client, resident, f"{path}/accept")).status_code == 403
    # A clerk of another hall cannot receive a visit checked in here.
    someone_else = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=someone_else.id))
    other_clerk = await hall_staff(rt, hall=await make_hall(), role=StaffRoleName.CLERK)
    refused = await desk_post(client, other_clerk, "receptions", {"appointment_id": str(visit.id)})
    assert refused.status_code == 403


async def test_steps_out_of_order_twice_or_by_the_same_reviewer_are_refused(client, rt, window: OneWindow):
    _, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    again = await desk_post(client, window.clerk, f"{path}/accept")
    assert again.status_code == 409 and again.json()["error"]["code"] == "APPLICATION_STATE_INVALID"
    early = await desk_post(client, window.decider, f"{path}/certificate")
    assert early.status_code == 409
    assert (await desk_post(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    same = await desk_post(client, window.examiner, f"{path}/approvals", {"opinion": "approve"})
    assert same.status_code == 409 and same.json()["error"]["code"] == "APPROVAL_SAME_REVIEWER"
    untracked = await desk_post(client, window.clerk, f"{path}/issue", {"method": "mail"})
    assert untracked.json()["error"]["code"] == "TRACKING_NUMBER_REQUIRED"
    mail = await desk_post(client, window.clerk, f"{path}/issue", {"method": "mail", "tracking_number": "SF100"})
    assert mail.status_code == 409  # the certificate is not made yet


async def test_receiving_needs_a_checked_in_visit_and_the_originals(client, rt, window: OneWindow):
    resident = await resident_session(rt)
    user = await User.get(id=resident.id)
    booked_only = await make_appointment(resident=user, item=window.item,
                                         slot=await make_slot(hall=window.hall, appointment_group="G1"))
    refused = await desk_post(client, window.clerk, "receptions", {"appointment_id": str(booked_only.id),
                                                              "form_data": {}})
    assert refused.json()["error"]["code"] == "APPOINTMENT_NOT_CHECKED_IN"
    user = await User.get(id=(await resident_session(rt)).id)
    visit = await checked_in_visit(window, user)
    bad_form = await desk_post(client, window.clerk, "receptions",
                          {"appointment_id": str(visit.id), "form_data": {"applicant_name": ""}})
    assert bad_form.status_code == 422 and bad_form.json()["error"]["code"] == "FORM_DATA_INVALID"
    first = await received_at_window(client, window, visit.id)
    twice = await desk_post(client, window.clerk, "receptions",
                       {"appointment_id": str(visit.id), "form_data": {"applicant_name": "张三",
                                                                        "id_number": "110108199003071238"}})
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "APPOINTMENT_ALREADY_RECEIVED"
    assert await Application.filter(resident_id=user.id).count() == 1 and first["state"] == "received"

    # An item whose guide asks to see the original ID card: received only once it was checked.
    originals_item = await make_prereview_item(
        department=window.department, appointment_group="G1", modes=["appointment", "one_window"],
        materials=[{"name": "居民身份证", "original_required": True}, {"name": "户口簿"},
                   {"name": "照片", "required": False, "original_required": True}])
    at_window = await checked_in_visit(window, user, originals_item)
    unseen = await desk_post(client, window.clerk, "receptions", {
        "appointment_id": str(at_window.id), "checked_materials": [1], "form_data": WINDOW_FORM})
    assert (unseen.status_code, unseen.json()["error"]["code"]) == (422, "ORIGINALS_NOT_CHECKED")
    assert unseen.json()["error"]["details"] == {"materials": [{"material_index": 0, "name": "居民身份证"}]}
    seen = await desk_post(client, window.clerk, "receptions", {
        "appointment_id": str(at_window.id), "checked_materials": [0], "form_data": WINDOW_FORM})
    assert seen.status_code == 201 and seen.json()["application"]["state"] == "received"


async def test_a_withdrawn_application_cannot_be_booked_nor_received(client, rt, window: OneWindow):
    resident = await resident_session(rt)
    application = await submitted(client, resident, window.item.id)
    withdrawn = await client.post(f"/api/v1/applications/{application['id']}/withdraw", json={},
                                  headers=resident.headers)
    assert withdrawn.status_code == 200
    slot = await make_slot(hall=window.hall, appointment_group="G1", starts_in=timedelta(minutes=10))

    booked = await client.post("/api/v1/appointments", headers={**resident.headers, **idempotency()},
                               json={"item_id": str(window.item.id), "slot_id": str(slot.id),
                                     "application_id": application["id"]})
    assert (booked.status_code, booked.json()["error"]["code"]) == (422, "APPLICATION_NOT_BOOKABLE")
    # The slot itself was open: the same visit without the withdrawn file is booked.
    plain = await client.post("/api/v1/appointments", headers={**resident.headers, **idempotency()},
                              json={"item_id": str(window.item.id), "slot_id": str(slot.id)})
    assert plain.status_code == 201, plain.text
    # A checked-in visit still naming it (linked before the withdrawal) is not received either.
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    await Appointment.filter(id=visit.id).update(application_id=application["id"])
    received = await desk_post(client, window.clerk, "receptions", {"appointment_id": str(visit.id),
                                                                     "checked_materials": [0, 1]})
    assert (received.status_code, received.json()["error"]["code"]) == (409, "APPLICATION_STATE_INVALID")
    assert (await Application.get(id=application["id"])).state is ApplicationState.WITHDRAWN


async def test_a_pickup_at_the_window_needs_the_applicants_own_check_in_at_that_hall(client, rt, window: OneWindow):
    resident, application = await _accepted(client, rt, window)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    someone_elses = await checked_in_visit(window, await User.get(id=(await resident_session(rt)).id))
    own = await checked_in_visit(window, await User.get(id=resident.id))

    mismatch = await desk_post(client, window.clerk, f"{path}/issue",
                               {"method": "window", "appointment_id": str(someone_elses.id)})
    assert (mismatch.status_code, mismatch.json()["error"]["code"]) == (409, "PICKUP_VISIT_MISMATCH")
    assert (await Application.get(id=application["id"])).state is ApplicationState.CERTIFICATE_MADE
    issued = await desk_post(client, window.clerk, f"{path}/issue", {"method": "window", "appointment_id": str(own.id)})
    assert issued.status_code == 200 and issued.json()["application"]["state"] == "issued"


async def test_a_reviewer_scoped_only_to_a_hall_sees_only_that_halls_applications(client, rt, window: OneWindow):
    elsewhere = await make_window(rt)
    _, here = await _accepted(client, rt, window)
    _, there = await _accepted(client, rt, elsewhere)
    hall_reviewer = await _staff(rt, f"reviewer@{elsewhere.hall.code}")
    assert await _desk_ids(client, hall_reviewer) == {there["id"]}
    path = f"applications/{here['id']}"
    assert (await client.get(f"/api/v1/desk/{path}", headers=hall_reviewer.headers)).status_code == 404
    assert (await desk_post(client, hall_reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 404
    approved = await desk_post(client, hall_reviewer, f"applications/{there['id']}/approvals", {"opinion": "approve"})
    assert approved.status_code == 200


async def test_a_clerk_scoped_to_a_department_at_a_hall_sees_only_its_work_there(client, rt, window: OneWindow):
    neighbour = await make_window(rt, hall=window.hall)  # another department at the same hall
    other_hall = await make_hall()
    far = replace(window, hall=other_hall, clerk=await hall_staff(rt, hall=other_hall, role=StaffRoleName.CLERK))
    _, mine = await _accepted(client, rt, window)
    _, neighbours = await _accepted(client, rt, neighbour)
    await _accepted(client, rt, far)  # the same department at another hall
    clerk = await _staff(rt, f"clerk:{window.department.code}@{window.hall.code}")
    assert await _desk_ids(client, clerk) == {mine["id"]}
    assert await _desk_ids(client, window.clerk) == {mine["id"], neighbours["id"]}
    assert (await client.get(f"/api/v1/desk/applications/{neighbours['id']}",
                             headers=clerk.headers)).status_code == 404
    # It receives visits for its department at its hall, and no other.
    own_visit = await checked_in_visit(window, await User.get(id=(await resident_session(rt)).id))
    neighbours_visit = await checked_in_visit(neighbour, await User.get(id=(await resident_session(rt)).id))
    for visit, status in ((own_visit, 201), (neighbours_visit, 403)):
        received = await desk_post(client, clerk, "receptions", {"appointment_id": str(visit.id),
                                                            "checked_materials": [0, 1], "form_data": WINDOW_FORM})
        assert received.status_code == status, received.text
