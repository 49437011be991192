"""One evaluation for the whole bundle (一件事, 好差评) over HTTP: 企业开办 filed by the company's agent
is rated once, after its one pickup, by the agent who filed it — not step by step, not by the
representative; a bad rating goes to the lead step's department for rectification, is ledgered and
counted in the published statistics."""

from __future__ import annotations

import json

from models.ledger import LedgerEntry
from models.outbox import OutboxEvent
from tests.builders import resident_session
from tests.builders.bundles import approve, decide_step, make_desk, pass_prereview, sync_demo, upload_materials
from tests.builders.companies import agent_session, grant_agent, representative

FORM = {"company_name": "北京海淀通测试科技有限公司", "legal_representative": "李四", "contact_phone": "13800138002",
        "registered_capital": 100, "business_scope": "软件开发", "seal_kinds": ["公章", "财务专用章"],
        "invoice_kinds": ["增值税普通发票"], "employees": 5}
DEPARTMENTS = {"registration": "HDSCJG", "seal": "HDGA", "tax": "HDSW", "invoice": "HDSW", "social_insurance": "HDRS"}


async def _rate(client, who, subject_id: str, score: int, **extra):
    return await client.post("/api/v1/evaluations", headers=who.headers,
                             json={"event": "bundle", "subject_id": subject_id, "score": score, **extra})


