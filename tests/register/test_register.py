"""决定公开: approvals are published with item, number and date; a company holder is named, a
natural person never; revocations show; denials are not listed; pages follow one another."""

from __future__ import annotations

from datetime import timedelta

from app.ids import to_local, utcnow
from models.onewindow import ECertificate
from models.users import User
from tests.builders import resident_session
from tests.builders.bundles import decide_step, make_desk, sync_demo, upload_materials
from tests.builders.companies import (
    AGENT_ID_NUMBER,
    AGENT_NAME,
    COMPANY_USCC,
    agent_session,
    grant_agent,
    representative,
)
from tests.builders.onewindow import WINDOW_FORM, OneWindow, accepted, checked_in_visit, desk_post

REGISTER = "/api/v1/register/decisions"
COMPANY_FORM = {"company_name": "北京海淀通测试科技有限公司", "legal_representative": "李四",
                "contact_phone": "13800138002", "registered_capital": 100, "business_scope": "软件开发",
                "seal_kinds": ["公章"], "invoice_kinds": ["增值税普通发票"], "employees": 5}


async def _decided(client, rt, window: OneWindow, *, approve: bool = True) -> tuple[object, dict]:
    """An application accepted at the window and decided by both reviewers (or denied by the first)."""
    resident = await resident_session(rt)
    visit = await checked_in_visit(window, await User.get(id=resident.id))
    application = await accepted(client, window, visit.id)
    path = f"applications/{application['id']}/approvals"
    if approve:
        for reviewer in (window.examiner, window.decider):
            assert (await desk_post(client, reviewer, path, {"opinion": "approve"})).status_code == 200
    else:
        denied = await desk_post(client, window.examiner, path, {"opinion": "deny", "comment": "不符合条件"})
        assert denied.status_code == 200, denied.text
    return resident, application


async def _decision_number(client, resident, application: dict) -> str:
    listed = await client.get(f"/api/v1/applications/{application['id']}/documents", headers=resident.headers)
    return next(d["number"] for d in listed.json()["items"] if d["kind"] == "decision-notice")


async def _register(client, **query) -> list[dict]:
    response = await client.get(REGISTER, params=query)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_an_approval_is_published_with_no_personal_data_and_a_denial_is_not(client, rt, window):
    resident, application = await _decided(client, rt, window)
    await _decided(client, rt, window, approve=False)
    number = await _decision_number(client, resident, application)
    response = await client.get(REGISTER, params={"department_id": str(window.department.id)})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    assert response.headers["etag"]
    [entry] = response.json()["items"]
    today = to_local(utcnow()).date()
    assert entry["number"] == number and entry["decided_on"] == today.isoformat()
    assert entry["item"] == {"code": window.item.code, "name": "企业设立登记"}
    assert entry["department"]["name"] == window.department.name
    assert entry["holder"] == {"type": "natural_person", "name": "自然人", "uscc": None}
    assert entry["status"] == "valid" and entry["revoked_on"] is None
    for personal in (WINDOW_FORM["applicant_name"], WINDOW_FORM["id_number"], str(resident.id),
                     application["id"], application["acceptance_number"]):
        assert personal not in response.text
    # Searchable by item code or name, number and date; a natural person's name finds nothing.
    assert [e["number"] for e in await _register(client, item=window.item.code)] == [number]
    assert [e["number"] for e in await _register(client, item="设立登", number=number[-8:])] == [number]
    assert len(await _register(client, item=window.item.code, decided_from=str(today), decided_to=str(today))) == 1
    assert await _register(client, item=window.item.code, decided_to=str(today - timedelta(days=1))) == []
    found = await client.get(REGISTER, params={"holder": WINDOW_FORM["applicant_name"]})
    assert found.json()["items"] == [] and WINDOW_FORM["applicant_name"] not in found.text


async def test_a_company_holder_is_named_and_found_and_its_people_are_not(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, ["HDSCJG"])
    rep, company_id = await representative(client)
    assert (await grant_agent(client, rep, company_id, scope=["QYKB"])).status_code == 201
    agent = await agent_session(rt)
    created = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": COMPANY_FORM, "company_id": company_id})
    assert created.status_code == 201, created.text
    await upload_materials(client, agent, created.json())
    filed = await client.post(f"/api/v1/bundle-applications/{created.json()['id']}/submit", headers=agent.headers)
    registration = next(s for s in filed.json()["steps"] if s["key"] == "registration")["application_id"]
    await decide_step(client, desk, "HDSCJG", registration, outputs={"credit_code": "91110108MA01HDT015"},
                      certificate=False)
    found = await client.get(REGISTER, params={"holder": "海淀通测试科技"})
    [entry] = found.json()["items"]
    assert entry["holder"] == {"type": "company", "name": "北京海淀通测试科技有限公司", "uscc": COMPANY_USCC}
    assert entry["item"]["name"] and entry["number"].startswith("XK")
    # The agent who filed and the legal representative are people: neither is published.
    assert AGENT_NAME not in found.text and AGENT_ID_NUMBER not in found.text and "李四" not in found.text
    assert [e["number"] for e in await _register(client, holder=COMPANY_USCC.lower())] == [entry["number"]]
    assert await _register(client, holder=AGENT_NAME) == []
    # A search longer than a credit code matches names only (it once reached the 18-character column).
    assert await _register(client, holder="北京海淀通测试科技有限公司不存在的分公司") == []


async def test_a_revoked_certificates_decision_is_shown_revoked(client, rt, window):
    _, application = await _decided(client, rt, window)
    assert (await desk_post(client, window.decider, f"applications/{application['id']}/certificate")).status_code == 200
    certificate = await ECertificate.get(application_id=application["id"])
    revoked = await desk_post(client, window.decider, f"certificates/{certificate.id}/revoke",
                              {"reason_code": "issued_in_error", "reason": "登记信息有误"})
    assert revoked.status_code == 200, revoked.text
    [entry] = await _register(client, item=window.item.code)
    assert entry["status"] == "revoked" and entry["revoked_on"] == to_local(utcnow()).date().isoformat()


async def test_pages_follow_one_another_newest_first(client, rt, window):
    numbers = []
    for _ in range(3):
        resident, application = await _decided(client, rt, window)
        numbers.append(await _decision_number(client, resident, application))
    first = await client.get(REGISTER, params={"item": window.item.code, "limit": 2})
    assert [e["number"] for e in first.json()["items"]] == numbers[:0:-1]
    second = await client.get(REGISTER, params={"item": window.item.code, "limit": 2,
                                                "cursor": first.json()["next_cursor"]})
    assert [e["number"] for e in second.json()["items"]] == numbers[:1] and second.json()["next_cursor"] is None
    bad = await client.get(REGISTER, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "INVALID_CURSOR"
    backwards = await client.get(REGISTER, params={"decided_from": "2026-02-02", "decided_to": "2026-02-01"})
    assert backwards.status_code == 422 and backwards.json()["error"]["code"] == "VALIDATION_FAILED"
