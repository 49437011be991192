"""好差评 to the national scheme over HTTP: each service event rated once on five levels; a bad
rating routed to its department, rectified within 15 working days, called back and rated again;
another department's reviewer sees nothing of it; the public statistics carry counts only; a
bundle is rated once as a whole."""

from __future__ import annotations

import json
from datetime import date, timedelta

from app.ids import to_local, utcnow
from models.hall_floor import Ticket, TicketStatus
from models.onewindow import Evaluation
from models.outbox import OutboxEvent
from models.prereview import Application, ApplicationState
from models.users import User
from services import calendar
from tests.builders import make_application, make_department, make_prereview_item, resident_session
from tests.builders.bundles import approve, decide_step, make_desk, pass_prereview, sync_demo, upload_materials
from tests.builders.companies import agent_session, grant_agent, representative
from tests.builders.hall_floor import make_tickets
from tests.builders.onewindow import OneWindow, accepted, checked_in_visit, desk_post
from tests.builders.prereview import reviewer_of


async def _decided(client, rt, window: OneWindow):
    """A resident whose application, received from a booked visit, was denied."""
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    denied = await desk_post(client, window.examiner, f"applications/{application['id']}/approvals",
                             {"opinion": "deny", "comment": "不符合条件"})
    assert denied.status_code == 200, denied.text
    return resident, application["id"], str(visit.id)


async def _rate(client, who, event: str, subject_id: str, score: int, **extra):
    return await client.post("/api/v1/evaluations", headers=who.headers,
                             json={"event": event, "subject_id": subject_id, "score": score, **extra})


