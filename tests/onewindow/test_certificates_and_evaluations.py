"""E-certificates: revoked, expired or someone else's are refused. Evaluations: once, after service."""

from __future__ import annotations

from datetime import date

from models.appointments import Appointment
from models.onewindow import ECertificate
from models.prereview import Application, ApplicationState
from models.users import User
from tests.builders import (
    login_staff,
    make_prereview_item,
    make_staff,
    resident_session,
)
from tests.builders.onewindow import (
    LICENCE_MATERIAL,
    OneWindow,
    accepted,
    checked_in_visit,
    desk_post,
    make_window,
)
from tests.builders.prereview import ReviewDesk, review

FORM = {"applicant_name": "张三", "id_number": "110108199003071238"}


async def _licensed(client, rt, window: OneWindow):
    """A resident whose application went all the way to a licence in their wallet."""
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    path = f"applications/{application['id']}"
    for reviewer in (window.examiner, window.decider):
        assert (await desk_post(client, reviewer, f"{path}/approvals", {"opinion": "approve"})).status_code == 200
    assert (await desk_post(client, window.decider, f"{path}/certificate")).status_code == 200
    certificate = (await client.get("/api/v1/certificates", headers=resident.headers)).json()["items"][0]
    return resident, application, certificate


async def _draft_needing_licence(client, window, resident) -> str:
    item = await make_prereview_item(department=window.department, materials=[LICENCE_MATERIAL])
    draft = await client.post("/api/v1/applications", headers=resident.headers,
                              json={"item_id": str(item.id), "form_data": FORM})
    return draft.json()["id"]


async def _present(client, resident, application_id, certificate_id):
    return await client.put(f"/api/v1/applications/{application_id}/materials/0/certificate",
                            json={"certificate_id": certificate_id}, headers=resident.headers)


async def test_a_revoked_certificate_is_refused_even_after_it_was_presented(client, rt, window: OneWindow):
    resident, _, certificate = await _licensed(client, rt, window)
    draft = await _draft_needing_licence(client, window, resident)
    assert (await _present(client, resident, draft, certificate["id"])).status_code == 200
    other_department_reviewer = window.clerk  # not a reviewer at all
    assert (await desk_post(client, other_department_reviewer, f"certificates/{certificate['id']}/revoke",
                       {"reason_code": "issued_in_error"})).status_code == 403
    revoked = await desk_post(client, window.decider, f"certificates/{certificate['id']}/revoke",
                         {"reason_code": "issued_in_error", "reason": "登记信息有误"})
    assert revoked.status_code == 200 and revoked.json()["usable"] is False
    submit = await client.post(f"/api/v1/applications/{draft}/submit", headers=resident.headers)
    assert submit.status_code == 409 and submit.json()["error"]["code"] == "CERTIFICATE_REVOKED"
    again = await _present(client, resident, draft, certificate["id"])
    assert again.json()["error"]["code"] == "CERTIFICATE_REVOKED"
    check = await client.get(f"/api/v1/documents/certificate/{certificate['id']}/verification")
    assert check.json()["valid"] is False and check.json()["status"] == "revoked"
    twice = await desk_post(client, window.decider, f"certificates/{certificate['id']}/revoke",
                       {"reason_code": "issued_in_error"})
    assert twice.status_code == 409


async def test_a_certificate_revoked_after_reception_stops_the_acceptance(client, rt, window: OneWindow):
    resident, _, certificate = await _licensed(client, rt, window)
    draft = await _draft_needing_licence(client, window, resident)
    assert (await _present(client, resident, draft, certificate["id"])).status_code == 200
    assert (await client.post(f"/api/v1/applications/{draft}/submit", headers=resident.headers)).status_code == 200
    item = (await Application.get(id=draft).prefetch_related("item")).item
    prereview_desk = ReviewDesk(window.department, item, window.examiner)
    assert (await review(client, prereview_desk, draft, "claim")).status_code == 200
    assert (await review(client, prereview_desk, draft, "pass")).status_code == 200
    visit = await checked_in_visit(window, await User.get(id=resident.id), item)
    await Appointment.filter(id=visit.id).update(application_id=draft)  # booked with the passed pre-review
    received = await desk_post(client, window.clerk, "receptions", {"appointment_id": str(visit.id),
                                                                     "checked_materials": [0]})
    assert received.status_code == 201, received.text

    revoked = await desk_post(client, window.decider, f"certificates/{certificate['id']}/revoke",
                              {"reason_code": "issued_in_error", "reason": "登记信息有误"})
    assert revoked.status_code == 200
    accept = await desk_post(client, window.clerk, f"applications/{draft}/accept")

    assert (accept.status_code, accept.json()["error"]["code"]) == (409, "CERTIFICATE_REVOKED")
    assert (await Application.get(id=draft)).state is ApplicationState.RECEIVED


