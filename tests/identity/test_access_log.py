"""谁查看了我的信息: staff reads of a resident's personal data are recorded, shown to the resident,
audited per staff member within scope, and cannot be altered (PIPL art. 51)."""

from __future__ import annotations

import pytest
from tortoise import connections

from models.users import User
from tests.builders import login_resident, login_staff, make_department, make_prereview_item, make_resident, make_staff
from tests.builders.onewindow import LEGAL_BASIS, accepted, checked_in_visit, desk_post, make_window
from tests.builders.prereview import reviewer_of, submitted

REVIEW = "/api/v1/review/applications"


async def _log(client, who, **params) -> dict:
    response = await client.get("/api/v1/me/access-log", headers=who.headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_each_reviewer_read_is_shown_to_that_resident_only(client, rt) -> None:
    department = await make_department()
    item = await make_prereview_item(department=department)
    reviewer = await reviewer_of(rt, department)
    resident = await login_resident(rt, await make_resident(rt, realname=True))
    bystander = await login_resident(rt, await make_resident(rt, realname=True, id_number="110108199003071250"))
    application = await submitted(client, resident, item.id)
    app_id = application["id"]

    assert (await client.get(REVIEW, headers=reviewer.headers)).status_code == 200  # a list: no personal data
    for path in (f"{REVIEW}/{app_id}", f"{REVIEW}/{app_id}/history",
                 f"{REVIEW}/{app_id}/materials/1/download-url"):
        response = await client.get(path, headers=reviewer.headers)
        assert response.status_code == 200, response.text

    entries = (await _log(client, resident))["items"]
    assert [(e["kind"], e["record_id"]) for e in entries] == [
        ("material", "1"), ("application_history", app_id), ("application", app_id)]
    assert {(e["staff_display_name"], e["role"], e["department_id"], e["application_id"])
            for e in entries} == {("测试工作人员", "reviewer", str(department.id), app_id)}
    assert entries[-1]["endpoint"] == "GET /api/v1/review/applications/{application_id}"
    assert (await _log(client, bystander))["items"] == []

    first = await _log(client, resident, limit=2)
    rest = await _log(client, resident, limit=2, cursor=first["next_cursor"])
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in entries]
    assert rest["next_cursor"] is None


async def test_a_refused_read_records_nothing(client, rt) -> None:
    item = await make_prereview_item(department=await make_department())
    outsider = await reviewer_of(rt, await make_department())
    resident = await login_resident(rt, await make_resident(rt, realname=True))
    application = await submitted(client, resident, item.id)

    response = await client.get(f"{REVIEW}/{application['id']}", headers=outsider.headers)

    assert response.status_code == 404
    assert (await _log(client, resident))["items"] == []


async def _desk_reads(client, rt):
    """A clerk opens an accepted application and its acceptance receipt at the window."""
    window = await make_window(rt)
    user = await make_resident(rt, realname=True)
    visit = await checked_in_visit(window, user)
    application = await accepted(client, window, visit.id)
    for path in (f"applications/{application['id']}", f"applications/{application['id']}/documents/acceptance-receipt"):
        response = await client.get(f"/api/v1/desk/{path}", headers=window.clerk.headers)
        assert response.status_code == 200, response.text
    return window, user, application


async def test_window_reads_are_recorded_with_the_hall_grant(client, rt) -> None:
    window, user, application = await _desk_reads(client, rt)

    entries = (await _log(client, await login_resident(rt, user)))["items"]

    assert [(e["kind"], e["record_id"], e["role"], e["hall_id"], e["endpoint"]) for e in entries] == [
        ("document", "acceptance-receipt", "clerk", str(window.hall.id),
         "GET /api/v1/desk/applications/{application_id}/documents/{kind}"),
        ("application", application["id"], "clerk", str(window.hall.id),
         "GET /api/v1/desk/applications/{application_id}"),
        # Receiving and accepting answer the application with its form: reads too.
        ("application", application["id"], "clerk", str(window.hall.id),
         "POST /api/v1/desk/applications/{application_id}/accept"),
        ("application", application["id"], "clerk", str(window.hall.id), "POST /api/v1/desk/receptions")]


async def test_reviewer_actions_answering_the_form_are_recorded(client, rt) -> None:
    """Claiming, deciding or returning an application answers its form: each is a read."""
    department = await make_department()
    item = await make_prereview_item(department=department)
    reviewer = await reviewer_of(rt, department)
    resident = await login_resident(rt, await make_resident(rt, realname=True))
    passed, rejected = [(await submitted(client, resident, item.id))["id"] for _ in range(2)]

    for app_id, action, body in ((passed, "claim", {}), (passed, "pass", {"reason": "材料齐全"}),
                                 (rejected, "claim", {}), (rejected, "reject", {"reason": "不符合条件"})):
        response = await client.post(f"{REVIEW}/{app_id}/{action}", headers=reviewer.headers, json=body)
        assert response.status_code == 200, response.text
        assert "form_data" in response.json()

    entries = (await _log(client, resident))["items"]
    assert [(e["application_id"], e["endpoint"].rsplit("/", 1)[1], e["role"]) for e in entries] == [
        (rejected, "reject", "reviewer"), (rejected, "claim", "reviewer"),
        (passed, "pass", "reviewer"), (passed, "claim", "reviewer")]