async def _pending_events(client, who) -> list[dict]:
    response = await client.get("/api/v1/me/evaluations/pending", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["events"]


async def _worklist(client, who) -> list[dict]:
    response = await client.get("/api/v1/desk/evaluations/rectifications", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_a_company_bundle_is_rated_once_as_a_whole_after_its_one_pickup(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, sorted(set(DEPARTMENTS.values())))
    rep, company_id = await representative(client)
    granted = await grant_agent(client, rep, company_id, scope=["QYKB"])
    assert granted.status_code == 201, granted.text
    agent = await agent_session(rt)
    created = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    assert created.status_code == 201, created.text
    bundle_id = (await upload_materials(client, agent, created.json()))["id"]
    submitted = await client.post(f"/api/v1/bundle-applications/{bundle_id}/submit", headers=agent.headers)
    assert submitted.status_code == 200, submitted.text
    steps = {s["key"]: s for s in submitted.json()["steps"]}

    await decide_step(client, desk, "HDSCJG", steps["registration"]["application_id"],
                      outputs={"credit_code": "91110108MA01HDT015"})
    for key in ("seal", "tax", "invoice", "social_insurance"):
        await decide_step(client, desk, DEPARTMENTS[key], steps[key]["application_id"])

    # Every result is made, but nothing is picked up yet: nothing to rate, the steps never.
    assert await _pending_events(client, agent) == []
    early = await _rate(client, agent, bundle_id, 5)
    assert early.status_code == 409 and early.json()["error"]["code"] == "EVALUATION_NOT_ALLOWED"
    step = await client.post("/api/v1/evaluations", headers=agent.headers, json={
        "event": "decision", "subject_id": steps["tax"]["application_id"], "score": 5})
    assert step.status_code == 409 and step.json()["error"]["code"] == "EVALUATION_BY_BUNDLE"

    picked = await client.post(f"/api/v1/desk/bundle-applications/{bundle_id}/issue", headers=desk.clerk.headers,
                               json={"method": "window"})
    assert picked.status_code == 200 and picked.json()["state"] == "completed", picked.text

    # One invitation, for the bundle, to the agent who filed it; none for its five steps.
    invited = await OutboxEvent.filter(event_type="evaluation.bundle_invited").values_list("payload", flat=True)
    assert [(p["bundle_application_id"], p["resident_id"], p["bundle_name"]) for p in invited] == [
        (bundle_id, str(agent.id), "企业开办")]
    assert await OutboxEvent.filter(event_type="evaluation.invited").count() == 0
    [pending] = await _pending_events(client, agent)
    registration_department = steps["registration"]["department_id"]
    assert (pending["event"], pending["subject_id"], pending["application_id"], pending["bundle_code"],
            pending["bundle_name"], pending["channel"], pending["department_id"]) == (
        "bundle", bundle_id, None, "QYKB", "企业开办", "hall", registration_department)

    # The representative follows the bundle but did not file it; a stranger has nothing to rate.
    assert await _pending_events(client, rep) == []
    for other in (rep, await resident_session(rt)):
        refused = await _rate(client, other, bundle_id, 1)
        assert refused.status_code == 404 and refused.json()["error"]["code"] == "EVALUATION_EVENT_NOT_FOUND"

    rated = await _rate(client, agent, bundle_id, 2, comment="社保登记环节让我补了两次材料")
    assert rated.status_code == 201, rated.text
    rating = rated.json()
    assert (rating["event"], rating["subject_id"], rating["application_id"], rating["channel"], rating["level"],
            rating["is_bad"], rating["department_id"], rating["hall_id"]) == (
        "bundle", bundle_id, None, "hall", "dissatisfied", True, registration_department, desk.hall_id)
    assert rating["rectify_by"] is not None
    twice = await _rate(client, agent, bundle_id, 5)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "EVALUATION_EXISTS"
    assert await _pending_events(client, agent) == []

    # Routed to the lead step's department (市场监管, the registration), not to the others.
    lead_reviewer = desk.reviewers["HDSCJG"][0]
    assert [r["id"] for r in await _worklist(client, lead_reviewer)] == [rating["id"]]
    assert await _worklist(client, desk.reviewers["HDSW"][0]) == []
    routed = [json.loads(leaf)["data"] for leaf in await LedgerEntry.filter(
        record_type="evaluation_step").values_list("leaf", flat=True)]
    assert routed == [{"evaluation_id": rating["id"], "department_id": registration_department, "event": "bundle",
                       "action": "routed", "actor_id": str(agent.id), "rectify_by": rating["rectify_by"],
                       "bundle_application_id": bundle_id}]
    rectified = await client.post(f"/api/v1/desk/evaluations/{rating['id']}/rectification",
                                  headers=lead_reviewer.headers, json={"note": "一件事材料清单已合并，不再分环节补正"})
    assert rectified.status_code == 200, rectified.text
    (told,) = await OutboxEvent.filter(event_type="evaluation.rectified").values_list("payload", flat=True)
    assert told["item_name"] == "企业开办"  # the message names the bundle, not its lead step's item

    # Counted in the published statistics, under the lead department and the bundle's hall.
    stats = await client.get("/api/v1/evaluation-statistics",
                             params={"group_by": "department", "department_id": registration_department})
    assert stats.status_code == 200, stats.text
    [row] = stats.json()["items"]
    assert (row["total"], row["bad"], row["levels"]["dissatisfied"], row["rectified_on_time"]) == (1, 1, 1, 1)
    by_hall = await client.get("/api/v1/evaluation-statistics", params={"group_by": "hall", "hall_id": desk.hall_id})
    assert [(r["key"], r["total"]) for r in by_hall.json()["items"]] == [(desk.hall_id, 1)]


async def test_a_former_agent_no_longer_rates_the_company_bundle(client, bjpass, rt):
    await sync_demo(rt)
    desk = await make_desk(rt, sorted(set(DEPARTMENTS.values())))
    rep, company_id = await representative(client)
    granted = await grant_agent(client, rep, company_id, scope=["QYKB"])
    agent = await agent_session(rt)
    created = await client.post("/api/v1/bundle-applications", headers=agent.headers, json={
        "bundle_code": "QYKB", "hall_id": desk.hall_id, "form_data": FORM, "company_id": company_id})
    bundle_id = (await upload_materials(client, agent, created.json()))["id"]
    submitted = await client.post(f"/api/v1/bundle-applications/{bundle_id}/submit", headers=agent.headers)
    registration = next(s for s in submitted.json()["steps"] if s["key"] == "registration")["application_id"]
    # The registration is denied: the bundle stops and is rated as a whole (one invitation, for it).
    examiner = desk.reviewers["HDSCJG"][0]
    await pass_prereview(client, examiner, registration)
    denied = await approve(client, examiner, registration, opinion="deny", comment="拟用名称与已登记企业相同")
    assert denied.status_code == 200, denied.text
    assert [e["subject_id"] for e in await _pending_events(client, agent)] == [bundle_id]
    assert await OutboxEvent.filter(event_type="evaluation.invited").count() == 0
    assert await OutboxEvent.filter(event_type="evaluation.bundle_invited", aggregate_id=bundle_id).count() == 1

    revoked = await client.post(f"/api/v1/companies/{company_id}/agents/{granted.json()['id']}/revoke",
                                headers=rep.headers)
    assert revoked.status_code == 200, revoked.text
    assert await _pending_events(client, agent) == []
    refused = await _rate(client, agent, bundle_id, 1)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "EVALUATION_EVENT_NOT_FOUND"