async def test_expired_or_someone_elses_certificate_is_refused(client, rt, window: OneWindow):
    resident, _, certificate = await _licensed(client, rt, window)
    stranger = await resident_session(rt)
    stranger_draft = await _draft_needing_licence(client, window, stranger)
    stolen = await _present(client, stranger, stranger_draft, certificate["id"])
    assert stolen.status_code == 404 and stolen.json()["error"]["code"] == "CERTIFICATE_NOT_FOUND"
    await ECertificate.filter(id=certificate["id"]).update(valid_until=date(2020, 1, 1))
    draft = await _draft_needing_licence(client, window, resident)
    expired = await _present(client, resident, draft, certificate["id"])
    assert expired.status_code == 409 and expired.json()["error"]["code"] == "CERTIFICATE_EXPIRED"
    wrong_slot = await client.put(f"/api/v1/applications/{stranger_draft}/materials/0/certificate",
                                  json={"certificate_id": "not-an-id"}, headers=stranger.headers)
    assert wrong_slot.status_code == 404


async def test_a_service_is_rated_once_after_it_is_completed(client, rt, window: OneWindow):
    resident, application, _ = await _licensed(client, rt, window)
    path = f"/api/v1/applications/{application['id']}/evaluation"
    early = await client.post(path, json={"score": 5}, headers=resident.headers)
    assert early.status_code == 409 and early.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"
    assert (await desk_post(client, window.clerk, f"applications/{application['id']}/issue",
                       {"method": "mail", "tracking_number": "SF1234567890"})).status_code == 200
    stranger = await resident_session(rt)
    assert (await client.post(path, json={"score": 1}, headers=stranger.headers)).status_code == 404
    assert (await client.post(path, json={"score": 6}, headers=resident.headers)).status_code == 422
    rated = await client.post(path, json={"score": 1, "comment": "等候时间太长"}, headers=resident.headers)
    assert rated.status_code == 201 and rated.json()["is_bad"] is True
    twice = await client.post(path, json={"score": 5}, headers=resident.headers)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "EVALUATION_EXISTS"


async def _rated(client, rt, window: OneWindow, score: int) -> None:
    """An application accepted at the window, denied, then rated ``score`` by its resident."""
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    denied = await desk_post(client, window.examiner, f"applications/{application['id']}/approvals",
                             {"opinion": "deny", "comment": "不符合条件"})
    assert denied.status_code == 200, denied.text
    assert (await Application.get(id=application["id"])).state is ApplicationState.DENIED
    rated = await client.post(f"/api/v1/applications/{application['id']}/evaluation",
                              json={"score": score}, headers=resident.headers)
    assert rated.status_code == 201, rated.text


async def test_bad_reviews_go_to_the_hall_manager_and_stats_add_up(client, rt, window: OneWindow):
    scores = [1, 4, 5]
    for score in scores:
        await _rated(client, rt, window, score)
    bad = (await client.get("/api/v1/desk/evaluations/bad", headers=window.manager.headers)).json()["items"]
    assert [e["score"] for e in bad] == [1]
    assert (await desk_post(client, window.clerk, f"evaluations/{bad[0]['id']}/follow-up",
                       {"note": "已回访"})).status_code == 403
    followed = await desk_post(client, window.manager, f"evaluations/{bad[0]['id']}/follow-up",
                          {"note": "已电话回访并致歉，调整午间窗口排班"})
    assert followed.status_code == 200 and followed.json()["followed_up_at"]
    assert (await client.get("/api/v1/desk/evaluations/bad", headers=window.manager.headers)).json()["items"] == []
    for group_by, key in (("hall", window.hall.id), ("department", window.department.id),
                          ("item", window.item.id)):
        stats = (await client.get("/api/v1/desk/evaluations/stats", params={"group_by": group_by},
                                  headers=window.manager.headers)).json()["items"]
        assert stats == [{"key": str(key), "count": 3, "average": round(sum(scores) / 3, 2), "bad": 1,
                          "followed_up": 1}]


async def test_stats_cover_the_union_of_a_persons_manager_and_admin_grants(client, rt, window: OneWindow):
    elsewhere = await make_window(rt)
    await _rated(client, rt, window, 5)
    await _rated(client, rt, elsewhere, 1)

    async def halls_seen(*roles: str) -> set[str]:
        who = await login_staff(rt, await make_staff(rt, roles=list(roles)))
        response = await client.get("/api/v1/desk/evaluations/stats", params={"group_by": "hall"},
                                    headers=who.headers)
        assert response.status_code == 200, response.text
        return {s["key"] for s in response.json()["items"]}

    both, here = {str(window.hall.id), str(elsewhere.hall.id)}, {str(window.hall.id)}
    assert await halls_seen(f"hall_manager@{window.hall.code}") == here
    assert await halls_seen("admin", f"hall_manager@{window.hall.code}") == both  # a global admin
    assert await halls_seen(f"admin:{elsewhere.department.code}", f"hall_manager@{window.hall.code}") == both
    assert await halls_seen(f"admin@{elsewhere.hall.code}") == {str(elsewhere.hall.id)}