async def test_back_office_actions_answering_the_form_are_recorded(client, rt) -> None:
    window = await make_window(rt)
    user = await make_resident(rt, realname=True)
    application = await accepted(client, window, (await checked_in_visit(window, user)).id)
    approval = await desk_post(client, window.examiner, f"applications/{application['id']}/approvals",
                               {"opinion": "deny", "comment": "经营场所不符合规划用途", "legal_basis": LEGAL_BASIS})
    assert approval.status_code == 200, approval.text

    entries = (await _log(client, await login_resident(rt, user)))["items"]

    assert (entries[0]["endpoint"], entries[0]["role"], entries[0]["department_id"]) == (
        "POST /api/v1/desk/applications/{application_id}/approvals", "reviewer", str(window.department.id))


async def test_reads_are_audited_per_staff_member_within_the_auditors_scope(client, rt) -> None:
    window, user, application = await _desk_reads(client, rt)
    other_window = await make_window(rt)
    global_auditor = await login_staff(rt, await make_staff(rt, roles=["auditor"]))
    department_auditor = await login_staff(
        rt, await make_staff(rt, roles=[f"auditor:{other_window.department.code}"]))

    async def audit(who, staff_id: str):
        return await client.get("/api/v1/admin/access-log", params={"staff_id": staff_id},
                                headers=who.headers)

    own_manager = await audit(window.manager, window.clerk.id)
    assert own_manager.status_code == 200, own_manager.text
    assert [(e["kind"], e["resident_id"], e["staff_id"]) for e in own_manager.json()["items"]] == [
        ("document", str(user.id), window.clerk.id)] + [("application", str(user.id), window.clerk.id)] * 3
    assert (await audit(global_auditor, window.clerk.id)).json()["items"] == own_manager.json()["items"]

    for outsider in (other_window.manager, department_auditor):
        refused = await audit(outsider, window.clerk.id)
        assert refused.status_code == 404 and refused.json()["error"]["code"] == "STAFF_NOT_FOUND"
    assert (await audit(window.manager, "not-an-id")).json()["error"]["code"] == "STAFF_NOT_FOUND"
    assert (await audit(window.clerk, window.clerk.id)).status_code == 403
    resident = await login_resident(rt, await User.get(id=user.id))
    assert (await audit(resident, window.clerk.id)).status_code == 403
    assert (await client.get("/api/v1/admin/access-log", params={"staff_id": window.clerk.id})).status_code == 401


@pytest.mark.parametrize("statement", [
    "UPDATE personal_data_reads SET role = 'admin'",
    "DELETE FROM personal_data_reads",
])
async def test_the_record_cannot_be_altered_in_the_database(client, rt, statement: str) -> None:
    await _desk_reads(client, rt)

    with pytest.raises(Exception, match="append-only"):
        await connections.get("default").execute_script(statement)


async def test_an_auditor_sees_only_the_reads_made_within_their_own_scope(client, rt) -> None:
    """A staff member who reviews for a department and also clerks at a hall: the hall's manager
    oversees the clerk's reads at the hall, not what the same person read as the reviewer."""
    window = await make_window(rt)
    department = await make_department()
    both = await make_staff(rt, roles=[f"reviewer:{department.code}", f"clerk@{window.hall.code}"])
    member = await login_staff(rt, both)
    resident = await login_resident(rt, await make_resident(rt, realname=True))
    prereview = await submitted(client, resident, (await make_prereview_item(department=department)).id)
    at_window = await accepted(client, window, (await checked_in_visit(window, await make_resident(
        rt, realname=True, id_number="110108199003071250"))).id)
    for path in (f"{REVIEW}/{prereview['id']}", f"/api/v1/desk/applications/{at_window['id']}"):
        assert (await client.get(path, headers=member.headers)).status_code == 200

    async def audited(who) -> list[tuple[str, str | None, str | None]]:
        response = await client.get("/api/v1/admin/access-log", params={"staff_id": str(both.id)},
                                    headers=who.headers)
        assert response.status_code == 200, response.text
        return [(e["role"], e["department_id"], e["hall_id"]) for e in response.json()["items"]]

    as_clerk = ("clerk", None, str(window.hall.id))
    as_reviewer = ("reviewer", str(department.id), None)
    assert await audited(window.manager) == [as_clerk]
    department_auditor = await login_staff(rt, await make_staff(rt, roles=[f"auditor:{department.code}"]))
    assert await audited(department_auditor) == [as_reviewer]
    global_auditor = await login_staff(rt, await make_staff(rt, roles=["auditor"]))
    assert await audited(global_auditor) == [as_clerk, as_reviewer]