async def _pending(client, who) -> dict:
    response = await client.get("/api/v1/me/evaluations/pending", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _worklist(client, who, state: str = "open") -> list[dict]:
    response = await client.get("/api/v1/desk/evaluations/rectifications", params={"state": state},
                                headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def _statistics(client, **params) -> dict:
    response = await client.get("/api/v1/evaluation-statistics", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_bad_rating_is_rectified_called_back_and_rated_again(client, rt, window: OneWindow):
    resident, application_id, visit_id = await _decided(client, rt, window)
    # 待评价: the decision and the served visit; the result was not collected, so no pickup.
    assert {(e["event"], e["subject_id"]) for e in (await _pending(client, resident))["events"]} == {
        ("decision", application_id), ("appointment", visit_id)}

    rated = await _rate(client, resident, "decision", application_id, 1, comment="来回跑了三趟")
    assert rated.status_code == 201, rated.text
    rating = rated.json()
    assert (rating["level"], rating["level_name"], rating["channel"], rating["is_bad"]) == (
        "very_dissatisfied", "非常不满意", "hall", True)
    today = to_local(utcnow()).date()
    assert rating["rectify_by"] == (await calendar.add_working_days(
        start=today, days=15, hall_id=window.hall.id)).isoformat()
    assert rating["department_id"] == str(window.department.id) and rating["overdue"] is False

    # One rating per event, through either API; the resident cannot rate again before the call back.
    twice = await _rate(client, resident, "decision", application_id, 5)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "EVALUATION_EXISTS"
    legacy = await client.post(f"/api/v1/applications/{application_id}/evaluation", json={"score": 5},
                               headers=resident.headers)
    assert legacy.status_code == 409 and legacy.json()["error"]["code"] == "EVALUATION_EXISTS"
    early = await client.post(f"/api/v1/evaluations/{rating['id']}/re-rating", json={"score": 4},
                              headers=resident.headers)
    assert early.status_code == 409 and early.json()["error"]["code"] == "EVALUATION_NOT_CALLED_BACK"
    assert [e["event"] for e in (await _pending(client, resident))["events"]] == ["appointment"]

    # Routed to the department: its reviewer sees it; another department's reviewer sees nothing.
    assert [r["id"] for r in await _worklist(client, window.examiner)] == [rating["id"]]
    stranger = await reviewer_of(rt, await make_department())
    assert await _worklist(client, stranger) == []
    refused = await desk_post(client, stranger, f"evaluations/{rating['id']}/rectification", {"note": "越权"})
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "EVALUATION_NOT_FOUND"
    too_soon = await desk_post(client, window.examiner, f"evaluations/{rating['id']}/call-back",
                               {"note": "回访", "satisfied": True})
    assert too_soon.status_code == 409 and too_soon.json()["error"]["code"] == "EVALUATION_NOT_RECTIFIED"

    rectified = await desk_post(client, window.examiner, f"evaluations/{rating['id']}/rectification",
                                {"note": "材料清单改为一次告知，增设导办"})
    assert rectified.status_code == 200, rectified.text
    assert rectified.json()["rectified_at"] and rectified.json()["rectification_note"].startswith("材料清单")
    again = await desk_post(client, window.examiner, f"evaluations/{rating['id']}/rectification", {"note": "再改"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "EVALUATION_ALREADY_RECTIFIED"
    (told,) = await OutboxEvent.filter(event_type="evaluation.rectified", aggregate_id=rating["id"])
    assert told.payload["resident_id"] == resident.id
    assert [r["id"] for r in await _worklist(client, window.examiner, "rectified")] == [rating["id"]]

    called = await desk_post(client, window.examiner, f"evaluations/{rating['id']}/call-back",
                             {"note": "电话回访，群众认可整改", "satisfied": True})
    assert called.status_code == 200, called.text
    assert called.json()["callback_satisfied"] is True and called.json()["called_back_at"]
    assert [r["id"] for r in (await _pending(client, resident))["reratings"]] == [rating["id"]]

    rerated = await client.post(f"/api/v1/evaluations/{rating['id']}/re-rating", json={"score": 4},
                                headers=resident.headers)
    assert rerated.status_code == 201, rerated.text
    assert (rerated.json()["round"], rerated.json()["rerating_of"], rerated.json()["level"]) == (
        2, rating["id"], "satisfied")
    once = await client.post(f"/api/v1/evaluations/{rating['id']}/re-rating", json={"score": 5},
                             headers=resident.headers)
    assert once.status_code == 409 and once.json()["error"]["code"] == "EVALUATION_EXISTS"
    shown = (await client.get(f"/api/v1/evaluations/{rating['id']}", headers=resident.headers)).json()
    assert shown["rerating_id"] == rerated.json()["id"] and (await _pending(client, resident))["reratings"] == []

    # Every step is in the public ledger under the application: ids, dates and hashes, no words.
    ledger = (await client.get(f"/api/v1/ledger/applications/{application_id}")).json()
    steps = [json.loads(e["entry"]["leaf"])["data"] for e in ledger["entries"]
             if json.loads(e["entry"]["leaf"])["type"] == "evaluation_step"]
    assert [s["action"] for s in steps] == ["routed", "rectified", "called_back", "re_rated"]
    assert steps[0]["rectify_by"] == rating["rectify_by"] and "来回跑了三趟" not in json.dumps(ledger)
    (row,) = (await _statistics(client, group_by="item", department_id=str(window.department.id)))["items"]
    assert (row["bad"], row["rectified_on_time"], row["rectified_late"], row["overdue"], row["re_rated"]) == (
        1, 1, 0, 0, 1)
    assert row["total"] == 1  # the re-rating is not counted as a second rating


async def test_an_overdue_rectification_is_flagged_and_counted(client, rt, window: OneWindow):
    resident, application_id, _ = await _decided(client, rt, window)
    rating = (await _rate(client, resident, "decision", application_id, 2)).json()
    assert await _worklist(client, window.manager, "overdue") == []
    # Fifteen working days pass without a rectification.
    await Evaluation.filter(id=rating["id"]).update(rectify_by=date.today() - timedelta(days=2))
    (overdue,) = await _worklist(client, window.manager, "overdue")
    assert overdue["id"] == rating["id"] and overdue["overdue"] is True
    assert [r["id"] for r in await _worklist(client, window.decider, "overdue")] == [rating["id"]]
    (row,) = (await _statistics(client, group_by="department", department_id=str(window.department.id)))["items"]
    assert (row["bad"], row["overdue"], row["rectified_on_time"]) == (1, 1, 0)


async def test_an_event_is_rated_only_by_its_resident_after_it_happened(client, rt, window: OneWindow):
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    undecided = await _rate(client, resident, "decision", application["id"], 5)
    assert undecided.status_code == 409 and undecided.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"
    no_pickup = await _rate(client, resident, "pickup", application["id"], 5)
    assert no_pickup.status_code == 409 and no_pickup.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"
    stranger = await resident_session(rt)
    theirs = await _rate(client, stranger, "appointment", str(visit.id), 1)
    assert theirs.status_code == 404 and theirs.json()["error"]["code"] == "EVALUATION_EVENT_NOT_FOUND"
    # The visit was served (the application was received from it): its resident rates it once.
    served = await _rate(client, resident, "appointment", str(visit.id), 5, channel="kiosk")
    assert served.status_code == 201 and served.json()["channel"] == "kiosk"
    assert served.json()["application_id"] == application["id"]
    assert (await _rate(client, resident, "appointment", str(visit.id), 4)).json()["error"]["code"] == (
        "EVALUATION_EXISTS")

    # A visit with no application is served when its hall ticket is.
    walk_up = await checked_in_visit(window, await User.get(id=resident.id))
    waiting = await _rate(client, resident, "appointment", str(walk_up.id), 5)
    assert waiting.status_code == 409 and waiting.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"
    (ticket,) = await make_tickets(window.hall, 1, start=900)
    await Ticket.filter(id=ticket.id).update(appointment_id=walk_up.id, status=TicketStatus.DONE,
                                             served_at=utcnow())
    assert [e["subject_id"] for e in (await _pending(client, resident))["events"]] == [str(walk_up.id)]
    ticket_served = await _rate(client, resident, "appointment", str(walk_up.id), 4)
    assert ticket_served.status_code == 201 and ticket_served.json()["application_id"] is None


async def test_the_statistics_are_public_counts_without_personal_data(client, rt, window: OneWindow):
    comments = {5: "非常好", 4: "", 1: "窗口人员张某态度差"}
    names = []
    for score, comment in comments.items():
        resident, application_id, _ = await _decided(client, rt, window)
        names.append((await User.get(id=resident.id)).display_name)
        assert (await _rate(client, resident, "decision", application_id, score, comment=comment)).status_code == 201
    month = to_local(utcnow()).strftime("%Y-%m")
    expected_levels = {"very_satisfied": 1, "satisfied": 1, "basically_satisfied": 0, "dissatisfied": 0,
                       "very_dissatisfied": 1}
    for group_by, key, name in (("department", window.department.id, window.department.name),
                                ("hall", window.hall.id, window.hall.name), ("item", window.item.id, window.item.name)):
        page = await _statistics(client, group_by=group_by, month=month, department_id=str(window.department.id))
        assert page["items"] == [{"key": str(key), "name": name, "total": 3, "levels": expected_levels,
                                  "satisfaction_rate": 66.67, "bad": 1, "rectified_on_time": 0,
                                  "rectified_late": 0, "overdue": 0, "re_rated": 0}]
        text = json.dumps(page, ensure_ascii=False)
        assert all(c not in text for c in comments.values() if c) and all(n not in text for n in names)
    (channel,) = (await _statistics(client, group_by="channel", department_id=str(window.department.id)))["items"]
    assert (channel["key"], channel["name"], channel["total"]) == ("hall", "窗口", 3)
    last_year = f"{to_local(utcnow()).year - 1}-01"
    assert (await _statistics(client, group_by="department", month=last_year,
                              department_id=str(window.department.id)))["items"] == []
    bad_month = await client.get("/api/v1/evaluation-statistics", params={"month": "2026-13"})
    assert bad_month.status_code == 422


SELLER = ("张三", "110108199003071238")
BUYER = ("王五", "110105197811207895")
HOME_SALE = {"property_address": "海淀区中关村大街1号1单元101",
             "certificate_number": "京(2020)海淀区不动产权第0000001号", "price_yuan": 3000000,
             "seller_name": SELLER[0], "buyer_name": BUYER[0]}


async def test_a_bundle_is_rated_once_as_a_whole(client, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDZJW", "HDSW", "HDGHZR"])
    seller = await agent_session(rt, name=SELLER[0], id_number=SELLER[1])
    buyer = await agent_session(rt, name=BUYER[0], id_number=BUYER[1])
    created = await client.post("/api/v1/bundle-applications", headers=seller.headers, json={
        "bundle_code": "CLFJY", "hall_id": desk.hall_id, "role": "seller", "form_data": HOME_SALE,
        "parties": [{"role": "buyer", "name": BUYER[0], "id_number": BUYER[1]}]})
    assert created.status_code == 201, created.text
    bundle_id = (await upload_materials(client, seller, created.json()))["id"]
    url = f"/api/v1/bundle-applications/{bundle_id}"
    assert (await client.post(f"{url}/confirm", headers=buyer.headers, json={"form_version": 1})).status_code == 200
    submitted = await client.post(f"{url}/submit", headers=seller.headers)
    assert submitted.status_code == 200, submitted.text
    steps = {s["key"]: s for s in submitted.json()["steps"]}
    early = await _rate(client, seller, "bundle", bundle_id, 5)
    assert early.status_code == 409 and early.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"

    contract_id, tax_id = steps["contract"]["application_id"], steps["tax"]["application_id"]
    await decide_step(client, desk, "HDZJW", contract_id, outputs={"contract_filing_number": "WQ2026-0001"})
    await pass_prereview(client, desk.reviewers["HDSW"][0], tax_id)
    denied = await approve(client, desk.reviewers["HDSW"][1], tax_id, opinion="deny", comment="申报成交价明显偏低")
    assert denied.status_code == 200, denied.text

    # The steps were decided, but only the bundle is there to rate.
    assert [(e["event"], e["subject_id"]) for e in (await _pending(client, seller))["events"]] == [
        ("bundle", bundle_id)]
    step = await _rate(client, seller, "decision", contract_id, 5)
    assert step.status_code == 409 and step.json()["error"]["code"] == "EVALUATION_BY_BUNDLE"
    legacy = await client.post(f"/api/v1/applications/{tax_id}/evaluation", json={"score": 1},
                               headers=seller.headers)
    assert legacy.status_code == 409 and legacy.json()["error"]["code"] == "EVALUATION_BY_BUNDLE"
    assert (await _rate(client, buyer, "bundle", bundle_id, 1)).status_code == 404

    rated = await _rate(client, seller, "bundle", bundle_id, 3)
    assert rated.status_code == 201, rated.text
    assert (rated.json()["event"], rated.json()["level_name"], rated.json()["application_id"]) == (
        "bundle", "基本满意", None)
    assert rated.json()["department_id"] == steps["contract"]["department_id"]  # the first step's department
    twice = await _rate(client, seller, "bundle", bundle_id, 4)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "EVALUATION_EXISTS"
    assert (await _pending(client, seller))["events"] == []


async def test_a_companys_decision_is_rated_by_its_agent_only_while_the_authorisation_stands(client, rt, bjpass):
    item = await make_prereview_item()
    rep, company_id = await representative(client)
    granted = await grant_agent(client, rep, company_id, scope=[item.code])
    assert granted.status_code == 201, granted.text
    agent = await agent_session(rt)
    application = await make_application(resident=await User.get(id=agent.id), item=item,
                                         state=ApplicationState.DENIED)
    await Application.filter(id=application.id).update(company_id=company_id, decided_at=utcnow())
    assert [e["subject_id"] for e in (await _pending(client, agent))["events"]] == [str(application.id)]

    revoked = await client.post(f"/api/v1/companies/{company_id}/agents/{granted.json()['id']}/revoke",
                                headers=rep.headers)
    assert revoked.status_code == 200, revoked.text
    # A former agent no longer sees the company's application, so neither rates it.
    assert (await _pending(client, agent))["events"] == []
    refused = await _rate(client, agent, "decision", str(application.id), 1)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "EVALUATION_EVENT_NOT_FOUND"
